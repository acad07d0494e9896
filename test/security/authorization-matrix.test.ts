/**
 * Issue #10, authorization matrix (SECURITY.md "Access control"): every route of the route inventory
 * (`app.achyk.routes`) × every role (anonymous, citizen, monitor, case worker, a case worker of
 * another team, coordinator, administrator) × the role's own record and other people's records,
 * each answering what its policy says. The expected decisions live in support/authz-table.ts; a new
 * route without an entry there fails this suite by name. The figures are printed at the end.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { ROLES, seedFixtures, type Fixtures, type MatrixRole } from './support/authz-fixtures.js';
import { GATES, MATRIX, type Entry, type Outcome, type Params, type Target } from './support/authz-table.js';

interface Route {
  method: string;
  url: string;
  policy: string;
  api: boolean;
}

interface Case {
  route: Route;
  entry: Entry;
  role: MatrixRole;
  target: Target;
  params: Params;
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The outcome the table expects for one role on one target. */
function expectedOutcome(route: Route, entry: Entry, role: MatrixRole, target: Target): Outcome {
  const gate = GATES[route.policy];
  if (!gate)
    throw new Error(
      `policy ${route.policy} (${key(route)}) has no gate in GATES of test/security/support/authz-table.ts`,
    );
  let out: Outcome;
  if (route.policy === 'anonymous' && role !== 'anonymous') out = 'away';
  else if (!gate(role)) out = role === 'anonymous' ? 'login' : 'forbidden';
  else out = entry.record ? entry.record(role, target) : 'ok';
  const ex = entry.except;
  if (ex && (!ex.targets || ex.targets.includes(target)) && ex.roles[role]) out = ex.roles[role]!;
  return out;
}

function matches(expected: Outcome, res: LightMyRequestResponse, route: Route): boolean {
  const s = res.statusCode;
  const loc = String(res.headers.location ?? '');
  const redirect = s >= 300 && s < 400;
  switch (expected) {
    case 'login':
      // Pages send a visitor to sign in (303 to /login); forms, the API and handlers that need a session answer 401.
      return s === 401 || (route.method === 'GET' && !route.api && redirect && /^\/login(\?|$)/.test(loc));
    case 'forbidden':
      return s === 403;
    case 'missing':
      return s === 404;
    case 'away':
      return s === 303 && loc === '/account';
    case 'ok':
      return s < 500 && s !== 401 && s !== 403 && s !== 404 && !(redirect && loc.startsWith('/login?next='));
  }
}

const describe = (res: LightMyRequestResponse) =>
  `${res.statusCode}${res.headers.location ? ` → ${String(res.headers.location)}` : ''}`;

/** The URL with its parameters filled in (and the query string, from the `?` parameter). */
function fill(url: string, params: Params): string {
  const path = url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(String(v));
  });
  return params['?'] === undefined ? path : `${path}?${String(params['?'])}`;
}

/** Every (route, target, role) to try, in order: late routes (which change what others see) last. */
function plan(routes: Route[], f: Fixtures): Case[] {
  const cases: Case[] = [];
  for (const route of routes) {
    const entry = MATRIX[key(route)];
    if (!entry) continue;
    for (const role of ROLES) {
      if (entry.targets) {
        for (const [target, filler] of Object.entries(entry.targets) as [
          Exclude<Target, 'none'>,
          NonNullable<Entry['params']>,
        ][]) {
          const params = filler(f, role);
          if (params) cases.push({ route, entry, role, target, params });
        }
      } else cases.push({ route, entry, role, target: 'none', params: entry.params?.(f, role) ?? {} });
    }
  }
  return cases.sort((a, b) => (a.entry.late ?? 0) - (b.entry.late ?? 0));
}

