/**
 * SECURITY.md "CSRF": a synchronizer token on every state-changing form plus an Origin check, and no
 * state change over GET. Sign-out is covered too (the logout CSRF found in SecureDrop's audits).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { dumpDatabase, type Dump } from '../support/db-dump.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** The database state that a GET may not change: the session's clock and logged reads set aside. */
function stateOf(dump: Dump): Dump {
  const out: Dump = {};
  for (const [table, rows] of Object.entries(dump)) {
    if (table === 'audit_head') continue; // follows audit_event, compared below
    out[table] = rows
      .map((r) => {
        if (table === 'session') {
          // last_seen_at is the idle clock; pending_totp_enc is the session's own scratch value for an
          // enrolment page that was opened (it changes nothing until the code is confirmed by POST).
          const { last_seen_at: _l, pending_totp_enc: _p, ...rest } = r;
          return rest;
        }
        if (table === 'api_token') {
          const { last_used_at: _u, ...rest } = r;
          return rest;
        }
        return r;
      })
      // Reads of confidential records and denied accesses are logged by design (SECURITY.md).
      .filter((r) => table !== 'audit_event' || !/(^|\.)read(_|$)|^access\.denied$/.test(String(r.action)));
  }
  return out;
}

forEachDialect('CSRF and safe methods', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('a POST without the token is refused with 403 and a translated page', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app, { 'accept-language': 'ru' });
    const res = await agent.post('/login', { email: user.email, password: user.password }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html lang="ru"/);
    assert.match(res.body, /Форма устарела или отправлена с другого сайта/);
    assert.equal(agent.cookies.has(t.app.achyk.cookies.session), false);
  });

  test('a wrong token, or a token made for another cookie, is refused with 403', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app);
    const token = await agent.csrf();
    const wrong = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    assert.equal(
      (await agent.post('/login', { email: user.email, password: user.password, _csrf: wrong }, { csrf: false }))
        .statusCode,
      403,
    );
    assert.equal(
      (await agent.post('/login', { email: user.email, password: user.password, _csrf: '' }, { csrf: false }))
        .statusCode,
      403,
    );
    const other = new Agent(t.app);
    const othersToken = await other.csrf();
    assert.equal(
      (await agent.post('/login', { email: user.email, password: user.password, _csrf: othersToken }, { csrf: false }))
        .statusCode,
      403,
    );
    // The token in a header works like the form field, and a wrong one there is refused too.
    assert.equal(
      (
        await agent.post(
          '/login',
          { email: user.email, password: user.password },
          { csrf: false, headers: { 'x-csrf-token': wrong } },
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await agent.post(
          '/login',
          { email: user.email, password: user.password },
          { csrf: false, headers: { 'x-csrf-token': token } },
        )
      ).statusCode,
      303,
    );
  });

  test('a foreign Origin is refused even with a valid token; Origin: null with the token works', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app);
    for (const origin of ['https://evil.example', 'http://localhost:3000.evil.example', 'http://localhost:3001']) {
      const res = await agent.post('/login', { email: user.email, password: user.password }, { headers: { origin } });
      assert.equal(res.statusCode, 403, origin);
    }
    const ok = await agent.post(
      '/login',
      { email: user.email, password: user.password },
      { headers: { origin: 'null' } },
    );
    assert.equal(ok.statusCode, 303);
    const own = await new Agent(t.app).post(
      '/login',
      { email: user.email, password: user.password },
      { headers: { origin: 'http://localhost:3000' } },
    );
    assert.equal(own.statusCode, 303);
  });

  test('sign-out without the token, or from a foreign origin, leaves the session alive', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user);
    assert.equal((await agent.post('/logout', {}, { csrf: false })).statusCode, 403);
    assert.equal((await agent.post('/logout', {}, { headers: { origin: 'https://evil.example' } })).statusCode, 403);
    assert.equal((await agent.get('/logout')).statusCode, 404, 'no sign-out over GET');
    assert.equal((await agent.get('/account')).statusCode, 200);
    assert.equal((await agent.post('/logout')).statusCode, 303);
    assert.equal((await agent.get('/account')).statusCode, 303);
  });

  test('every state-changing form of a signed-in user needs the token', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user);
    for (const url of [
      '/language',
      '/account/password',
      '/account/tokens',
      '/account/tokens/1/revoke',
      '/account/recovery-codes',
      '/reauth',
    ]) {
      const res = await agent.post(
        url,
        { lang: 'en', name: 'x', current_password: user.password, password: 'a brand new passphrase' },
        { csrf: false },
      );
      assert.equal(res.statusCode, 403, url);
    }
    const tokens = await t.db.conn.db.selectFrom('api_token').select('id').where('user_id', '=', user.id).execute();
    assert.equal(tokens.length, 0);
    const row = await t.db.conn.db
      .selectFrom('user')
      .select('locale')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.locale, null);
  });

  test('no state-changing path answers a GET', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const agent = await signIn(t, admin);
    const gets = new Set(t.app.achyk.routes.filter((r) => r.method === 'GET').map((r) => r.url));
    for (const r of t.app.achyk.routes.filter((x) => x.method === 'POST' && !gets.has(x.url))) {
      const res = await agent.get(r.url.replace(/:\w+/g, '1'));
      assert.equal(res.statusCode, 404, `GET ${r.url}`);
    }
  });

  test('requesting every GET route as an administrator leaves the database unchanged', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const citizen = await buildUser(t);
    const agent = await signIn(t, admin);
    const before = stateOf(await dumpDatabase(t.db.conn.db));
    for (const r of t.app.achyk.routes.filter((x) => x.method === 'GET')) {
      const url = r.url.replace(/:\w+/g, String(citizen.id));
      const res = await agent.get(url);
      assert.ok(res.statusCode < 500, `GET ${url} answered ${res.statusCode}`);
      t.clock.advance(61_000); // so that each request may touch the session's idle clock
    }
    const afterwards = stateOf(await dumpDatabase(t.db.conn.db));
    assert.deepEqual(afterwards, before);
  });
});
