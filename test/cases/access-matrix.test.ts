/**
 * Every role × every case route, including file downloads, exports, search and the API: who gets
 * the content, who gets the management pages, and who gets the same 404 as for a missing case.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { createApiToken } from './api-token.js';
import { multipartBody, PDF, PNG } from './multipart.js';
import { addOk, directoryFixture, idsOf, openCase } from './support.js';

type Who =
  | 'anonymous'
  | 'citizen'
  | 'admin'
  | 'coordinator'
  | 'monitor'
  | 'owner'
  | 'reader'
  | 'other_team'
  | 'citizen_on_list'
  | 'admin_on_list';
const WHO: Who[] = [
  'anonymous',
  'citizen',
  'citizen_on_list',
  'admin',
  'admin_on_list',
  'coordinator',
  'monitor',
  'owner',
  'reader',
  'other_team',
];

interface Route {
  name: string;
  /** the registered route (method + URL pattern) this row exercises */
  pattern: string;
  method: 'GET' | 'POST';
  url: (ids: Ids) => string;
  api?: boolean;
  form?: Record<string, string>;
  upload?: boolean;
  /** expected status per role (others: 404) */
  expect: Partial<Record<Who, number>>;
}

interface Ids {
  c: number;
  e: number;
  p: number;
  adminOnList: number;
}

const ANON_HTML = 303;
const content = (owner: number, reader: number, adminOnList = reader): Partial<Record<Who, number>> => ({
  anonymous: ANON_HTML,
  citizen: 403,
  citizen_on_list: 403,
  owner,
  reader,
  admin_on_list: adminOnList,
});

