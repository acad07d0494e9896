/**
 * SECURITY.md "Access control": an inventory of every route with the policy it checks. A route
 * without a policy, or with a policy nobody defined, fails here (and cannot even be registered).
 *
 * MODULES MUST ADD THEIR ROUTES to MODULE_ROUTES below (method + URL → policy). Once a module has
 * one entry here, its whole URL prefix is held exact: a new route under that prefix without an entry,
 * or an entry whose route is gone, fails the suite, so a reviewer sees every new door being added.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { can, isDefinedPolicy, type PolicyAction } from '../../src/platform/policy/policy.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** The foundation's own routes, exactly. */
const FOUNDATION_ROUTES: Record<string, string> = {
  'GET /assets/:name': 'public',
  'GET /': 'public',
  'POST /language': 'public',
  'GET /login': 'anonymous',
  'POST /login': 'anonymous',
  'GET /login/totp': 'public', // the handler requires the half-signed-in session itself
  'POST /login/totp': 'public',
  'POST /logout': 'public',
  'GET /reauth': 'account.self',
  'POST /reauth': 'account.self',
  'GET /register': 'anonymous',
  'POST /register': 'anonymous',
  'GET /register/confirm': 'public',
  'POST /register/confirm': 'public',
  'GET /password/forgot': 'public',
  'POST /password/forgot': 'public',
  'GET /password/reset': 'public',
  'POST /password/reset': 'public',
  'GET /account': 'account.self',
  'GET /account/totp/setup': 'public', // enrolment stage; the handler binds to the session's own user
  'POST /account/totp/setup': 'public',
  'POST /account/recovery-codes': 'account.self',
  'POST /account/password': 'account.self',
  'POST /account/tokens': 'account.self',
  'POST /account/tokens/:id/revoke': 'account.self',
  'GET /admin': 'admin.users',
  'POST /admin/users': 'admin.users',
  'POST /admin/users/:id/role': 'admin.users',
  'POST /admin/users/:id/disable': 'admin.users',
  'POST /admin/users/:id/enable': 'admin.users',
  'GET /admin/audit': 'audit.read',
  'GET /api/v1/health': 'public',
  'GET /api/v1/me': 'api.token',
  'GET /api/v1/openapi.json': 'public',
};

/** URL areas that belong to the foundation: every route in them must be listed above. */
const FOUNDATION_AREAS = [
  /^\/$/,
  /^\/assets\//,
  /^\/language$/,
  /^\/log(in|out)(\/|$)/,
  /^\/reauth$/,
  /^\/register(\/|$)/,
  /^\/password\//,
  /^\/account(\/|$)/,
  /^\/admin$/,
  /^\/admin\/(users|audit)(\/|$)/,
  /^\/api\/v1\/(health|me|openapi\.json)$/,
];

/**
 * Domain modules: add your routes here, `'METHOD /url': 'policy'`, in the same change that adds them.
 * Each key's first path segment (e.g. `/cases`) becomes an area held exact, as described above.
 */
