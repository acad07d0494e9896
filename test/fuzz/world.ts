/**
 * The fuzz suites' world: the real app on a fresh database with the modules' demo seed, a user of
 * every role, records each module's pages can show (appeals, a case, an anonymous report, a
 * consultation), and a crawl of the site as each role. The crawl is what keeps the suites generic:
 * every route in `app.achyk.routes` is matched to the concrete URLs and forms the pages link to (with
 * their field names and offered values), so a new module's routes are fuzzed as soon as they land.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { can, type Actor, type PolicyAction } from '../../src/platform/policy/policy.js';
import type { Role } from '../../src/platform/db/database.js';
import type { Dialect } from '../../src/platform/db/connect.js';
import { seedSteps } from '../../src/seed/seed.js';
import { Agent } from '../support/agent.js';
import { buildBody, buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { draftThroughWizard, tinyPdf, upload } from '../appeals/support.js';
import { publish, sentAppeal } from '../publication/support.js';
import { openCase, addOk } from '../cases/support.js';
import { createApiToken } from '../cases/api-token.js';
import { reporter, sendReport } from '../anonymous/support.js';

export type Who = Role | 'visitor';
export const ROLES_IN_ORDER: Who[] = ['admin', 'coordinator', 'lawyer', 'monitor', 'citizen', 'visitor'];

export interface RouteInfo {
  method: string;
  url: string;
  policy: PolicyAction;
  api: boolean;
}

/** One form seen on a page: its fields and the values the page offered for each. */
export interface FormInfo {
  action: string;
  method: 'GET' | 'POST';
  multipart: boolean;
  fields: Map<string, Set<string>>;
  /** names of its file inputs */
  files: Set<string>;
}

/** What the crawl learnt about one route (by "METHOD /pattern"). */
export interface RouteSamples {
  /** concrete URLs (path and query) seen for the route, per role that saw them */
  urls: Map<Who, Set<string>>;
  forms: Map<Who, FormInfo[]>;
}

export interface World {
  t: TestApp;
  users: Map<Role, TestUser>;
  tokens: Map<Role, string>;
  routes: RouteInfo[];
  samples: Map<string, RouteSamples>;
  /** values seen for a path parameter, by "area:param" (e.g. "appeals:id") and by param alone */
  params: Map<string, Set<string>>;
  warnings: string[];
  /** a fresh, signed-in agent of the role (re-authenticated for staff), or a visitor's */
  agent(who: Who): Promise<Agent>;
  /** puts the fixture users back as they were (a fuzzed admin form may have disabled one) */
  repair(): Promise<void>;
  close(): Promise<void>;
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
export const routeKey = key;

function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decode(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** The forms of a page, with field names and offered values (hidden values, options, checkboxes, buttons). */
export function parseForms(html: string): FormInfo[] {
  const forms: FormInfo[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const head = m[1]!;
    const inner = m[2]!;
    const fields = new Map<string, Set<string>>();
    const files = new Set<string>();
    const add = (name: string | undefined, value: string) => {
      if (!name) return;
      if (!fields.has(name)) fields.set(name, new Set());
      fields.get(name)!.add(value);
    };
    for (const i of inner.matchAll(/<input\b[^>]*>/gi)) {
      const type = (attr(i[0], 'type') ?? 'text').toLowerCase();
      const name = attr(i[0], 'name');
      if (type === 'file') {
        add(name, '');
        if (name) files.add(name);
      } else if (type === 'checkbox' || type === 'radio') add(name, attr(i[0], 'value') ?? 'on');
      else add(name, attr(i[0], 'value') ?? '');
    }
    for (const b of inner.matchAll(/<button\b[^>]*>/gi)) {
      const name = attr(b[0], 'name');
      if (name) add(name, attr(b[0], 'value') ?? '');
    }
    for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(s[1]!, 'name');
      for (const o of s[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi))
        add(name, attr(o[1]!, 'value') ?? decode(o[2]!.trim()));
      if (name && !fields.has(name)) add(name, '');
    }
    for (const ta of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi))
      add(attr(ta[1]!, 'name'), decode(ta[2]!));
    const method = (attr(head, 'method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET';
    forms.push({
      action: attr(head, 'action') ?? '',
      method,
      multipart: /multipart\/form-data/i.test(attr(head, 'enctype') ?? ''),
      fields,
      files,
    });
  }
  return forms;
}

/** Matches concrete paths to route patterns; static segments win over parameters, as in Fastify. */
export function routeMatcher(
  routes: RouteInfo[],
): (method: string, path: string) => { route: RouteInfo; params: Record<string, string> } | null {
  const compiled = routes
    .map((r) => {
      const names: string[] = [];
      const src = r.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      });
      return { r, re: new RegExp(`^${src}$`), names, rank: names.length };
    })
    .sort((a, b) => a.rank - b.rank);
  return (method, path) => {
    for (const c of compiled) {
      if (c.r.method !== method) continue;
      const m = c.re.exec(path);
      if (m) return { route: c.r, params: Object.fromEntries(c.names.map((n, i) => [n, m[i + 1]!])) };
    }
    return null;
  };
}

