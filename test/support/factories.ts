/**
 * Factories that make tests short (as Outline's `server/test/factories.ts`): users of each role,
 * signed-in agents, and the records of the modules — territories, bodies, appeals in each state,
 * cases, anonymous reports, statements — each `build<Thing>(db, overrides)` making its parents.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../../src/platform/db/database.js';
import type {
  AppealKind,
  AppealLanguage,
  AppealState,
  Classification,
  RefusalReason,
} from '../../src/modules/appeals/kinds.js';
import { createReport, makeReceipt } from '../../src/modules/anonymous/commands/create-report.js';
import type { Topic } from '../../src/modules/anonymous/tables.js';
import { createCase } from '../../src/modules/cases/commands/create-case.js';
import { searchKey } from '../../src/platform/text/search-key.js';
import type { BodyKind, TerritoryLevel } from '../../src/modules/directory/tables.js';
import { publishStatement } from '../../src/modules/statements/commands/publish-statement.js';
import { createStatement } from '../../src/modules/statements/commands/save-statement.js';
import type { StatementInput } from '../../src/modules/statements/commands/statement-input.js';
import { totpCode, newTotpSecret } from '../../src/platform/auth/totp.js';
import { createUser } from '../../src/modules/accounts/commands/create-user.js';
import { Agent } from './agent.js';
import { TEST_SCRYPT_LOG2N, type TestApp } from './test-app.js';

let counter = 0;

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
  totpSecret: string | null;
}

/** Creates an active user; staff roles get TOTP set up (as the policy requires). */
export async function buildUser(
  t: TestApp,
  overrides: Partial<{
    role: Role;
    email: string;
    password: string;
    totp: boolean;
    status: 'active' | 'unconfirmed' | 'disabled';
  }> = {},
): Promise<TestUser> {
  counter++;
  const role = overrides.role ?? 'citizen';
  const email = overrides.email ?? `user${counter}.${role}@example.org`;
  const password = overrides.password ?? `correct horse battery ${counter}`;
  const db = t.db.conn.db;
  const id = await db.transaction().execute((trx) =>
    createUser({
      trx,
      email,
      displayName: `Test ${role} ${counter}`,
      role,
      password,
      status: overrides.status ?? 'active',
      actor: 'test',
      hash: { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 },
      now: t.clock.now,
    }),
  );
  let totpSecret: string | null = null;
  if (overrides.totp ?? role !== 'citizen') {
    totpSecret = newTotpSecret();
    await db
      .updateTable('user')
      .set({ totp_secret_enc: t.cipher.encrypt(totpSecret, 'user.totp_secret') })
      .where('id', '=', id)
      .execute();
  }
  return { id, email, password, role, totpSecret };
}

/** Signs the user in through the real forms (password, then TOTP when enabled). */
export async function signIn(t: TestApp, user: TestUser, agent = new Agent(t.app)): Promise<Agent> {
  const res = await agent.post('/login', { email: user.email, password: user.password });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  if (res.headers.location === '/login/totp') {
    // Move the clock past the last used step so each sign-in can use a fresh code.
    t.clock.advance(30_000);
    const r2 = await agent.post('/login/totp', { code: totpCode(user.totpSecret!, t.clock.now) });
    if (r2.statusCode !== 303) throw new Error(`TOTP step failed: ${r2.statusCode}`);
  }
  return agent;
}

// ── Records of the domain modules ────────────────────────────────────────────────────────────
// `build<Thing>(db, overrides)` inserts one record with sensible, fixed defaults and creates the
// parents it needs (an appeal without a body gets one, and an owner). `db` is the TestApp (its clock
// dates the record) or, for tests without an app, the Kysely database itself (dated FIXED_AT).
// Records with encrypted fields (cases, anonymous reports) need the app's cipher: they take a TestApp.

/** The default moment of records made without an app clock. */
export const FIXED_AT = '2026-03-02T06:00:00.000Z';

export type DbSource = TestApp | Kysely<Database>;

const isApp = (s: DbSource): s is TestApp => 'app' in s && 'clock' in s;
const dbOf = (s: DbSource): Kysely<Database> => (isApp(s) ? s.db.conn.db : s);
const atOf = (s: DbSource): string => (isApp(s) ? s.clock.now.toISOString() : FIXED_AT);
const unique = () => `${++counter}-${crypto.randomBytes(3).toString('hex')}`;

export interface TerritoryOverrides {
  code?: string;
  level?: TerritoryLevel;
  name_ky?: string;
  name_ru?: string;
  name_en?: string;
  parent_id?: number | null;
}