const MODULE_ROUTES: Record<string, string> = {
  // statements, press releases and events: public pages, feeds and calendar files; coordinators manage
  'GET /statements/statements.css': 'statements.public',
  'GET /statements': 'statements.public',
  'GET /statements/archive/:year': 'statements.public',
  'GET /statements/tags/:tag': 'statements.public',
  'GET /statements/feed.ky.atom': 'statements.public',
  'GET /statements/feed.ru.atom': 'statements.public',
  'GET /statements/feed.en.atom': 'statements.public',
  'GET /statements/figures/cases': 'statements.public',
  'GET /statements/:slug': 'statements.public',
  'GET /statements/manage': 'statements.manage',
  'GET /statements/manage/new': 'statements.manage',
  'POST /statements/manage': 'statements.manage',
  'GET /statements/manage/:id': 'statements.manage',
  'POST /statements/manage/:id': 'statements.manage',
  'POST /statements/manage/:id/publish': 'statements.manage',
  'GET /statements/manage/:id/preview': 'statements.manage',
  'GET /events': 'statements.public',
  'GET /events/feed.ky.atom': 'statements.public',
  'GET /events/feed.ru.atom': 'statements.public',
  'GET /events/feed.en.atom': 'statements.public',
  'GET /events/:id': 'statements.public',
  'GET /events/:id/calendar.ics': 'statements.public',
  'GET /events/manage': 'statements.manage',
  'GET /events/manage/new': 'statements.manage',
  'POST /events/manage': 'statements.manage',
  'GET /events/manage/:id': 'statements.manage',
  'POST /events/manage/:id': 'statements.manage',
  'POST /events/manage/:id/publish': 'statements.manage',
  // anonymous reporting: the reporter's pages are open to all; the inbox to coordinators and lawyers
  'GET /report': 'anonymous.report',
  'GET /report/new': 'anonymous.report',
  'POST /report/new': 'anonymous.report',
  'POST /report/send': 'anonymous.report',
  'GET /report/follow': 'anonymous.report',
  'POST /report/follow': 'anonymous.report',
  'GET /report/status': 'anonymous.report',
  'POST /report/reply': 'anonymous.report',
  'POST /report/files': 'anonymous.report',
  'POST /report/consent': 'anonymous.report',
  'POST /report/delete': 'anonymous.report',
  'POST /report/leave': 'anonymous.report',
  'GET /anonymous-reports': 'anonymous.staff',
  'GET /anonymous-reports/:id': 'anonymous.staff',
  'POST /anonymous-reports/:id/triage': 'anonymous.staff',
  'POST /anonymous-reports/:id/assign': 'anonymous.staff',
  'POST /anonymous-reports/:id/message': 'anonymous.staff',
  'POST /anonymous-reports/:id/keep': 'anonymous.staff',
  'POST /anonymous-reports/:id/convert-case': 'anonymous.staff',
  'POST /anonymous-reports/:id/convert-appeal': 'anonymous.staff',
  'GET /anonymous-reports/:id/files/:fileId': 'anonymous.staff',
  // publication and statistics (their routes under /appeals, /admin and /api/v1/appeals share areas held by other modules)
  'GET /search': 'publication.public',
  'GET /published/:id': 'publication.public',
  'GET /published/:id/files/:fileId': 'publication.public',
  'GET /feeds/bodies/:file': 'publication.public',
  'GET /feeds/search.atom': 'publication.public',
  'GET /api/v1/stats/bodies/:id': 'stats.read',
  'GET /api/v1/search': 'publication.public',
  'GET /stats': 'stats.read',
  'GET /stats/bodies/:id': 'stats.read',
  'GET /stats/league': 'stats.read',
  'GET /stats/map': 'stats.read',
  'GET /data': 'stats.read',
  'GET /data/:file': 'stats.read',
  // subscriptions by e-mail: open to all (the tokens in the links are the authorization)
  'GET /subscribe': 'subscriptions.public',
  'POST /subscribe': 'subscriptions.public',
  'GET /subscribe/sent': 'subscriptions.public',
  'GET /subscribe/confirm': 'subscriptions.public',
  'POST /subscribe/confirm': 'subscriptions.public',
  'GET /subscribe/confirmed': 'subscriptions.public',
  'GET /unsubscribe': 'subscriptions.public',
  'POST /unsubscribe': 'subscriptions.public',
  // contact form: open to all; its inbox to coordinators and administrators
  'GET /contact': 'contact.send',
  'POST /contact': 'contact.send',
  'GET /contact/sent': 'contact.send',
  'GET /contact/inbox': 'contact.inbox',
  'GET /contact/inbox/:id': 'contact.inbox',
  'POST /contact/inbox/:id/handled': 'contact.inbox',
  'POST /contact/inbox/:id/delete': 'contact.inbox',
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const inFoundationArea = (url: string) => FOUNDATION_AREAS.some((re) => re.test(url));
const moduleArea = (url: string) =>
  url
    .split('/')
    .slice(0, url.startsWith('/api/') ? 4 : 2)
    .join('/');

forEachDialect('route inventory', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('every registered route declares a policy that is defined', () => {
    assert.ok(t.app.achyk.routes.length >= Object.keys(FOUNDATION_ROUTES).length);
    for (const r of t.app.achyk.routes) {
      assert.ok(r.policy, `${key(r)} declares no policy`);
      assert.ok(isDefinedPolicy(r.policy), `${key(r)} names the unknown policy "${r.policy}"`);
    }
  });

  test("the foundation's routes are exactly the expected ones, each with its expected policy", () => {
    const actual = Object.fromEntries(
      t.app.achyk.routes.filter((r) => inFoundationArea(r.url)).map((r) => [key(r), r.policy]),
    );
    assert.deepEqual(actual, FOUNDATION_ROUTES);
  });

  test('module routes listed in the inventory match, and listed areas hold no unlisted route', () => {
    const actual = new Map(t.app.achyk.routes.map((r) => [key(r), r.policy]));
    for (const [k, policy] of Object.entries(MODULE_ROUTES))
      assert.equal(actual.get(k), policy, `${k}: expected policy ${policy}`);
    const areas = new Set(Object.keys(MODULE_ROUTES).map((k) => moduleArea(k.split(' ')[1]!)));
    for (const r of t.app.achyk.routes) {
      if (inFoundationArea(r.url) || !areas.has(moduleArea(r.url))) continue;
      assert.ok(
        key(r) in MODULE_ROUTES,
        `${key(r)} (policy ${r.policy}) is not in MODULE_ROUTES of test/platform/route-inventory.test.ts`,
      );
    }
  });

  test('only routes under /api/ are API routes, and every API route is under /api/v1/', () => {
    for (const r of t.app.achyk.routes) assert.equal(r.api, r.url.startsWith('/api/'), key(r));
    for (const r of t.app.achyk.routes.filter((x) => x.api)) assert.match(r.url, /^\/api\/v1\//);
  });

  test('deny by default: every route closed to anonymous visitors refuses one', async () => {
    const agent = new Agent(t.app);
    for (const r of t.app.achyk.routes) {
      if (can(null, r.policy)) continue;
      const url = r.url.replace(/:\w+/g, '1');
      const res = r.method === 'GET' ? await agent.get(url) : await agent.post(url, {});
      if (r.method === 'GET' && !r.api) {
        assert.equal(res.statusCode, 303, key(r));
        assert.match(String(res.headers.location), /^\/login\?next=/, key(r));
      } else assert.ok([401, 403, 404].includes(res.statusCode), `${key(r)} answered ${res.statusCode}`);
    }
  });

  test('registering a route without a policy, or with an unknown one, throws', async () => {
    const bad = await buildTestApp(dialect, {
      beforeReady(app) {
        assert.throws(() => app.get('/test/no-policy', async () => 'open'), /declares no policy/);
        // Policy names are a typed union, so these do not even compile (@ts-expect-error fails the
        // type check if they ever do); the guard still refuses them at run time.
        // @ts-expect-error '' is not a policy action
        const empty: { policy: PolicyAction } = { policy: '' };
        // @ts-expect-error a typo is not a policy action
        const typo: { policy: PolicyAction } = { policy: 'nobody.defined.this' };
        assert.throws(
          () => app.post('/test/empty-policy', { config: empty }, async () => 'open'),
          /declares no policy/,
        );
        assert.throws(
          () => app.get('/test/unknown-policy', { config: typo }, async () => 'open'),
          /unknown policy "nobody\.defined\.this"/,
        );
      },
    });
    try {
      assert.equal(
        bad.app.achyk.routes.some((r) => r.url.startsWith('/test/')),
        false,
      );
      assert.equal((await bad.app.inject({ url: '/test/no-policy' })).statusCode, 404);
    } finally {
      await bad.close();
    }
  });
});