forEachDialect('authorization matrix', (dialect) => {
  let t: TestApp;
  let f: Fixtures;
  const figures = { routes: 0, roles: ROLES.length, tried: 0, failures: 0 };

  before(async () => {
    t = await buildTestApp(dialect);
    f = await seedFixtures(t);
  });
  after(async () => {
    console.log(
      `# authorization matrix [${dialect}]: ${figures.routes} routes × ${figures.roles} roles, ${figures.tried} cases tried, ${figures.failures} failures`,
    );
    await t?.close();
  });

  const deniedInAudit = async () =>
    Number(
      (
        await t.db.conn.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'access.denied')
          .executeTakeFirstOrThrow()
      ).n,
    );

  const routes = (): Route[] => {
    const seen = new Map<string, Route>();
    for (const r of t.app.achyk.routes) seen.set(key(r), r);
    return [...seen.values()];
  };

  test('every route of the inventory has an entry in the matrix, and every entry a route', () => {
    const keys = new Set(routes().map(key));
    const missing = [...keys].filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.has(k));
    assert.deepEqual(
      missing,
      [],
      `routes without an entry in MATRIX of test/security/support/authz-table.ts: ${missing.join(', ')}`,
    );
    assert.deepEqual(stale, [], `entries whose route is gone: ${stale.join(', ')}`);
    for (const r of routes()) assert.ok(GATES[r.policy], `${key(r)}: policy ${r.policy} has no gate in GATES`);
  });

  // Before the matrix: its late routes publish the draft consultation.
  test('credentials do not cross: a session cookie does not open the API, an API token does not open the pages', async () => {
    const failures: string[] = [];
    for (const c of plan(routes(), f)) {
      if (c.role === 'anonymous' || c.entry.late || (c.route.method !== 'GET' && !c.route.api)) continue;
      // The API has no CSRF check, so it must not trust the browser's cookie; pages must not trust a bearer token.
      if (!c.route.api && c.role !== 'admin' && c.role !== 'lawyer') continue;
      const url = fill(c.route.url, c.params);
      const headers: Record<string, string> = c.route.api
        ? { cookie: f.agents[c.role].cookieHeader() }
        : { authorization: `Bearer ${f.tokens[c.role]}` };
      const res = await t.app.inject({
        method: c.route.method as 'GET' | 'POST',
        url,
        headers,
        ...(c.route.method === 'POST' ? { payload: c.entry.json ?? {} } : {}),
      });
      figures.tried++;
      const want = expectedOutcome(c.route, c.entry, 'anonymous', c.target);
      if (!matches(want, res, c.route))
        failures.push(
          `${key(c.route)} [${c.target}] as ${c.role} with ${c.route.api ? 'the session cookie only' : 'a bearer token only'} (${url}): expected ${want}, got ${describe(res)}`,
        );
    }
    figures.failures += failures.length;
    assert.deepEqual(failures, []);
  });

  test('every route × role × own/foreign record answers what its policy says', async (ctx) => {
    const all = routes();
    figures.routes = all.length;
    const failures: string[] = [];
    let forbidden = 0;
    const deniedBefore = await deniedInAudit();
    for (const c of plan(all, f)) {
      const url = fill(c.route.url, c.params);
      let res: LightMyRequestResponse;
      if (c.route.api) {
        const headers: Record<string, string> =
          c.role === 'anonymous' ? {} : { authorization: `Bearer ${f.tokens[c.role]}` };
        res = await t.app.inject({
          method: c.route.method as 'GET' | 'POST',
          url,
          headers,
          ...(c.route.method === 'POST' ? { payload: c.entry.json ?? {} } : {}),
        });
      } else {
        const agent = f.agents[c.role];
        res = c.route.method === 'GET' ? await agent.get(url) : await agent.post(url, c.entry.form ?? {});
      }
      figures.tried++;
      const want = expectedOutcome(c.route, c.entry, c.role, c.target);
      if (!matches(want, res, c.route))
        failures.push(`${key(c.route)} [${c.target}] as ${c.role} (${url}): expected ${want}, got ${describe(res)}`);
      if (res.statusCode === 403) forbidden++;
      // Late routes publish drafts and the like: what they show afterwards is no longer secret.
      if (!c.entry.late) {
        for (const s of f.secrets)
          if (!s.readers.includes(c.role) && res.body.includes(s.marker))
            failures.push(
              `${key(c.route)} [${c.target}] as ${c.role} (${url}): the answer (${res.statusCode}) shows "${s.marker}"`,
            );
      }
    }
    // SECURITY.md "Log … denied accesses": each refusal (by the guard or by a handler) left an audit row.
    const denied = (await deniedInAudit()) - deniedBefore;
    if (denied !== forbidden)
      failures.push(
        `${forbidden} requests were refused with 403 but ${denied} access.denied rows were written to the audit log`,
      );
    figures.failures += failures.length;
    ctx.diagnostic(
      `${figures.routes} routes × ${figures.roles} roles: ${figures.tried} cases tried, ${figures.failures} failures`,
    );
    assert.deepEqual(failures, []);
  });

  test("other people's records are untouched after every role tried every door", async () => {
    const db = t.db.conn.db;
    const choice = await db
      .selectFrom('redaction_choice')
      .select('id')
      .where('id', '=', f.foreignAppeal.choiceId)
      .executeTakeFirst();
    assert.ok(choice, "citizen B's redaction choice is still there");
    const rule = await db
      .selectFrom('redaction_rule')
      .select('deleted_at')
      .where('id', '=', f.redactionRules.foreignAppealRule)
      .executeTakeFirstOrThrow();
    assert.equal(rule.deleted_at, null, "the rule of citizen B's appeal is not deleted");
    const token = await db
      .selectFrom('api_token')
      .select('revoked_at')
      .where('id', '=', f.foreignTokenId)
      .executeTakeFirstOrThrow();
    assert.equal(token.revoked_at, null, "citizen B's API token is not revoked");
    const files = await db.selectFrom('appeal_file').select('id').where('appeal_id', '=', f.foreignAppeal.id).execute();
    assert.equal(files.length, 1, "no document was added to citizen B's appeal");
    const a = await db
      .selectFrom('appeal')
      .select(['state', 'updated_at'])
      .where('id', '=', f.foreignAppeal.id)
      .executeTakeFirstOrThrow();
    assert.equal(a.state, 'sent');
    const members = await db.selectFrom('case_member').select('user_id').where('case_id', '=', f.caseA.id).execute();
    assert.ok(
      members.some((m) => m.user_id === f.users.lawyer.id),
      'case A keeps its team',
    );
  });
});
