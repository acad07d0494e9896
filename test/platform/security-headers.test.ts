/**
 * SECURITY.md "HTTP headers", snapshot-tested on representative routes: the exact header set on
 * pages, errors, the API and assets; no-store on everything dynamic; HSTS and `__Host-` cookies
 * only when the public address is https.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { stableHeaders } from '../support/http.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const SECURITY = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };
const HTML = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  vary: 'Cookie, Accept-Language',
};
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** The exact headers expected on each kind of answer (the snapshot). */
function expected(
  kind: 'page' | 'json' | 'asset',
  https: boolean,
  extra: Record<string, string> = {},
): Record<string, string> {
  const base = { ...SECURITY, ...(https ? HSTS : {}) };
  const byKind =
    kind === 'page'
      ? { ...HTML, 'content-language': 'ky' }
      : kind === 'json'
        ? JSON_TYPE
        : { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' };
  const all: Record<string, string> = { ...base, ...byKind, ...extra };
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
}

forEachDialect('security headers', (dialect) => {
  for (const https of [false, true]) {
    describe(https ? 'served over https' : 'served over plain http', () => {
      let t: TestApp;
      before(async () => {
        t = await buildTestApp(dialect, https ? { env: { PUBLIC_URL: 'https://achyk.example.org' } } : {});
      });
      after(async () => t.close());

      test('the home page, the login page, a 404 and an error page carry exactly the page headers', async () => {
        for (const [url, status] of [
          ['/', 200],
          ['/login', 200],
          ['/no/such/page', 404],
        ] as const) {
          const res = await t.app.inject({ url });
          assert.equal(res.statusCode, status, url);
          assert.deepEqual(stableHeaders(res), expected('page', https), url);
        }
        // A refused form (no CSRF token) renders the error page.
        const refused = await t.app.inject({
          method: 'POST',
          url: '/login',
          payload: 'email=a%40b.kg&password=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.equal(refused.statusCode, 403);
        assert.deepEqual(stableHeaders(refused), expected('page', https));
      });

      test('the API answers and its 404 carry exactly the JSON headers', async () => {
        const health = await t.app.inject({ url: '/api/v1/health' });
        assert.equal(health.statusCode, 200);
        assert.deepEqual(stableHeaders(health), expected('json', https));
        const missing = await t.app.inject({ url: '/api/v1/no-such-thing' });
        assert.equal(missing.statusCode, 404);
        assert.deepEqual(stableHeaders(missing), expected('json', https));
        assert.equal(missing.headers['set-cookie'], undefined, 'the API sets no cookies');
        // Answers produced before any handler runs (body too large, unknown content type) too.
        for (const [payload, type, status] of [
          ['{"a":"' + 'x'.repeat(1024 * 1024) + '"}', 'application/json', 413],
          ['<a/>', 'application/xml', 415],
        ] as const) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/login',
            payload,
            headers: { 'content-type': type, accept: 'application/json' },
          });
          assert.equal(res.statusCode, status);
          assert.deepEqual(stableHeaders(res), expected('json', https), String(status));
        }
      });

      test('a content-hashed asset gets the long cache instead of no-store, and sets no cookie', async () => {
        const res = await t.app.inject({ url: t.app.achyk.assets.css });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(stableHeaders(res), expected('asset', https));
        // A publicly cacheable answer must not carry a Set-Cookie (a shared cache would replay it).
        assert.equal(res.headers['set-cookie'], undefined);
        const js = await t.app.inject({ url: t.app.achyk.assets.js });
        assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.equal((await t.app.inject({ url: '/assets/app.000000000000.css' })).statusCode, 404);
      });

      test('no X-Powered-By anywhere, and no-store on every authenticated page', async () => {
        const user = await buildUser(t);
        const agent = await signIn(t, user);
        for (const url of ['/', '/account', '/reauth']) {
          const res = await agent.get(url);
          assert.equal(res.statusCode, 200, url);
          assert.equal(res.headers['x-powered-by'], undefined);
          assert.equal(res.headers['cache-control'], 'no-store', url);
          assert.deepEqual(stableHeaders(res), expected('page', https), url);
        }
        const api = await t.app.inject({ url: '/api/v1/openapi.json' });
        assert.equal(api.headers['x-powered-by'], undefined);
        assert.equal(api.headers['cache-control'], 'no-store');
      });

      test(
        https
          ? 'cookies get the __Host- prefix, Secure, HttpOnly, SameSite=Strict, Path=/'
          : 'cookies are HttpOnly, SameSite=Strict, Path=/ without Secure',
        async () => {
          const user = await buildUser(t);
          const agent = new Agent(t.app);
          const login = await agent.post('/login', { email: user.email, password: user.password });
          assert.equal(login.statusCode, 303);
          const names = t.app.achyk.cookies;
          const session = login.cookies.find((c) => c.name === names.session);
          assert.ok(session, 'a session cookie is set');
          assert.equal(names.session, https ? '__Host-achyk_session' : 'achyk_session');
          assert.equal(names.csrf, https ? '__Host-achyk_csrf' : 'achyk_csrf');
          const first = await t.app.inject({ url: '/' });
          for (const c of [session, ...first.cookies]) {
            assert.equal(c.httpOnly, true, c.name);
            assert.equal(c.sameSite, 'Strict', c.name);
            assert.equal(c.path, '/', c.name);
            assert.equal(c.domain, undefined, c.name);
            assert.equal(!!c.secure, https, c.name);
            assert.equal(c.name.startsWith('__Host-'), https, c.name);
          }
          const lang = await agent.post('/language', { lang: 'en', next: '/' });
          const langCookie = lang.cookies.find((c) => c.name === names.lang)!;
          assert.equal(langCookie.name, https ? '__Host-achyk_lang' : 'achyk_lang');
          assert.equal(!!langCookie.secure, https);
        },
      );
    });
  }
});

