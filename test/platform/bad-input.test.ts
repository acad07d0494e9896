/**
 * SECURITY.md "Input" and "Errors": bodies are schema-checked with unknown keys refused (422 page for
 * forms, 400 JSON for the API), 1 MB limit (413), unknown content types (415), malformed JSON (400),
 * each translated and carrying a correlation id; 5xx answers never show a stack, SQL or a path.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { errorBody, internalsIn } from '../support/http.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

forEachDialect('bad input and server errors', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, {
      // Test-only routes: a JSON API body with a schema, and handlers that fail the ways real code does.
      beforeReady(app) {
        app.post(
          '/api/v1/test/echo',
          {
            config: { policy: 'public', api: true },
            schema: { body: Type.Object({ name: Type.String({ maxLength: 20 }) }, { additionalProperties: false }) },
          },
          async (request) => request.body,
        );
        app.post(
          '/api/v1/test/private-echo',
          {
            config: { policy: 'api.token', api: true },
            schema: { body: Type.Object({ name: Type.String() }, { additionalProperties: false }) },
          },
          async (request) => request.body,
        );
        app.get('/test/fail', { config: { policy: 'public' } }, async () => {
          throw new Error(`kaboom in ${import.meta.url}`);
        });
        app.get('/test/sql', { config: { policy: 'public' } }, async () =>
          sql`select secret_column from no_such_table where id = ${1}`.execute(app.achyk.db),
        );
        app.get('/api/v1/test/sql', { config: { policy: 'public', api: true } }, async () =>
          sql`select secret_column from no_such_table`.execute(app.achyk.db),
        );
      },
    });
  });
  after(async () => t.close());

  test('an unknown field in a form gives a 422 page naming the field', async () => {
    const user = await buildUser(t);
    const agent = new Agent(t.app, { 'accept-language': 'en' });
    const login = await agent.post('/login', { email: user.email, password: user.password, is_admin: '1' });
    assert.equal(login.statusCode, 422);
    assert.match(login.body, /Unknown field: is_admin\./);
    assert.equal(agent.cookies.has(t.app.achyk.cookies.session), false);

    const lang = await agent.post('/language', { lang: 'ru', next: '/', evil: 'x' });
    assert.equal(lang.statusCode, 422);
    assert.match(lang.body, /Unknown field: evil\./);
    assert.equal(
      lang.cookies.some((c) => c.name === t.app.achyk.cookies.lang),
      false,
      'nothing is half-done',
    );
    const bad = await agent.post('/language', { lang: 'fr' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Choose one of the listed values\./);
  });

  test('the language switch and sign-in only return to local paths', async () => {
    const agent = new Agent(t.app);
    for (const next of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
    ]) {
      const res = await agent.post('/language', { lang: 'en', next });
      assert.equal(res.statusCode, 303, JSON.stringify(next));
      assert.equal(res.headers.location, '/', JSON.stringify(next));
    }
    assert.equal((await agent.post('/language', { lang: 'en', next: '/login?x=1' })).headers.location, '/login?x=1');
    const user = await buildUser(t);
    for (const next of ['//evil.example/', 'https://evil.example/', '/\t/evil.example']) {
      const login = await new Agent(t.app).post('/login', { email: user.email, password: user.password, next });
      assert.equal(login.statusCode, 303);
      assert.equal(login.headers.location, '/account', JSON.stringify(next));
      const page = await new Agent(t.app).get(`/login?next=${encodeURIComponent(next)}`);
      assert.match(page.body, /name="next" value(="")?\/>/, JSON.stringify(next));
    }
    assert.equal(
      (
        await new Agent(t.app).post('/login', {
          email: user.email,
          password: user.password,
          next: '/account?tab=tokens',
        })
      ).headers.location,
      '/account?tab=tokens',
    );
  });

  test('XSS payloads in names, addresses and return paths are rendered as inert text', async () => {
    const payloads = [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      "'><svg onload=alert(1)>",
      '</title><script>alert(1)</script>',
      'javascript:alert(1)//',
    ];
    const admin = await signIn(t, await buildUser(t, { role: 'admin' }));
    for (const [i, payload] of payloads.entries()) {
      const citizen = new Agent(t.app);
      await citizen.post('/register', {
        display_name: payload,
        email: `xss${i}@example.org`,
        password: 'apricots from batken',
      });
      const login = await citizen.get(`/login?next=${encodeURIComponent(`/${payload}`)}`);
      const refused = await citizen.post('/register', {
        display_name: payload,
        email: `not an address ${payload}`,
        password: 'x',
      });
      for (const res of [login, refused]) {
        if (/[<>"']/.test(payload)) assert.equal(res.body.includes(payload), false, `raw payload rendered: ${payload}`);
        assert.doesNotMatch(res.body, /href="javascript:/);
        assert.doesNotMatch(res.body, /<script>alert|<img src=x|<svg onload/);
      }
    }
    const users = await admin.get('/admin');
    assert.equal(users.statusCode, 200);
    assert.doesNotMatch(users.body, /<script>alert|<img src=x|<svg onload|<\/title><script>/);
    assert.match(users.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('an unknown key in a JSON API body gives 400 JSON naming it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: { name: 'a', role: 'admin' },
      headers: { 'accept-language': 'ru' },
    });
    assert.equal(res.statusCode, 400);
    const { error } = errorBody(res);
    assert.equal(error.code, 'invalid');
    assert.match(error.correlationId, UUID);
    assert.deepEqual(error.fields, [{ field: 'role', message: 'Неизвестное поле: role.' }]);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { name: 'a' } });
    assert.deepEqual(ok.json(), { name: 'a' });
    const long = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: { name: 'x'.repeat(21) },
      headers: { 'accept-language': 'en' },
    });
    assert.deepEqual(errorBody(long).error.fields, [{ field: 'name', message: 'Must be at most 20 characters.' }]);
  });

  test('permission is checked before the body schema: a visitor without a token learns nothing about it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/private-echo',
      payload: { secret_field_probe: 1 },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(errorBody(res).error.code, 'unauthenticated');
    assert.deepEqual(errorBody(res).error.fields, []);
  });

  test('unknown content types get 415, translated, with a correlation id', async () => {
    const agent = new Agent(t.app, { 'accept-language': 'en' });
    for (const type of ['text/plain', 'application/xml', 'application/octet-stream']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/login',
        payload: 'email=a',
        headers: {
          'content-type': type,
          cookie: agent.cookieHeader(),
          accept: 'application/json',
          'accept-language': 'en',
        },
      });
      assert.equal(res.statusCode, 415, type);
      const { error } = errorBody(res);
      assert.equal(error.message, 'This content type is not supported.');
      assert.match(error.correlationId, UUID);
    }
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: '<name>a</name>',
      headers: { 'content-type': 'application/xml', 'accept-language': 'ru' },
    });
    assert.equal(api.statusCode, 415);
    assert.equal(errorBody(api).error.message, 'Этот тип данных не поддерживается.');
    const page = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: 'x',
      headers: { 'content-type': 'text/plain', 'accept-language': 'en' },
    });
    assert.equal(page.statusCode, 415);
    assert.match(page.body, /This content type is not supported\./);
  });

  test('a body over 1 MB gets 413, translated, with a correlation id', async () => {
    const big = 'a=' + 'x'.repeat(1024 * 1024 + 10);
    const form = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: big,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'accept-language': 'en',
      },
    });
    assert.equal(form.statusCode, 413);
    assert.equal(errorBody(form).error.message, 'What you sent is too large (at most 1 MB).');
    assert.match(errorBody(form).error.correlationId, UUID);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
      headers: { 'content-type': 'application/json', 'accept-language': 'ky' },
    });
    assert.equal(json.statusCode, 413);
    assert.equal(errorBody(json).error.message, 'Жөнөтүлгөн маалымат өтө чоң (эң көп 1 MB).');
  });

  test('malformed JSON gets 400, translated, with a correlation id', async () => {
    for (const payload of ['{"name": ', '{"name": "a"} trailing', '"just a string"']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/test/echo',
        payload,
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      });
      assert.equal(res.statusCode, 400, payload);
      const { error } = errorBody(res);
      assert.equal(error.code, 'invalid');
      assert.match(error.message, /The form has errors/);
      assert.match(error.correlationId, UUID);
      assert.deepEqual(internalsIn(res.body), []);
    }
  });

  test('a failing handler answers 500 with a correlation id and nothing internal (HTML)', async () => {
    for (const url of ['/test/fail', '/test/sql']) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 500, url);
      assert.equal(res.headers['cache-control'], 'no-store');
      const ref = /Error reference: ([0-9a-f-]{36})/.exec(res.body)?.[1];
      assert.ok(ref && UUID.test(ref), 'the page shows the correlation id');
      assert.match(res.body, new RegExp(`give the administrator this code: ${ref}`));
      assert.deepEqual(internalsIn(res.body), [], url);
      assert.doesNotMatch(res.body, /kaboom|no_such_table|secret_column/);
      // The details go to the log, under the same id.
      assert.ok(
        t.logs.some((l) => l.includes(ref) && /no_such_table|kaboom/.test(l)),
        'the log has the details',
      );
    }
  });

  test('a failing API route answers 500 JSON with a correlation id and nothing internal', async () => {
    const res = await t.app.inject({ url: '/api/v1/test/sql', headers: { 'accept-language': 'ru' } });
    assert.equal(res.statusCode, 500);
    const { error } = errorBody(res);
    assert.equal(error.code, 'internal');
    assert.match(error.correlationId, UUID);
    assert.match(error.message, new RegExp(`Произошла внутренняя ошибка.+${error.correlationId}`));
    assert.deepEqual(error.fields, []);
    assert.deepEqual(internalsIn(res.body), []);
    assert.doesNotMatch(res.body, /no_such_table|secret_column/);
  });

  test('a lost database connection answers 500 without internals', async () => {
    const lost = await buildTestApp(dialect);
    try {
      await lost.db.conn.close();
      const api = await lost.app.inject({ url: '/api/v1/health' });
      assert.equal(api.statusCode, 500);
      assert.match(errorBody(api).error.correlationId, UUID);
      assert.deepEqual(internalsIn(api.body), []);
      // A browser with a session cookie: the failure happens while the session is being loaded.
      const page = await lost.app.inject({
        url: '/',
        headers: { cookie: `${lost.app.achyk.cookies.session}=${'a'.repeat(43)}`, 'accept-language': 'en' },
      });
      assert.equal(page.statusCode, 500);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(page.body, /<html lang="en"/);
      assert.match(page.body, /Error reference: [0-9a-f-]{36}/);
      assert.deepEqual(internalsIn(page.body), []);
    } finally {
      await lost.close();
    }
  });
});