const ROUTES: Route[] = [
  {
    name: 'case page',
    pattern: 'GET /cases/:id',
    method: 'GET',
    url: (i) => `/cases/${i.c}`,
    expect: content(200, 200),
  },
  {
    name: 'add form',
    pattern: 'GET /cases/:id/add/:form',
    method: 'GET',
    url: (i) => `/cases/${i.c}/add/event`,
    expect: content(200, 404),
  },
  {
    name: 'add (refused input)',
    pattern: 'POST /cases/:id/add/:form',
    method: 'POST',
    url: (i) => `/cases/${i.c}/add/event`,
    form: { title: '' },
    expect: { ...content(422, 404), anonymous: 401 },
  },
  {
    name: 'upload (wrong type)',
    pattern: 'POST /cases/:id/add/evidence',
    method: 'POST',
    url: (i) => `/cases/${i.c}/add/evidence`,
    upload: true,
    expect: { ...content(422, 404), anonymous: 401 },
  },
  {
    name: 'file download',
    pattern: 'GET /cases/:id/evidence/:eid/download',
    method: 'GET',
    url: (i) => `/cases/${i.c}/evidence/${i.e}/download`,
    expect: content(200, 200),
  },
  {
    name: 'file verify',
    pattern: 'POST /cases/:id/evidence/:eid/verify',
    method: 'POST',
    url: (i) => `/cases/${i.c}/evidence/${i.e}/verify`,
    form: {},
    expect: { ...content(303, 404), anonymous: 401 },
  },
  // Members signed in moments ago, which counts as a fresh password (the re-authentication test below waits).
  {
    name: 'identifiable export',
    pattern: 'GET /cases/:id/export.json',
    method: 'GET',
    url: (i) => `/cases/${i.c}/export.json`,
    expect: content(200, 200),
  },
  {
    name: 'access list',
    pattern: 'GET /cases/:id/access',
    method: 'GET',
    url: (i) => `/cases/${i.c}/access`,
    expect: { ...content(404, 404, 404), coordinator: 200 },
  },
  {
    name: 'access change',
    pattern: 'POST /cases/:id/access',
    method: 'POST',
    url: (i) => `/cases/${i.c}/access`,
    form: { user_id: 'x', access: 'read' },
    expect: { ...content(404, 404, 404), anonymous: 401, coordinator: 422 },
  },
  {
    name: 'workflow (refused step)',
    pattern: 'POST /cases/:id/state',
    method: 'POST',
    url: (i) => `/cases/${i.c}/state`,
    form: { state: 'closed' },
    expect: { ...content(404, 404, 404), anonymous: 401, coordinator: 422 },
  },
  {
    name: 'read trail',
    pattern: 'GET /cases/:id/audit',
    method: 'GET',
    url: (i) => `/cases/${i.c}/audit`,
    expect: { ...content(404, 404, 404), coordinator: 200 },
  },
  {
    name: 'API case',
    pattern: 'GET /api/v1/cases/:id',
    method: 'GET',
    url: (i) => `/api/v1/cases/${i.c}`,
    api: true,
    expect: { ...content(200, 200), anonymous: 401 },
  },
  {
    name: 'API add act (refused input)',
    pattern: 'POST /api/v1/cases/:id/acts',
    method: 'POST',
    url: (i) => `/api/v1/cases/${i.c}/acts`,
    api: true,
    expect: { ...content(400, 404), anonymous: 401 },
  },
  {
    name: 'report',
    pattern: 'GET /cases/reports',
    method: 'GET',
    url: () => '/cases/reports',
    expect: {
      anonymous: ANON_HTML,
      citizen: 403,
      citizen_on_list: 403,
      admin: 403,
      admin_on_list: 403,
      monitor: 403,
      owner: 403,
      reader: 403,
      other_team: 403,
      coordinator: 200,
    },
  },
  {
    name: 'report CSV',
    pattern: 'GET /cases/reports.csv',
    method: 'GET',
    url: () => '/cases/reports.csv',
    expect: {
      anonymous: ANON_HTML,
      citizen: 403,
      citizen_on_list: 403,
      admin: 403,
      admin_on_list: 403,
      monitor: 403,
      owner: 403,
      reader: 403,
      other_team: 403,
      coordinator: 200,
    },
  },
  {
    name: 'thesaurus admin',
    pattern: 'GET /admin/thesaurus',
    method: 'GET',
    url: () => '/admin/thesaurus',
    expect: {
      anonymous: ANON_HTML,
      admin: 200,
      admin_on_list: 200,
      citizen: 403,
      citizen_on_list: 403,
      coordinator: 403,
      monitor: 403,
      owner: 403,
      reader: 403,
      other_team: 403,
    },
  },
  {
    name: 'case list and search',
    pattern: 'GET /cases',
    method: 'GET',
    url: () => '/cases?q=x',
    expect: {
      anonymous: ANON_HTML,
      citizen: 403,
      citizen_on_list: 403,
      admin: 200,
      admin_on_list: 200,
      coordinator: 200,
      monitor: 200,
      owner: 200,
      reader: 200,
      other_team: 200,
    },
  },
  {
    name: 'new case form',
    pattern: 'GET /cases/new',
    method: 'GET',
    url: () => '/cases/new',
    expect: {
      anonymous: ANON_HTML,
      citizen: 403,
      citizen_on_list: 403,
      admin: 403,
      admin_on_list: 403,
      coordinator: 200,
      monitor: 200,
      owner: 200,
      reader: 200,
      other_team: 200,
    },
  },
  {
    name: 'open a case (refused input)',
    pattern: 'POST /cases',
    method: 'POST',
    url: () => '/cases',
    form: { title: '' },
    expect: {
      anonymous: 401,
      citizen: 403,
      citizen_on_list: 403,
      admin: 403,
      admin_on_list: 403,
      coordinator: 422,
      monitor: 422,
      owner: 422,
      reader: 422,
      other_team: 422,
    },
  },
  {
    name: 'appeal from the case (refused input)',
    pattern: 'POST /cases/:id/add/appeal',
    method: 'POST',
    url: (i) => `/cases/${i.c}/add/appeal`,
    form: { act_id: '', body: '' },
    expect: { ...content(422, 404), anonymous: 401 },
  },
  {
    name: 'API case list',
    pattern: 'GET /api/v1/cases',
    method: 'GET',
    url: () => '/api/v1/cases',
    api: true,
    expect: {
      anonymous: 401,
      citizen: 403,
      citizen_on_list: 403,
      admin: 200,
      admin_on_list: 200,
      coordinator: 200,
      monitor: 200,
      owner: 200,
      reader: 200,
      other_team: 200,
    },
  },
  {
    name: 'thesaurus term (refused input)',
    pattern: 'POST /admin/thesaurus',
    method: 'POST',
    url: () => '/admin/thesaurus',
    form: { thesaurus: 'act_type', code: '', label_ky: '', label_ru: '', label_en: '' },
    expect: {
      anonymous: 401,
      admin: 422,
      admin_on_list: 422,
      citizen: 403,
      citizen_on_list: 403,
      coordinator: 403,
      monitor: 403,
      owner: 403,
      reader: 403,
      other_team: 403,
    },
  },
  {
    name: 'thesaurus relabel (refused input)',
    pattern: 'POST /admin/thesaurus/:id',
    method: 'POST',
    url: () => '/admin/thesaurus/1',
    form: { label_ky: '', label_ru: '', label_en: '' },
    expect: {
      anonymous: 401,
      admin: 422,
      admin_on_list: 422,
      citizen: 403,
      citizen_on_list: 403,
      coordinator: 403,
      monitor: 403,
      owner: 403,
      reader: 403,
      other_team: 403,
    },
  },
  {
    name: 'stylesheet',
    pattern: 'GET /cases/assets/cases.css',
    method: 'GET',
    url: () => '/cases/assets/cases.css',
    expect: Object.fromEntries(WHO.map((w) => [w, 200])),
  },
  {
    name: 'case correction form',
    pattern: 'GET /cases/:id/edit',
    method: 'GET',
    url: (i) => `/cases/${i.c}/edit`,
    expect: content(200, 404),
  },
  {
    name: 'case correction (refused input)',
    pattern: 'POST /cases/:id/edit',
    method: 'POST',
    url: (i) => `/cases/${i.c}/edit`,
    form: { title: '' },
    expect: { ...content(422, 404), anonymous: 401 },
  },
  {
    name: 'person correction form',
    pattern: 'GET /cases/:id/persons/:pid/edit',
    method: 'GET',
    url: (i) => `/cases/${i.c}/persons/${i.p}/edit`,
    expect: content(200, 404),
  },
  {
    name: 'person correction (refused input)',
    pattern: 'POST /cases/:id/persons/:pid/edit',
    method: 'POST',
    url: (i) => `/cases/${i.c}/persons/${i.p}/edit`,
    form: { name: '', sex: 'female', age_group: 'adult' },
    expect: { ...content(422, 404), anonymous: 401 },
  },
  // Last: it changes the list (the coordinator takes the administrator off it).
  {
    name: 'access removal',
    pattern: 'POST /cases/:id/access/:uid/remove',
    method: 'POST',
    url: (i) => `/cases/${i.c}/access/${i.adminOnList}/remove`,
    form: {},
    expect: { ...content(404, 404, 404), anonymous: 401, coordinator: 303 },
  },
];