export function actorOf(who: Who, id = 1): Actor | null {
  return who === 'visitor' ? null : { id, role: who, status: 'active' };
}

/** Which roles the route's policy lets in (by the policy module itself, nothing hard-coded). */
export function rolesFor(route: RouteInfo, users: Map<Role, TestUser>): Who[] {
  return ROLES_IN_ORDER.filter((w) => {
    // 'anonymous' routes (sign-in, registration) are for visitors: a signed-in user is sent away.
    if (route.policy === 'anonymous') return w === 'visitor';
    return can(actorOf(w, w === 'visitor' ? 0 : users.get(w)!.id), route.policy);
  });
}

const START_PAGES = [
  '/',
  '/account',
  '/admin',
  '/appeals',
  '/appeals/dashboard',
  '/cases',
  '/anonymous-reports',
  '/consultations',
  '/directory',
  '/stats',
  '/search',
  '/report',
  '/data',
  '/admin/directory',
  '/admin/appeals/rules',
  '/admin/appeals/calendar',
  '/admin/mail',
  '/admin/jobs',
  '/admin/thesaurus',
  '/admin/redaction-rules',
  '/admin/audit',
  '/cases/reports',
];
const MAX_URLS_PER_ROUTE = 3;
const MAX_PAGES_PER_ROLE = 400;