/** A territory of the directory (an oblast unless told otherwise); returns its id. */
export async function buildTerritory(s: DbSource, o: TerritoryOverrides = {}): Promise<number> {
  const n = unique();
  const at = atOf(s);
  const names = {
    name_ky: o.name_ky ?? `Сыноо аймагы ${n}`,
    name_ru: o.name_ru ?? `Тестовая область ${n}`,
    name_en: o.name_en ?? `Test oblast ${n}`,
  };
  const row = await dbOf(s)
    .insertInto('territory')
    .values({
      code: o.code ?? `T${n}`,
      level: o.level ?? 'oblast',
      ...names,
      parent_id: o.parent_id ?? null,
      lat: null,
      lon: null,
      boundary: null,
      valid_from: null,
      valid_to: null,
      successor_id: null,
      source: null,
      search_key: searchKey([names.name_ky, names.name_ru, names.name_en]),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface BodyOverrides {
  name_ky?: string;
  name_ru?: string;
  name_en?: string;
  kind?: BodyKind;
  emails?: string | null;
  supervisor_id?: number | null;
  territory_id?: number | null;
  active_to?: string | null;
  code?: string;
}

/** A state body of the directory (a ministry with an e-mail address unless told otherwise); returns its id. */
export async function buildBody(s: DbSource, o: BodyOverrides = {}): Promise<number> {
  const n = unique();
  const at = atOf(s);
  const names = {
    name_ky: o.name_ky ?? `Сыноо органы ${n}`,
    name_ru: o.name_ru ?? `Тестовый орган ${n}`,
    name_en: o.name_en ?? `Test body ${n}`,
  };
  const row = await dbOf(s)
    .insertInto('body')
    .values({
      code: o.code ?? `test-body-${n}`,
      kind: o.kind ?? 'ministry',
      institution_type: null,
      ...names,
      territory_id: o.territory_id ?? null,
      supervisor_id: o.supervisor_id ?? null,
      emails: o.emails === undefined ? `body${counter}@gov.example.kg` : o.emails,
      address: null,
      phone: null,
      website: null,
      contact_unknown: 0,
      active_from: null,
      active_to: o.active_to ?? null,
      merged_into_id: null,
      search_key: searchKey([names.name_ky, names.name_ru, names.name_en]),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface AppealOverrides {
  state?: AppealState;
  ownerId?: number;
  bodyId?: number;
  kind?: AppealKind;
  language?: AppealLanguage;
  channel?: 'email' | 'paper' | 'portal';
  subject?: string;
  text?: string;
  ngo?: boolean;
  receivedOn?: string;
  dueDate?: string;
  /** null: a registration not recorded (the body never said), whatever the state */
  registrationNumber?: string | null;
  registrationDue?: string | null;
  answeredOn?: string | null;
  classification?: Classification | null;
  refusalReason?: RefusalReason | null;
}

/**
 * An appeal in any state, with the dates and facts that state implies (a registered appeal has a
 * registration number, an answered one an answer date, a classified one a classification, a closed
 * one a closing date), inserted directly: no letter, no timeline. Tests of the workflow itself go
 * through the wizard (test/appeals/support.ts `draftThroughWizard`).
 */
export async function buildAppeal(s: DbSource, o: AppealOverrides = {}): Promise<number> {
  const db = dbOf(s);
  const at = atOf(s);
  const n = unique();
  const state = o.state ?? 'sent';
  const ownerId = o.ownerId ?? (await ownerFor(s));
  const bodyId = o.bodyId ?? (await buildBody(s));
  const past = (states: AppealState[]) => states.includes(state);
  const sent = state !== 'draft';
  const receivedOn = sent ? (o.receivedOn ?? '2026-02-02') : null;
  const answered = past(['answered', 'classified', 'closed']);
  const classified = past(['classified', 'closed']);
  const redirectedTo = state === 'redirected' ? await buildBody(s) : null;
  const registered =
    past(['registered', 'extended', 'redirected', 'answered', 'classified', 'closed']) && o.registrationNumber !== null
      ? (o.registrationNumber ?? `R-${n}`)
      : null;
  const row = await db
    .insertInto('appeal')
    .values({
      owner_id: ownerId,
      ngo: o.ngo ? 1 : 0,
      body_id: bodyId,
      kind: o.kind ?? 'application',
      language: o.language ?? 'ru',
      subject: o.subject ?? `Test appeal ${n}`,
      text: o.text ?? 'Please act on this test appeal.',
      channel: o.channel ?? 'paper',
      to_address: null,
      state,
      person_name_enc: null,
      person_contact_enc: null,
      received_on: receivedOn,
      sent_at: sent ? at : null,
      rule_id: null,
      registration_number: registered,
      registered_on: registered === null ? null : receivedOn,
      registration_due: o.registrationDue !== undefined ? o.registrationDue : receivedOn,
      term_from: receivedOn,
      extension_days: state === 'extended' ? 15 : 0,
      due_date: sent ? (o.dueDate ?? '2026-02-20') : null,
      redirected_to_body_id: redirectedTo,
      redirected_on: redirectedTo === null ? null : receivedOn,
      answered_on: o.answeredOn !== undefined ? o.answeredOn : answered ? '2026-02-16' : null,
      classification: o.classification !== undefined ? o.classification : classified ? 'satisfied' : null,
      refusal_reason: o.refusalReason ?? null,
      classification_note: null,
      parent_id: null,
      escalation_target: null,
      reminder_stage: 0,
      closed_on: state === 'closed' ? '2026-02-27' : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A citizen who owns what a factory makes without being told whose it is. */
async function ownerFor(s: DbSource): Promise<number> {
  if (isApp(s)) return (await buildUser(s)).id;
  const n = unique();
  return dbOf(s)
    .transaction()
    .execute((trx) =>
      createUser({
        trx,
        email: `owner${n}@example.org`,
        displayName: `Owner ${n}`,
        role: 'citizen',
        password: `correct horse battery ${n}`,
        status: 'active',
        actor: 'test',
        hash: { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 },
        now: new Date(FIXED_AT),
      }),
    );
}

/** A human-rights case opened by a lawyer (made if not given), through the module's command. */
export async function buildCase(
  t: TestApp,
  o: { userId?: number; title?: string; summary?: string; territoryId?: number } = {},
): Promise<{ id: number; reference: string; userId: number }> {
  const userId = o.userId ?? (await buildUser(t, { role: 'lawyer' })).id;
  const input = {
    title: o.title ?? `Test case ${unique()}`,
    summary: o.summary ?? 'What we know so far.',
    ...(o.territoryId ? { territory_id: String(o.territoryId) } : {}),
  };
  const made = await t.db.conn.db
    .transaction()
    .execute((trx) => createCase({ trx, cipher: t.cipher, userId, input, now: t.clock.now }));
  return { ...made, userId };
}

/** An anonymous report, through the module's command; returns its id and the reporter's receipt. */
export async function buildReport(
  t: TestApp,
  o: { what?: string; topic?: Topic; bodyId?: number | null } = {},
): Promise<{ id: number; receipt: string }> {
  const { receipt, ...stored } = await makeReceipt(t.cipher, { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 });
  const input = {
    topic: o.topic ?? 'other',
    bodyId: o.bodyId ?? null,
    what: o.what ?? 'Something happened that someone should know about.',
    when: '',
    where: '',
    consent: { description: false, details: false, institution: false, files: false },
  };
  const id = await t.db.conn.db.transaction().execute((trx) =>
    createReport({
      trx,
      cipher: t.cipher,
      input,
      files: [],
      receipt: stored,
      formToken: crypto.randomBytes(16).toString('hex'),
      now: t.clock.now,
    }),
  );
  return { id, receipt };
}

/** A statement (published now unless `published: false`) by a coordinator (made if not given). */
export async function buildStatement(
  t: TestApp,
  o: { actorId?: number; published?: boolean; input?: Partial<StatementInput> } = {},
): Promise<number> {
  const actorId = o.actorId ?? (await buildUser(t, { role: 'coordinator' })).id;
  const input: StatementInput = {
    kind: 'statement',
    tags: '',
    title_ky: 'Билдирүү',
    title_ru: 'Заявление',
    title_en: `Statement ${unique()}`,
    summary_ky: '',
    summary_ru: '',
    summary_en: '',
    body_ky: 'Текст.',
    body_ru: 'Текст.',
    body_en: 'Text.',
    ...o.input,
  };
  const mail = { cipher: t.cipher, publicUrl: t.config.publicUrl, now: t.clock.now };
  return t.db.conn.db.transaction().execute(async (trx) => {
    const id = await createStatement({ trx, input, actorId, now: t.clock.now });
    if (o.published !== false)
      await publishStatement({ trx, id, choice: { when: 'now' }, actorId, now: t.clock.now, mail });
    return id;
  });
}
