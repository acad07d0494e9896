/**
 * The signed-in user's account (password change, API tokens), the API skeleton and the admin screen:
 * SECURITY.md's session rules, IDOR on tokens, re-authentication for role changes, denied access
 * logged.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { databaseText } from '../support/db-dump.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

forEachDialect('account, API tokens and administration', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  async function createToken(agent: Agent, name = 'my script'): Promise<{ token: string; id: number }> {
    const res = await agent.post('/account/tokens', { name });
    assert.equal(res.statusCode, 200);
    const token = /<code class="secret">(achyk_[\w-]+)<\/code>/.exec(res.body)?.[1];
    assert.ok(token, 'the new token is shown');
    const id = Number(/action="\/account\/tokens\/(\d+)\/revoke"/.exec(res.body)?.[1]);
    return { token, id };
  }

  const me = (token: string) => t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const userRow = (id: number) =>
    t.db.conn.db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('changing the password needs the current one; success ends the other sessions only', async () => {
    const user = await buildUser(t);
    const here = await signIn(t, user, new Agent(t.app, { 'accept-language': 'en' }));
    const there = await signIn(t, user);
    const wrong = await here.post('/account/password', {
      current_password: 'not my password at all',
      password: 'a new long passphrase',
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="field-current_password"[^>]*aria-invalid="true"/);
    const weak = await here.post('/account/password', { current_password: user.password, password: 'password123456' });
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /This password is too common/);
    assert.equal((await there.get('/account')).statusCode, 200, 'refused changes end nothing');

    const before = here.cookies.get(t.app.achyk.cookies.session);
    const ok = await here.post('/account/password', {
      current_password: user.password,
      password: 'a new long passphrase',
    });
    assert.equal(ok.statusCode, 200);
    assert.notEqual(here.cookies.get(t.app.achyk.cookies.session), before, 'this session gets a new token');
    assert.equal((await here.get('/account')).statusCode, 200);
    assert.equal((await there.get('/account')).statusCode, 303, 'the other session has ended');
    const sessions = await t.db.conn.db
      .selectFrom('session')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(sessions.length, 1);
  });

  test('password checks of a signed-in user share the sign-in throttle: the 6th wrong one inside a minute gets 429', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user, new Agent(t.app, { 'accept-language': 'en' }));
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await agent.post('/reauth', { password: `wrong guess number ${i}`, next: '/account' })).statusCode,
        422,
      );
    for (let i = 0; i < 2; i++)
      assert.equal(
        (
          await agent.post('/account/password', {
            current_password: `another wrong guess ${i}`,
            password: 'a new long passphrase',
          })
        ).statusCode,
        422,
      );
    const sixth = await agent.post('/reauth', { password: user.password, next: '/account' });
    assert.equal(sixth.statusCode, 429);
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    assert.match(sixth.body, /Too many attempts/);
    assert.equal(
      (await agent.post('/account/password', { current_password: user.password, password: 'a new long passphrase' }))
        .statusCode,
      429,
    );
    assert.equal(
      (await new Agent(t.app).post('/login', { email: user.email, password: user.password })).statusCode,
      429,
      'sign-in is throttled too',
    );
    const failures = await t.db.conn.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', String(user.id))
      .where('action', 'in', ['auth.reauth_failed', 'auth.password_change_failed'])
      .execute();
    assert.equal(failures.length, 5);
    t.clock.advance(61_000);
    assert.equal((await agent.post('/reauth', { password: user.password, next: '/account' })).statusCode, 303);
  });

  test('replacing a working second factor or its recovery codes needs a recent password', async () => {
    const user = await buildUser(t, { role: 'lawyer' });
    const agent = await signIn(t, user);
    assert.equal((await agent.get('/account/totp/setup')).statusCode, 200, 'fresh from sign-in');
    t.clock.advance(11 * 60_000);
    assert.equal((await agent.get('/account/totp/setup')).headers.location, '/reauth?next=%2Faccount%2Ftotp%2Fsetup');
    assert.equal(
      (await agent.post('/account/totp/setup', { code: '123456' })).headers.location,
      '/reauth?next=%2Faccount%2Ftotp%2Fsetup',
    );
    assert.equal((await agent.post('/account/recovery-codes')).headers.location, '/reauth?next=%2Faccount');
    assert.equal(
      (await t.db.conn.db.selectFrom('recovery_code').select('id').where('user_id', '=', user.id).execute()).length,
      0,
    );
    assert.equal(
      (await agent.post('/reauth', { password: user.password, next: '/account/totp/setup' })).headers.location,
      '/account/totp/setup',
    );
    assert.equal((await agent.get('/account/totp/setup')).statusCode, 200);
    const codes = await agent.post('/account/recovery-codes');
    assert.equal(codes.statusCode, 200);
    assert.equal([...codes.body.matchAll(/<code>[a-z2-9]{5}-[a-z2-9]{5}<\/code>/g)].length, 10);
  });

  test('an API token is shown once, stored hashed, works as a Bearer token and can be revoked', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user);
    const { token, id } = await createToken(agent);
    assert.match(token, /^achyk_[\w-]{43}$/);
    assert.equal(
      (await databaseText(t.db.conn.db)).includes(token.slice(6)),
      false,
      'the token is not in the database',
    );
    const page = await agent.get('/account');
    assert.equal(page.body.includes(token), false, 'shown only once');
    assert.match(page.body, new RegExp(`${token.slice(0, 10)}…`), 'the prefix identifies it');

    const res = await me(token);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      id: user.id,
      displayName: `Test citizen ${user.email.match(/user(\d+)/)![1]}`,
      role: 'citizen',
    });
    assert.equal((await me(`${token}x`)).statusCode, 401);
    assert.equal((await t.app.inject({ url: '/api/v1/me' })).statusCode, 401);
    // A session cookie does not open the API (no CSRF on the API, so no cookies either).
    for (const url of ['/api/v1/me', '/%61pi/v1/me', '/%61%70%69/v1/me']) {
      const res = await t.app.inject({ url, headers: { cookie: agent.cookieHeader() } });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'unauthenticated', url);
    }
    assert.equal((await me(token)).statusCode, 200);
    assert.equal(
      (await t.app.inject({ url: '/%61pi/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      200,
    );

    assert.equal((await agent.post(`/account/tokens/${id}/revoke`)).statusCode, 303);
    assert.equal((await me(token)).statusCode, 401);
    assert.equal((await agent.post(`/account/tokens/${id}/revoke`)).statusCode, 404, 'already revoked');

    // A token outlives the session: creating one needs a recent password.
    t.clock.advance(11 * 60_000);
    const stale = await agent.post('/account/tokens', { name: 'later' });
    assert.equal(stale.headers.location, '/reauth?next=%2Faccount');
    await agent.post('/reauth', { password: user.password, next: '/account' });
    assert.equal((await agent.post('/account/tokens', { name: 'later' })).statusCode, 200);
  });

  test("another user's token id answers 404 like a missing one, and stays valid", async () => {
    const owner = await signIn(t, await buildUser(t));
    const { token, id } = await createToken(owner);
    const other = await signIn(t, await buildUser(t));
    const res = await other.post(`/account/tokens/${id}/revoke`);
    assert.equal(res.statusCode, 404);
    assert.equal((await other.post('/account/tokens/999999/revoke')).statusCode, 404);
    assert.equal((await other.post('/account/tokens/abc/revoke')).statusCode, 404);
    assert.equal((await me(token)).statusCode, 200);
  });

  test('/api/v1/openapi.json is an OpenAPI 3 document of the JSON API only', async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { responses: object }>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.ok(doc.info.title && doc.info.version);
    assert.ok(doc.paths['/api/v1/health']?.get?.responses);
    assert.ok(doc.paths['/api/v1/me']?.get?.responses);
    assert.deepEqual(doc.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer' });
    for (const [p, ops] of Object.entries(doc.paths)) {
      assert.match(p, /^\/api\/v1\//, `${p} is not an API route`);
      for (const [method, op] of Object.entries(ops))
        assert.ok(op.responses && Object.keys(op.responses).length > 0, `${method} ${p} documents its responses`);
    }
    assert.equal(doc.paths['/api/v1/openapi.json'], undefined);
  });

  test('a non-administrator gets 403 on the admin pages, and the denial is in the audit log', async () => {
    for (const role of ['citizen', 'lawyer', 'monitor'] as const) {
      const user = await buildUser(t, { role });
      const agent = await signIn(t, user);
      assert.equal((await agent.get('/admin')).statusCode, 403, role);
      assert.equal(
        (await agent.post('/admin/users', { email: 'x@example.org', display_name: 'X', role: 'admin' })).statusCode,
        403,
        role,
      );
      const denied = await t.db.conn.db
        .selectFrom('audit_event')
        .select(['action', 'object_id'])
        .where('actor', '=', `user:${user.id}`)
        .where('action', '=', 'access.denied')
        .execute();
      assert.deepEqual(denied, [
        { action: 'access.denied', object_id: 'GET /admin' },
        { action: 'access.denied', object_id: 'POST /admin/users' },
      ]);
    }
    const coordinator = await signIn(t, await buildUser(t, { role: 'coordinator' }));
    assert.equal((await coordinator.get('/admin')).statusCode, 403);
    assert.equal((await coordinator.get('/admin/audit')).statusCode, 200, 'coordinators read the audit log');
    assert.equal(
      (await t.db.conn.db.selectFrom('user').select('id').where('email', '=', 'x@example.org').execute()).length,
      0,
    );
  });

  test('an administrator creates a user, who is invited by mail with a link to choose a password', async () => {
    const admin = await signIn(t, await buildUser(t, { role: 'admin' }), new Agent(t.app, { 'accept-language': 'en' }));
    const res = await admin.post('/admin/users', {
      email: 'new.lawyer@example.org',
      display_name: 'Нурлан',
      role: 'lawyer',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /new\.lawyer@example\.org/);
    const mail = (await t.sentMail()).find((m) => m.to === 'new.lawyer@example.org');
    assert.ok(mail);
    assert.match(mail.text, /^Hello Нурлан,/);
    const link = new RegExp(`${t.config.publicUrl}(/password/reset\\?token=[\\w-]+)`).exec(mail.text)![1]!;
    const invitee = new Agent(t.app);
    assert.equal((await invitee.get(link)).statusCode, 200);
    const token = new URL(link, t.config.publicUrl).searchParams.get('token')!;
    assert.equal(
      (await invitee.post('/password/reset', { token, password: 'the lawyer chooses this' })).statusCode,
      303,
    );
    const row = await t.db.conn.db
      .selectFrom('user')
      .selectAll()
      .where('email', '=', 'new.lawyer@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.role, 'lawyer');
    // A lawyer must set up two-step verification before anything else.
    assert.equal(
      (await invitee.post('/login', { email: 'new.lawyer@example.org', password: 'the lawyer chooses this' })).headers
        .location,
      '/account/totp/setup',
    );

    const dup = await admin.post('/admin/users', {
      email: 'NEW.lawyer@example.org',
      display_name: 'Again',
      role: 'citizen',
    });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /An account with this address already exists/);
    const bad = await admin.post('/admin/users', { email: 'not-an-address', display_name: '', role: 'king' });
    assert.equal(bad.statusCode, 422);
  });

  test('a role change needs a recent password: redirect to /reauth, then it works and ends their sessions', async () => {
    const adminUser = await buildUser(t, { role: 'admin' });
    const admin = await signIn(t, adminUser);
    const target = await buildUser(t);
    const targetAgent = await signIn(t, target);
    t.clock.advance(11 * 60_000);
    const first = await admin.post(`/admin/users/${target.id}/role`, { role: 'monitor' });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/reauth?next=%2Fadmin');
    assert.equal((await userRow(target.id)).role, 'citizen');

    assert.equal((await admin.post('/reauth', { password: 'not the password', next: '/admin' })).statusCode, 422);
    const reauth = await admin.post('/reauth', { password: adminUser.password, next: '/admin' });
    assert.equal(reauth.statusCode, 303);
    assert.equal(reauth.headers.location, '/admin');
    const second = await admin.post(`/admin/users/${target.id}/role`, { role: 'monitor' });
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, '/admin');
    assert.equal((await userRow(target.id)).role, 'monitor');
    assert.equal((await targetAgent.get('/account')).statusCode, 303, 'the new role applies from the next sign-in');
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select('data')
      .where('action', '=', 'user.role_changed')
      .where('object_id', '=', String(target.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.data), { from: 'citizen', to: 'monitor' });
    assert.equal((await admin.post('/admin/users/999999/role', { role: 'monitor' })).statusCode, 404);
    // Creating an account grants a role too: the same rule applies.
    t.clock.advance(11 * 60_000);
    const create = await admin.post('/admin/users', {
      email: 'late.admin@example.org',
      display_name: 'Late',
      role: 'admin',
    });
    assert.equal(create.headers.location, '/reauth?next=%2Fadmin');
    assert.equal(
      (await t.db.conn.db.selectFrom('user').select('id').where('email', '=', 'late.admin@example.org').execute())
        .length,
      0,
    );
    await admin.post('/reauth', { password: adminUser.password, next: '/admin' });
    assert.equal(
      (await admin.post('/admin/users', { email: 'late.admin@example.org', display_name: 'Late', role: 'admin' }))
        .statusCode,
      200,
    );
    assert.equal((await admin.post(`/admin/users/${target.id}/role`, { role: 'emperor' })).statusCode, 422);
  });

  test('disabling a user ends their sessions and API tokens; an admin cannot change their own role', async () => {
    const adminUser: TestUser = await buildUser(t, { role: 'admin' });
    const admin = await signIn(t, adminUser);
    const target = await buildUser(t);
    const targetAgent = await signIn(t, target);
    const { token } = await createToken(targetAgent);
    assert.equal((await me(token)).statusCode, 200);

    assert.equal((await admin.post(`/admin/users/${target.id}/disable`)).statusCode, 303);
    assert.equal((await userRow(target.id)).status, 'disabled');
    assert.equal((await targetAgent.get('/account')).statusCode, 303);
    assert.equal((await me(token)).statusCode, 401);
    assert.equal(
      (await new Agent(t.app).post('/login', { email: target.email, password: target.password })).statusCode,
      422,
    );
    assert.equal((await admin.post(`/admin/users/${target.id}/enable`)).statusCode, 303);
    assert.equal((await me(token)).statusCode, 401, 'tokens stay revoked after re-enabling');

    const self = await admin.post(`/admin/users/${adminUser.id}/role`, { role: 'citizen' });
    assert.equal(self.statusCode, 409);
    assert.equal((await admin.post(`/admin/users/${adminUser.id}/disable`)).statusCode, 409);
    assert.equal((await userRow(adminUser.id)).role, 'admin');
    assert.equal((await userRow(adminUser.id)).status, 'active');
  });
});