export async function buildWorld(dialect: Dialect): Promise<World> {
  const t = await buildTestApp(dialect);
  const app: FastifyInstance = t.app;
  const warnings: string[] = [];
  const users = new Map<Role, TestUser>();
  // The administrator first: demo seeds attach their records to the first administrator.
  users.set('admin', await buildUser(t, { role: 'admin' }));
  const runtime = {
    config: t.config,
    conn: t.db.conn,
    cipher: t.cipher,
    mailer: app.achyk.mailer,
    keyFileCreated: false,
    close: async () => {},
  };
  for (const seed of seedSteps()) await seed({ runtime, demo: true, now: t.clock.now });
  for (const role of ['coordinator', 'lawyer', 'monitor', 'citizen'] as const)
    users.set(role, await buildUser(t, { role }));
  const tokens = new Map<Role, string>();
  for (const [role, u] of users) tokens.set(role, await createApiToken(t, u.id));
  const snapshot = new Map([...users].map(([role, u]) => [u.id, role]));

  // Signing in costs a password hash and a TOTP step: agents are kept per role and replaced only
  // when a fuzzed form ended their session (sign-out, a disabled account, a changed role).
  const kept = new Map<Who, Agent>();
  async function agent(who: Who): Promise<Agent> {
    const old = kept.get(who);
    if (old) {
      if (who === 'visitor' || (await old.get('/account')).statusCode === 200) return old;
    }
    const fresh = await signedIn(who);
    kept.set(who, fresh);
    return fresh;
  }
  async function signedIn(who: Who): Promise<Agent> {
    const a = new Agent(app, { 'accept-language': 'en' });
    if (who === 'visitor') return a;
    const user = users.get(who)!;
    await signIn(t, user, a);
    if (who !== 'citizen') await a.post('/reauth', { password: user.password, next: '/' });
    return a;
  }
  async function repair(): Promise<void> {
    for (const [id, role] of snapshot)
      await t.db.conn.db.updateTable('user').set({ status: 'active', role }).where('id', '=', id).execute();
  }

  // Records for the pages to show, made through the real forms (failures are reported, not fatal).
  const attempt = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      warnings.push(`fixture "${what}" failed: ${(err as Error).message.slice(0, 200)}`);
    }
  };
  const bodyId = await buildBody(t);
  const citizen = await agent('citizen');
  const lawyer = await agent('lawyer');
  const coordinator = await agent('coordinator');
  await attempt('appeal draft with a document', async () => {
    const draft = await draftThroughWizard(citizen, bodyId, {
      subject: 'Draft appeal',
      text: 'Please repair the school roof.',
    });
    await upload(citizen, `/appeals/${draft}/files`, 'letter.pdf', tinyPdf('Letter'));
  });
  await attempt('sent and published appeal', async () => {
    const sent = await sentAppeal(citizen, bodyId, {
      subject: 'Sent appeal',
      text: 'The road to Tash-Bulak is broken.',
    });
    await publish(citizen, sent);
  });
  await attempt('appeal of a lawyer', () =>
    sentAppeal(lawyer, bodyId, { subject: 'Lawyer appeal', text: 'On behalf of a client.' }),
  );
  await attempt('case with an event and a person', async () => {
    const caseId = await openCase(lawyer);
    await addOk(lawyer, caseId, 'event', { title: 'Detention', start: '2026-01-05', start_precision: 'exact' });
    await addOk(lawyer, caseId, 'person', { name: 'Asel Victimova', sex: 'female', age_group: 'adult' });
  });
  await attempt('anonymous report', async () => {
    const { receipt } = await sendReport(reporter(t), {}, [
      { name: 'note.pdf', data: tinyPdf('Report'), type: 'application/pdf' },
    ]);
    if (!receipt) throw new Error('no receipt shown');
  });
  await attempt('case from the coordinator', () => openCase(coordinator, 'Coordinator case'));

  // Crawl as every role.
  const routes: RouteInfo[] = app.achyk.routes.map((r) => ({ ...r }));
  const match = routeMatcher(routes);
  const samples = new Map<string, RouteSamples>();
  const params = new Map<string, Set<string>>();
  const sampleOf = (k: string) => {
    if (!samples.has(k)) samples.set(k, { urls: new Map(), forms: new Map() });
    return samples.get(k)!;
  };
  const note = (who: Who, method: string, url: string, form?: FormInfo): boolean => {
    const u = new URL(url, 'http://localhost');
    if (u.host !== 'localhost') return false;
    const m = match(method, u.pathname);
    if (!m) return false;
    const s = sampleOf(key(m.route));
    if (!s.urls.has(who)) s.urls.set(who, new Set());
    const set = s.urls.get(who)!;
    const concrete = u.pathname + u.search;
    // The cap counts URLs of one shape: /cases/1/add/event and /cases/1/add/evidence are both kept.
    const shape = (x: string) => x.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/#');
    const fresh =
      !set.has(concrete) && [...set].filter((x) => shape(x) === shape(concrete)).length < MAX_URLS_PER_ROUTE;
    if (fresh) set.add(concrete);
    if (form) {
      if (!s.forms.has(who)) s.forms.set(who, []);
      const list = s.forms.get(who)!;
      if (list.filter((f) => shape(f.action) === shape(concrete)).length < MAX_URLS_PER_ROUTE)
        list.push({ ...form, action: concrete });
    }
    const area = m.route.url.split('/').filter(Boolean)[m.route.url.startsWith('/api/') ? 2 : 0] ?? '';
    for (const [n, v] of Object.entries(m.params)) {
      for (const k of [`${area}:${n}`, n]) {
        if (!params.has(k)) params.set(k, new Set());
        params.get(k)!.add(decodeURIComponent(v));
      }
    }
    return fresh;
  };
  for (const who of ROLES_IN_ORDER) {
    const a = await agent(who);
    const queue = [...START_PAGES];
    const seen = new Set<string>();
    let pages = 0;
    while (queue.length && pages < MAX_PAGES_PER_ROLE) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      if (!note(who, 'GET', url) && !START_PAGES.includes(url)) continue;
      const res: LightMyRequestResponse = await a.get(url);
      pages++;
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
      for (const l of res.body.matchAll(/<a\b[^>]*\shref="(\/[^"#]*)"/g)) {
        const href = decode(l[1]!);
        if (!href.startsWith('//') && !seen.has(href)) queue.push(href);
      }
      for (const f of parseForms(res.body)) {
        const action = f.action || url;
        if (!action.startsWith('/') || action.startsWith('//')) continue;
        note(who, f.method, action, f);
      }
    }
  }
  return {
    t,
    users,
    tokens,
    routes,
    samples,
    params,
    warnings,
    agent,
    repair,
    close: () => t.close(),
  };
}

/** Real values for the route's path parameters (seen by the crawl for this area, then for any area). */
export function realParams(world: World, route: RouteInfo): Record<string, string[]> {
  const area = route.url.split('/').filter(Boolean)[route.url.startsWith('/api/') ? 2 : 0] ?? '';
  const out: Record<string, string[]> = {};
  for (const m of route.url.matchAll(/:(\w+)/g)) {
    const n = m[1]!;
    out[n] = [...(world.params.get(`${area}:${n}`) ?? world.params.get(n) ?? new Set(['1']))].slice(0, 6);
  }
  return out;
}