forEachDialect('case access matrix', (dialect) => {
  let t: TestApp;
  const agents = new Map<Who, Agent>();
  const tokens = new Map<Who, string>();
  const users = new Map<Who, TestUser>();
  let ids: Ids;
  let missing: Ids;
  const TITLE = 'Matrix case ZQX-TITLE';

  before(async () => {
    t = await buildTestApp(dialect);
    await directoryFixture(t);
    const roles: Record<Exclude<Who, 'anonymous'>, TestUser['role']> = {
      citizen: 'citizen',
      citizen_on_list: 'citizen',
      admin: 'admin',
      admin_on_list: 'admin',
      coordinator: 'coordinator',
      monitor: 'monitor',
      owner: 'lawyer',
      reader: 'lawyer',
      other_team: 'lawyer',
    };
    for (const [who, role] of Object.entries(roles) as [Exclude<Who, 'anonymous'>, TestUser['role']][]) {
      const u = await buildUser(t, { role });
      users.set(who, u);
      agents.set(who, await signIn(t, u, new Agent(t.app, { 'accept-language': 'en' })));
      tokens.set(who, await createApiToken(t, u.id));
    }
    agents.set('anonymous', new Agent(t.app));
    const owner = agents.get('owner')!;
    const c = await openCase(owner, TITLE);
    await addOk(owner, c, 'event', { title: 'event', start: '2025-01-02', start_precision: 'exact' });
    await addOk(owner, c, 'person', { name: 'Someone', sex: 'female', age_group: 'adult' });
    const [p] = await idsOf(t, 'case_person', c);
    const upload = multipartBody('statement.pdf', PDF);
    const up = await t.app.inject({
      method: 'POST',
      url: `/cases/${c}/add/evidence?_csrf=${encodeURIComponent(await owner.csrf())}`,
      payload: upload.payload,
      headers: { 'content-type': upload.contentType, cookie: owner.cookieHeader() },
    });
    assert.equal(up.statusCode, 303, up.body);
    const [e] = await idsOf(t, 'case_evidence', c);
    ids = { c, e: e!, p: p!, adminOnList: users.get('admin_on_list')!.id };
    // Another team's case, and the access list of ours (a citizen or an admin on a list changes nothing for the citizen).
    await openCase(agents.get('other_team')!, 'Their own case');
    const db = t.db.conn.db;
    const add = (who: Who, access: 'read' | 'edit') =>
      db
        .insertInto('case_member')
        .values({
          case_id: c,
          user_id: users.get(who)!.id,
          access,
          added_by: users.get('owner')!.id,
          added_at: t.clock.now.toISOString(),
        })
        .execute();
    await add('reader', 'read');
    await add('citizen_on_list', 'edit');
    await add('admin_on_list', 'read');
    missing = { c: 987654, e: e!, p: p!, adminOnList: users.get('admin_on_list')!.id };
  });
  after(async () => t.close());

  async function call(who: Who, r: Route, target: Ids) {
    const agent = agents.get(who)!;
    const url = r.url(target);
    if (r.api) {
      const headers: Record<string, string> =
        who === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(who)!}` };
      return t.app.inject({
        method: r.method,
        url,
        headers,
        ...(r.method === 'POST' ? { payload: { event_id: 1, act_type: 'no_such_code' } } : {}),
      });
    }
    if (r.upload) {
      const body = multipartBody('photo.pdf', PNG);
      return t.app.inject({
        method: 'POST',
        url: `${url}?_csrf=${encodeURIComponent(await agent.csrf())}`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie: agent.cookieHeader(), 'accept-language': 'en' },
      });
    }
    if (r.method === 'POST') return agent.post(url, r.form ?? {});
    return agent.get(url);
  }

  test('the matrix covers every route of the case module', () => {
    const ours = t.app.achyk.routes
      .filter(
        (r) => r.url.startsWith('/cases') || r.url.startsWith('/api/v1/cases') || r.url.startsWith('/admin/thesaurus'),
      )
      .map((r) => `${r.method} ${r.url}`);
    assert.deepEqual([...new Set(ours)].sort(), [...new Set(ROUTES.map((r) => r.pattern))].sort());
  });

  for (const r of ROUTES) {
    test(`${r.name}: each role gets what the policy allows, everyone else the answer of a missing case`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of WHO) {
        const res = await call(who, r, ids);
        got[who] = res.statusCode;
        want[who] = r.expect[who] ?? 404;
        if (res.statusCode === 404) {
          // Indistinguishable from a case that does not exist.
          const miss = await call(who, r, missing);
          assert.equal(miss.statusCode, 404, `${who} on a missing case`);
          assert.ok(!res.body.includes(TITLE) && !/HR-\d{4}-\d{4}/.test(res.body), `${who}: the 404 reveals nothing`);
          if (r.api) assert.equal((res.json() as { error: { code: string } }).error.code, 'not_found');
        }
      }
      assert.deepEqual(got, want);
    });
  }

  test('the identifiable export asks for the password again, then downloads', async () => {
    const owner = agents.get('owner')!;
    t.clock.advance(11 * 60_000);
    const first = await owner.get(`/cases/${ids.c}/export.json`);
    assert.equal(first.statusCode, 303);
    assert.match(String(first.headers.location), /^\/reauth\?next=/);
    const re = await owner.post('/reauth', {
      password: users.get('owner')!.password,
      next: `/cases/${ids.c}/export.json`,
    });
    assert.equal(re.statusCode, 303);
    const ok = await owner.get(`/cases/${ids.c}/export.json`);
    assert.equal(ok.statusCode, 200);
    assert.match(String(ok.headers['content-disposition']), /^attachment/);
    assert.ok(ok.body.includes(TITLE));
    // A non-member who confirms the password still gets 404.
    const other = agents.get('other_team')!;
    await other.post('/reauth', { password: users.get('other_team')!.password, next: '/account' });
    assert.equal((await other.get(`/cases/${ids.c}/export.json`)).statusCode, 404);
  });

  test('lists and search show only readable cases; coordinators see other cases by reference only', async () => {
    for (const who of ['other_team', 'monitor', 'admin'] as const) {
      const list = await agents.get(who)!.get(`/cases?q=${encodeURIComponent('ZQX')}`);
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes('ZQX-TITLE'), who);
      assert.ok(!list.body.includes(`/cases/${ids.c}"`), who);
      const api = await t.app.inject({
        method: 'GET',
        url: '/api/v1/cases?q=ZQX',
        headers: { authorization: `Bearer ${tokens.get(who)!}` },
      });
      assert.deepEqual(api.json(), { cases: [] });
    }
    const reader = await agents.get('reader')!.get('/cases?q=ZQX');
    assert.ok(reader.body.includes('ZQX-TITLE'));
    const coord = await agents.get('coordinator')!.get('/cases');
    assert.ok(coord.body.includes(`/cases/${ids.c}/access`));
    assert.ok(!coord.body.includes('ZQX-TITLE'));
    const coordSearch = await agents.get('coordinator')!.get('/cases?q=ZQX');
    assert.ok(!coordSearch.body.includes(`/cases/${ids.c}/access`));
  });

  test('a coordinator puts a lawyer on the list, who can then read; removing them closes it again', async () => {
    const coord = agents.get('coordinator')!;
    const monitor = users.get('monitor')!;
    assert.equal((await agents.get('monitor')!.get(`/cases/${ids.c}`)).statusCode, 404);
    assert.equal(
      (await coord.post(`/cases/${ids.c}/access`, { user_id: String(monitor.id), access: 'read' })).statusCode,
      303,
    );
    assert.equal((await agents.get('monitor')!.get(`/cases/${ids.c}`)).statusCode, 200);
    assert.equal((await agents.get('monitor')!.get(`/cases/${ids.c}/add/event`)).statusCode, 404);
    assert.equal((await coord.post(`/cases/${ids.c}/access/${monitor.id}/remove`)).statusCode, 303);
    assert.equal((await agents.get('monitor')!.get(`/cases/${ids.c}`)).statusCode, 404);
    // A citizen can never be put on the list through the form.
    const refused = await coord.post(`/cases/${ids.c}/access`, {
      user_id: String(users.get('citizen')!.id),
      access: 'read',
    });
    assert.equal(refused.statusCode, 422);
  });

  test('the workflow goes intake → documented → verified → closed, one step at a time', async () => {
    const coord = agents.get('coordinator')!;
    const state = async () =>
      (await t.db.conn.db.selectFrom('hr_case').select('state').where('id', '=', ids.c).executeTakeFirstOrThrow())
        .state;
    assert.equal(await state(), 'intake');
    assert.equal((await coord.post(`/cases/${ids.c}/state`, { state: 'verified' })).statusCode, 422);
    for (const s of ['documented', 'verified', 'closed'] as const) {
      assert.equal((await coord.post(`/cases/${ids.c}/state`, { state: s })).statusCode, 303);
      assert.equal(await state(), s);
    }
    assert.equal((await coord.post(`/cases/${ids.c}/state`, { state: 'verified' })).statusCode, 303);
  });

  test('every read is in the audit log without content, and the coordinator sees who read what', async () => {
    const reader = agents.get('reader')!;
    await reader.get(`/cases/${ids.c}`);
    const rows = await t.db.conn.db
      .selectFrom('audit_event')
      .select(['actor', 'action', 'data'])
      .where('object_type', '=', 'case')
      .where('object_id', '=', String(ids.c))
      .where('action', '=', 'case.read')
      .execute();
    assert.ok(rows.some((r) => r.actor === `user:${users.get('reader')!.id}` && JSON.parse(r.data).door === 'page'));
    assert.ok(rows.some((r) => JSON.parse(r.data).door === 'download'));
    assert.ok(rows.some((r) => JSON.parse(r.data).door === 'api'));
    assert.ok(rows.some((r) => JSON.parse(r.data).door === 'export'));
    for (const r of rows) assert.ok(!r.data.includes('ZQX'));
    const trail = await agents.get('coordinator')!.get(`/cases/${ids.c}/audit`);
    assert.equal(trail.statusCode, 200);
    assert.ok(trail.body.includes('read the page'));
    assert.ok(!trail.body.includes('ZQX-TITLE'));
  });
});
