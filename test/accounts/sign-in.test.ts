import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { totpCode } from '../../src/platform/auth/totp.js';
import { Agent } from '../support/agent.js';
import { databaseText } from '../support/db-dump.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

forEachDialect('sign-in', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('a citizen signs in with a password and reaches the account page', async () => {
    const user = await buildUser(t, { role: 'citizen' });
    const agent = new Agent(t.app);
    const res = await agent.post('/login', { email: user.email, password: user.password });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const page = await agent.get('/account');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(user.email));
  });

  test('a wrong password is refused with a translated message and no session', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app, { 'accept-language': 'ru' });
    const res = await agent.post('/login', { email: user.email, password: 'not the password at all' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Неверный адрес электронной почты или пароль/);
    assert.equal(agent.cookies.has(t.app.achyk.cookies.session), false);
  });

  test('the 6th bad sign-in inside a minute gets 429', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app);
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await agent.post('/login', { email: user.email, password: `wrong password ${i}` })).statusCode,
        422,
      );
    const sixth = await agent.post('/login', { email: user.email, password: user.password });
    assert.equal(sixth.statusCode, 429);
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    t.clock.advance(61_000);
    assert.equal((await agent.post('/login', { email: user.email, password: user.password })).statusCode, 303);
  });

  test('an administrator signs in with password and TOTP; the same code cannot be used twice', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const agent = new Agent(t.app);
    const res = await agent.post('/login', { email: admin.email, password: admin.password });
    assert.equal(res.headers.location, '/login/totp');
    // Half-signed-in: the admin pages are still closed.
    assert.equal((await agent.get('/admin')).statusCode, 303);
    t.clock.advance(30_000);
    const code = totpCode(admin.totpSecret!, t.clock.now);
    const ok = await agent.post('/login/totp', { code });
    assert.equal(ok.statusCode, 303);
    assert.equal((await agent.get('/admin')).statusCode, 200);

    const other = new Agent(t.app);
    await other.post('/login', { email: admin.email, password: admin.password });
    const replay = await other.post('/login/totp', { code });
    assert.equal(replay.statusCode, 422);
  });

  test('sign-out is a POST with CSRF and deletes the session on the server', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user);
    const token = agent.cookies.get(t.app.achyk.cookies.session)!;
    assert.equal((await agent.post('/logout', {}, { csrf: false })).statusCode, 403);
    const res = await agent.post('/logout');
    assert.equal(res.statusCode, 303);
    const sessions = await t.db.conn.db
      .selectFrom('session')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(sessions.length, 0);
    // The old cookie no longer works.
    const replay = await t.app.inject({
      method: 'GET',
      url: '/account',
      headers: { cookie: `${t.app.achyk.cookies.session}=${token}` },
    });
    assert.equal(replay.statusCode, 303);
    assert.match(String(replay.headers.location), /^\/login/);
  });

  test('a session expires after 30 idle minutes and says so', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user);
    t.clock.advance(31 * 60_000);
    const res = await agent.get('/account');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /expired=1/);
  });

  test('a staff member without TOTP must enrol before anything else, bound to their own session', async () => {
    const lawyer = await buildUser(t, { role: 'lawyer', totp: false });
    const agent = new Agent(t.app);
    const res = await agent.post('/login', { email: lawyer.email, password: lawyer.password });
    assert.equal(res.headers.location, '/account/totp/setup');
    assert.equal((await agent.get('/account')).headers.location, '/account/totp/setup');
    const setup = await agent.get('/account/totp/setup');
    assert.equal(setup.statusCode, 200);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replace(/ /g, '');
    const done = await agent.post('/account/totp/setup', { code: totpCode(secret, t.clock.now) });
    assert.equal(done.statusCode, 200);
    const codes = [...done.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]);
    assert.equal(codes.length, 10);
    const stored = await databaseText(t.db.conn.db);
    for (const c of codes)
      assert.equal(
        stored.includes(c!) || stored.includes(c!.replace('-', '')),
        false,
        'recovery codes are stored hashed',
      );
    assert.equal((await agent.get('/account')).statusCode, 200);
    // A recovery code works once.
    const second = new Agent(t.app);
    await second.post('/login', { email: lawyer.email, password: lawyer.password });
    assert.equal((await second.post('/login/totp', { code: codes[0]! })).statusCode, 303);
    const third = new Agent(t.app);
    await third.post('/login', { email: lawyer.email, password: lawyer.password });
    assert.equal((await third.post('/login/totp', { code: codes[0]! })).statusCode, 422);
  });

  test('a session ends after 12 hours even when it is used all the time', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user);
    for (let h = 0; h < 11 * 3 + 2; h++) {
      t.clock.advance(20 * 60_000);
      assert.equal((await agent.get('/account')).statusCode, 200, `after ${(h + 1) * 20} minutes`);
    }
    t.clock.advance(25 * 60_000);
    const res = await agent.get('/account');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /expired=1/);
  });

  test('every sign-in step issues a new session token; a planted cookie is never adopted', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const agent = new Agent(t.app);
    const planted = 'p'.repeat(43);
    agent.cookies.set(t.app.achyk.cookies.session, planted);
    await agent.post('/login', { email: admin.email, password: admin.password });
    const afterPassword = agent.cookies.get(t.app.achyk.cookies.session);
    assert.ok(afterPassword && afterPassword !== planted);
    t.clock.advance(30_000);
    await agent.post('/login/totp', { code: totpCode(admin.totpSecret!, t.clock.now) });
    const afterTotp = agent.cookies.get(t.app.achyk.cookies.session);
    assert.ok(afterTotp && afterTotp !== afterPassword);
    const replay = await t.app.inject({
      url: '/account',
      headers: { cookie: `${t.app.achyk.cookies.session}=${afterPassword}` },
    });
    assert.equal(replay.statusCode, 303, 'the half-signed-in token is gone');
    const stored = await t.db.conn.db
      .selectFrom('session')
      .select('token_hash')
      .where('user_id', '=', admin.id)
      .execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, afterTotp, 'only a hash of the token is stored');
  });

  test('setting up TOTP again ends the other sessions', async () => {
    const user = await buildUser(t, { role: 'citizen' });
    const here = await signIn(t, user);
    const there = await signIn(t, user);
    const setup = await here.get('/account/totp/setup');
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replace(/ /g, '');
    assert.equal((await here.post('/account/totp/setup', { code: totpCode(secret, t.clock.now) })).statusCode, 200);
    assert.equal((await here.get('/account')).statusCode, 200);
    assert.equal((await there.get('/account')).statusCode, 303);
  });

  test('half-way through sign-in (TOTP code pending), TOTP cannot be set up anew to skip the code', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const agent = new Agent(t.app);
    assert.equal(
      (await agent.post('/login', { email: admin.email, password: admin.password })).headers.location,
      '/login/totp',
    );
    const setup = await agent.get('/account/totp/setup');
    assert.equal(setup.statusCode, 401);
    const attempt = await agent.post('/account/totp/setup', { code: '123456' });
    assert.equal(attempt.statusCode, 401);
    const row = await t.db.conn.db
      .selectFrom('user')
      .select('totp_secret_enc')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    assert.equal(t.cipher.decrypt(row.totp_secret_enc!, 'user.totp_secret'), admin.totpSecret);
    assert.equal((await agent.get('/account')).statusCode, 303);
  });
});
