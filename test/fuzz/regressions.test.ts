/**
 * Defects the fuzz suites found, pinned with the exact input that found them (so they stay fixed
 * even when a random run does not draw that input again).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { Agent } from '../support/agent.js';
import { buildUser, signIn } from '../support/factories.js';
import { errorBody, internalsIn } from '../support/http.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

forEachDialect('fuzz regressions', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('a path that cannot be decoded, or a parameter over the length limit, is a translated 404, not raw framework JSON', async () => {
    const long = 'x'.repeat(150);
    for (const url of ['/api/v1/bodies/%FF', `/api/v1/bodies/${long}`]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 404, url);
      const { error } = errorBody(res);
      assert.equal(error.code, 'not_found');
      assert.equal(error.message, 'Page not found.');
      assert.match(error.correlationId, /^[0-9a-f-]{36}$/);
      assert.equal(res.body.includes(long), false, 'the path is not echoed');
    }
    for (const url of ['/directory/bodies/%FF', `/directory/bodies/${long}`, '/directory/bodies/%3Cscript%3E%FF']) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'ru' } });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /<html lang="ru"/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
      assert.deepEqual(internalsIn(res.body), []);
      assert.doesNotMatch(res.body, /FST_ERR|<script>/);
    }
  });

  test('ids beyond 32 bits are refused or not found, not a PostgreSQL "out of range" 500', async () => {
    for (const url of [
      '/api/v1/bodies/2147483648',
      '/api/v1/territories?parent=9007199254740992',
      '/api/v1/bodies?territory=2147483648',
      '/api/v1/appeals?published=true&body=9007199254740992',
    ]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 400, url);
      assert.equal(errorBody(res).error.fields.length, 1, url);
    }
    const adminUser = await buildUser(t, { role: 'admin' });
    const admin = await signIn(t, adminUser, new Agent(t.app, { 'accept-language': 'en' }));
    await admin.post('/reauth', { password: adminUser.password, next: '/admin' });
    for (const url of [
      '/admin/users/99999999999999999999/enable',
      '/admin/users/2147483648/role',
      '/admin/jobs/2147483648/retry',
      '/account/tokens/2147483648/revoke',
      '/cases/1/access/2147483648/remove',
      '/cases/9999999999/state',
      '/consultations/2147483648/versions/1',
      '/statements/manage/2147483648/publish',
    ]) {
      const res = await admin.post(url, url.endsWith('/role') ? { role: 'citizen' } : {});
      assert.equal(res.statusCode, 404, url);
    }
  });

  test('NUL characters (PostgreSQL text cannot hold them) and non-finite numbers are refused naming the field, never a 500', async () => {
    for (const url of [
      '/api/v1/territories?parent=1e309',
      '/api/v1/territories?q=a%00b',
      '/api/v1/bodies?territory=-1e309',
    ]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 400, url);
      assert.equal(errorBody(res).error.code, 'invalid');
    }
    assert.equal(
      errorBody(await t.app.inject({ url: '/api/v1/territories?q=a%00b' })).error.fields?.[0]?.field,
      'querystring.q',
    );
    const admin = await signIn(t, await buildUser(t, { role: 'admin' }), new Agent(t.app, { 'accept-language': 'en' }));
    const res = await admin.post('/admin/directory/territories/1/merge', { target: 'a\u0000b', date: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /target/);
  });

  test('an empty JSON key is refused naming it, not with an empty field name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      payload: { '': 1 },
      headers: { 'accept-language': 'en' },
    });
    assert.ok([400, 401].includes(res.statusCode));
    const query = await t.app.inject({ url: '/api/v1/territories?%00=1', headers: { 'accept-language': 'en' } });
    assert.equal(query.statusCode, 400);
    const { ajvFieldErrors } = await import('../../src/platform/http/validation.js');
    assert.deepEqual(
      ajvFieldErrors(
        [{ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: '' } }],
        'body',
      ),
      [{ field: '""', message: 'validation.unknown_field', params: { field: '""' } }],
    );
  });
});
