/**
 * Self-registration of citizens with e-mail confirmation, and password reset by e-mail: links are
 * single-use and expire, a reset ends every session and revokes the API tokens, and the forms do not
 * reveal who has an account.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { databaseText } from '../support/db-dump.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

forEachDialect('registration and password reset', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  async function mailTo(email: string) {
    return (await t.sentMail()).filter((m) => m.to.toLowerCase() === email.toLowerCase());
  }

  /** The path of the link in the last mail to `email` (the mail carries the full public address). */
  async function linkFor(email: string, pathRe: RegExp): Promise<string> {
    const mails = await mailTo(email);
    assert.ok(mails.length > 0, `a mail was sent to ${email}`);
    const m = new RegExp(`${t.config.publicUrl}(${pathRe.source})`).exec(mails[mails.length - 1]!.text);
    assert.ok(m, 'the mail has the link');
    return m[1]!;
  }

  test('a citizen registers, confirms through the link (page, then POST) and signs in', async () => {
    const agent = new Agent(t.app, { 'accept-language': 'en' });
    const email = 'aigul.registers@example.org';
    const password = 'apricots from batken';
    const res = await agent.post('/register', {
      display_name: 'Айгүл',
      email: ' Aigul.Registers@Example.org ',
      password,
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Almost done: follow the link in the e-mail we sent to/);

    const mails = await mailTo(email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /^Hello Айгүл,/);
    const user = await t.db.conn.db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    assert.equal(user.status, 'unconfirmed');
    assert.equal(user.role, 'citizen');
    assert.equal(user.locale, 'en');

    // Not before confirming.
    const early = await new Agent(t.app, { 'accept-language': 'en' }).post('/login', { email, password });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /Please confirm your e-mail address first/);

    const link = await linkFor(email, /\/register\/confirm\?token=[\w-]+/);
    const page = await agent.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/register\/confirm"/);
    assert.equal(
      (await t.db.conn.db.selectFrom('user').select('status').where('id', '=', user.id).executeTakeFirstOrThrow())
        .status,
      'unconfirmed',
      'opening the link changes nothing',
    );
    const token = new URL(link, t.config.publicUrl).searchParams.get('token')!;
    assert.equal((await databaseText(t.db.conn.db)).includes(token), false, 'only a hash of the link token is stored');
    const confirmed = await agent.post('/register/confirm', { token });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/login?confirmed=1');
    // The link works once.
    assert.equal((await agent.post('/register/confirm', { token })).statusCode, 400);
    assert.equal((await agent.get(link)).statusCode, 400);

    const login = await new Agent(t.app).post('/login', { email, password });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/account');
  });

  test('registration refuses a duplicate address, a short or common password, and writes nothing', async () => {
    const existing = await buildUser(t);
    const agent = new Agent(t.app, { 'accept-language': 'en' });
    const dup = await agent.post('/register', {
      display_name: 'Someone',
      email: existing.email.toUpperCase(),
      password: 'apricots from batken',
    });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /An account with this address already exists/);
    const short = await agent.post('/register', {
      display_name: 'Someone',
      email: 'short.pw@example.org',
      password: 'elevenchars',
    });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /Must be at least 12 characters/);
    assert.match(short.body, /value="short.pw@example.org"/, 'the input is kept');
    const common = await agent.post('/register', {
      display_name: 'Someone',
      email: 'common.pw@example.org',
      password: 'password123456',
    });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, /This password is too common/);
    const users = await t.db.conn.db
      .selectFrom('user')
      .select('email')
      .where('email', 'in', ['short.pw@example.org', 'common.pw@example.org'])
      .execute();
    assert.deepEqual(users, []);
    assert.deepEqual(await mailTo('short.pw@example.org'), []);
  });

  test('a password reset link works once, sets the password, ends every session and revokes the API tokens', async () => {
    const user = await buildUser(t);
    const elsewhere = await signIn(t, user);
    const made = await elsewhere.post('/account/tokens', { name: 'made before the reset' });
    const apiToken = /<code class="secret">(achyk_[\w-]+)<\/code>/.exec(made.body)?.[1];
    assert.ok(apiToken, 'a token was made');
    const me = () => t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${apiToken}` } });
    assert.equal((await me()).statusCode, 200);
    const agent = new Agent(t.app, { 'accept-language': 'en' });
    const res = await agent.post('/password/forgot', { email: user.email });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /If an account exists for this address, we have sent a link/);
    const link = await linkFor(user.email, /\/password\/reset\?token=[\w-]+/);
    assert.equal((await agent.get(link)).statusCode, 200);
    const token = new URL(link, t.config.publicUrl).searchParams.get('token')!;

    const weak = await agent.post('/password/reset', { token, password: 'short' });
    assert.equal(weak.statusCode, 422, 'a refused password does not use up the link');
    const done = await agent.post('/password/reset', { token, password: 'a new long passphrase' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/login?reset=1');
    assert.equal((await elsewhere.get('/account')).statusCode, 303, 'the other session has ended');
    const sessions = await t.db.conn.db
      .selectFrom('session')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    assert.deepEqual(sessions, []);
    assert.equal((await me()).statusCode, 401, 'a token made before the reset no longer opens the API');

    const again = await agent.post('/password/reset', { token, password: 'yet another passphrase' });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /This link is invalid, has expired or has already been used/);
    assert.equal(
      (await new Agent(t.app).post('/login', { email: user.email, password: user.password })).statusCode,
      422,
    );
    assert.equal(
      (await new Agent(t.app).post('/login', { email: user.email, password: 'a new long passphrase' })).statusCode,
      303,
    );
  });

  test('a reset link expires after one hour; a newer link replaces an older one', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app);
    await agent.post('/password/forgot', { email: user.email });
    const first = new URL(
      await linkFor(user.email, /\/password\/reset\?token=[\w-]+/),
      t.config.publicUrl,
    ).searchParams.get('token')!;
    t.clock.advance(59 * 60_000);
    assert.equal((await agent.get(`/password/reset?token=${first}`)).statusCode, 200, 'still valid at 59 minutes');
    t.clock.advance(2 * 60_000);
    assert.equal((await agent.get(`/password/reset?token=${first}`)).statusCode, 400);
    assert.equal(
      (await agent.post('/password/reset', { token: first, password: 'a new long passphrase' })).statusCode,
      400,
    );

    await agent.post('/password/forgot', { email: user.email });
    const second = new URL(
      await linkFor(user.email, /\/password\/reset\?token=[\w-]+/),
      t.config.publicUrl,
    ).searchParams.get('token')!;
    await agent.post('/password/forgot', { email: user.email });
    const third = new URL(
      await linkFor(user.email, /\/password\/reset\?token=[\w-]+/),
      t.config.publicUrl,
    ).searchParams.get('token')!;
    assert.notEqual(second, third);
    assert.equal(
      (await agent.get(`/password/reset?token=${second}`)).statusCode,
      400,
      'the older link no longer works',
    );
    assert.equal((await agent.get(`/password/reset?token=${third}`)).statusCode, 200);
  });

  test('forgot-password for an unknown address gives the same answer and sends nothing', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app, { 'accept-language': 'ru' });
    const before = (await t.sentMail()).length;
    const unknown = await agent.post('/password/forgot', { email: 'nobody.here@example.org' });
    assert.equal((await t.sentMail()).length, before);
    const known = await agent.post('/password/forgot', { email: user.email });
    assert.equal((await t.sentMail()).length, before + 1);
    assert.equal(unknown.statusCode, known.statusCode);
    assert.equal(unknown.body, known.body);
    // A disabled account gets no link either.
    const disabled = await buildUser(t, { status: 'disabled' });
    await agent.post('/password/forgot', { email: disabled.email });
    assert.deepEqual(await mailTo(disabled.email), []);
  });

  test('links with a malformed or made-up token are refused without a server error', async () => {
    const agent = new Agent(t.app);
    for (const token of ['', 'x', 'a'.repeat(43), '../../etc/passwd', 'a'.repeat(500)]) {
      assert.equal((await agent.get(`/password/reset?token=${encodeURIComponent(token)}`)).statusCode, 400, token);
      assert.equal((await agent.get(`/register/confirm?token=${encodeURIComponent(token)}`)).statusCode, 400, token);
      assert.ok([400, 422].includes((await agent.post('/register/confirm', { token })).statusCode), token);
      assert.ok(
        [400, 422].includes(
          (await agent.post('/password/reset', { token, password: 'a new long passphrase' })).statusCode,
        ),
        token,
      );
    }
  });
});