forEachDialect('pages obey the content security policy', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('no page carries inline scripts, inline styles, event handlers or resources from another origin', async () => {
    const admin = await signIn(t, await buildUser(t, { role: 'admin' }));
    const anon = new Agent(t.app);
    const gets = t.app.achyk.routes.filter((r) => r.method === 'GET' && !r.api && r.url !== '/assets/:name');
    let pages = 0;
    for (const r of gets) {
      for (const agent of [anon, admin]) {
        const res = await agent.get(r.url.replace(/:\w+/g, '1'));
        if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
        pages++;
        const where = `GET ${r.url}`;
        assert.doesNotMatch(res.body, /<script(?![^>]*\ssrc=)[^>]*>/, `${where}: inline script`);
        assert.doesNotMatch(res.body, /<style[\s>]|\sstyle="/, `${where}: inline style`);
        assert.doesNotMatch(res.body, /\son[a-z]+="/, `${where}: event handler attribute`);
        assert.doesNotMatch(
          res.body,
          /<(script|img|iframe|audio|video|source)[^>]*\ssrc="(https?:)?\/\//,
          `${where}: resource from another origin`,
        );
        assert.doesNotMatch(
          res.body,
          /<link[^>]*\shref="(https?:)?\/\//,
          `${where}: stylesheet or icon from another origin`,
        );
        assert.doesNotMatch(res.body, /href="javascript:/i, where);
      }
    }
    assert.ok(pages >= 10, `${pages} pages checked`);
  });

  test('the stylesheet and script load nothing from elsewhere', async () => {
    for (const url of [t.app.achyk.assets.css, t.app.achyk.assets.js]) {
      const body = (await t.app.inject({ url })).body;
      assert.doesNotMatch(
        body,
        /@import|url\(\s*["']?(https?:)?\/\/|fetch\(\s*["'`]https?:|https?:\/\/(?!www\.w3\.org)/,
        url,
      );
    }
  });
});
