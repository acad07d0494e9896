/**
 * SECURITY.md "Input": every body is schema-checked and unknown keys are refused, never dropped
 * silently. Each form of the foundation gets its usual fields plus one it does not know: the answer
 * is a 422 page naming that field, and nothing changes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { dumpDatabase } from '../support/db-dump.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

forEachDialect('unknown form fields', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('every foundation form refuses an unknown field with a 422 naming it, and changes nothing', async () => {
    const en = () => new Agent(t.app, { 'accept-language': 'en' });
    const adminUser = await buildUser(t, { role: 'admin' });
    const admin = await signIn(t, adminUser, en());
    const target = await buildUser(t);
    const pending = en();
    await pending.post('/login', { email: adminUser.email, password: adminUser.password });
    const tokenPage = await admin.post('/account/tokens', { name: 'kept' });
    const tokenId = /action="\/account\/tokens\/(\d+)\/revoke"/.exec(tokenPage.body)![1]!;

    // Sign-out is left out on purpose: it must always work, whatever else the form carries.
    const forms: [Agent, string, Record<string, string>][] = [
      [en(), '/login', { email: adminUser.email, password: adminUser.password }],
      [pending, '/login/totp', { code: '123456' }],
      [en(), '/register', { display_name: 'A', email: 'unknown.field@example.org', password: 'apricots from batken' }],
      [en(), '/register/confirm', { token: 'x'.repeat(43) }],
      [en(), '/password/forgot', { email: target.email }],
      [en(), '/password/reset', { token: 'x'.repeat(43), password: 'apricots from batken' }],
      [en(), '/language', { lang: 'en', next: '/' }],
      [admin, '/reauth', { password: adminUser.password, next: '/admin' }],
      [admin, '/account/password', { current_password: adminUser.password, password: 'apricots from batken' }],
      [admin, '/account/tokens', { name: 'another' }],
      [admin, `/account/tokens/${tokenId}/revoke`, {}],
      [admin, '/account/recovery-codes', {}],
      [admin, '/account/totp/setup', { code: '123456' }],
      [admin, '/admin/users', { email: 'unknown.field2@example.org', display_name: 'B', role: 'citizen' }],
      [admin, `/admin/users/${target.id}/role`, { role: 'monitor' }],
      [admin, `/admin/users/${target.id}/disable`, {}],
    ];
    const covered = new Set(forms.map(([, url]) => url.replace(/\/\d+\//, '/:id/')));
    const foundationPosts = t.app.achyk.routes
      .filter(
        (r) =>
          r.method === 'POST' &&
          !r.api &&
          /^\/(login|register|password|language|reauth|account|admin\/users)/.test(r.url),
      )
      .map((r) => r.url);
    for (const url of foundationPosts)
      if (url !== '/admin/users/:id/enable') assert.ok(covered.has(url), `${url} is not covered here`);

    const before = await dumpDatabase(t.db.conn.db);
    for (const [agent, url, fields] of forms) {
      const res = await agent.post(url, { ...fields, zz_unknown: 'x' });
      assert.equal(res.statusCode, 422, url);
      assert.match(res.body, /Unknown field: zz_unknown\./, url);
    }
    const afterwards = await dumpDatabase(t.db.conn.db);
    // Refused forms may only touch the session's idle clock and scratch value.
    for (const table of Object.keys(before).filter((x) => x !== 'session'))
      assert.deepEqual(afterwards[table], before[table], table);
  });
});
