/**
 * Bulk import of appeals: an NGO moving its spreadsheet of paper appeals into Achyk, or the bench
 * generator filling a national-size database (bench/generate.ts). What a row becomes is the same as
 * if the appeal had been recorded by hand: the rule version in force on the day of receipt, the due
 * date on the administrators' calendar, the timeline, the statistical fact and its aggregate cells,
 * and (when asked) the automatically redacted public copy with its search index entries.
 *
 * Why not one `recordAppeal` call per row: at a million rows the per-row round trips dominate.
 * Here every batch is a handful of multi-row INSERTs in one transaction with one audit entry, and
 * everything a batch needs (bodies, territories, rules, calendar, redaction rules) is read once.
 *
 * All rows are validated before anything is written: a file with one bad line writes nothing.
 * Each batch is its own transaction; the aggregate cells touched are recomputed at the end (or by
 * the caller, for an import split over several calls). If an import stops half-way, the batches
 * written are complete appeals; `achyk stats rebuild` then brings the cells up to date.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Db, Executor } from '../../../platform/db/database.js';
import { kyrgyzDateOf, type CalendarData } from '../../calendar/index.js';
import { searchKey } from '../../directory/search-key.js';
import { redactText, type RedactionInput } from '../../publication/redaction/redact.js';
import { bumpStatsVersion } from '../../stats/cache.js';
import { factOf, recomputeCells } from '../../stats/refresh.js';
import { loadCalendar } from '../calendar-store.js';
import { appealDeadlines } from '../deadlines.js';
import { checkImportRow, importedState, type ImportAppealRow, type ImportFieldError } from '../import-row.js';
import { OPEN_STATES, type AppealKind } from '../kinds.js';
import type { AppealRule } from '../rules/queries.js';
import { reminderStage } from '../jobs.js';

/** Public timeline events (as publication/commands/snapshot.ts): notes and reminders stay private. */
const PUBLIC_EVENTS = new Set(['sent', 'recorded', 'registered', 'extended', 'redirected', 'answer', 'classified', 'closed']);
export const IMPORT_BATCH = 500;
const OPEN = new Set<string>(OPEN_STATES);

interface Place {
  id: number;
  oblast: number | null;
  rayon: number | null;
}

/** Everything the import reads once: the directory, the rules, the calendar, the global redaction rules. */
export interface ImportContext {
  bodies: Map<string, Place>;
  rules: AppealRule[];
  calendar: CalendarData;
  redaction: RedactionInput;
}

export async function loadImportContext(db: Executor): Promise<ImportContext> {
  const territories = await db.selectFrom('territory').select(['id', 'level', 'parent_id']).execute();
  const byId = new Map(territories.map((t) => [t.id, t]));
  const placeOf = (territoryId: number | null): { oblast: number | null; rayon: number | null } => {
    let oblast: number | null = null;
    let rayon: number | null = null;
    let id = territoryId;
    for (let i = 0; id !== null && i < 8; i++) {
      const t = byId.get(id);
      if (!t) break;
      if ((t.level === 'rayon' || t.level === 'city') && rayon === null) rayon = t.id;
      if (t.level === 'oblast' || t.level === 'city_republican') oblast = t.id;
      id = t.parent_id;
    }
    return { oblast, rayon };
  };
  const bodies = new Map<string, Place>();
  for (const b of await db.selectFrom('body').select(['id', 'code', 'territory_id']).execute()) bodies.set(b.code, { id: b.id, ...placeOf(b.territory_id) });
  const rules = await db.selectFrom('appeal_rule').selectAll().where('superseded_by', 'is', null).orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
  const redactionRules = await db.selectFrom('redaction_rule').select(['pattern', 'is_regex', 'replacement']).where('deleted_at', 'is', null).where('scope', '=', 'global').orderBy('id').execute();
  return { bodies, rules, calendar: await loadCalendar(db), redaction: { knownNames: [], keep: [], manual: [], rules: redactionRules } };
}

/** The aggregate cells an import touched, to recompute once at the end. */
export type TouchedCells = Map<string, { body_id: number; month: string; kind: string }>;

export interface ImportOptions {
  /** the NGO user who owns the imported appeals (staff of the NGO may act on them) */
  ownerId: number;
  /** audit actor, e.g. 'user:3' or 'cli' */
  actor: string;
  now: Date;
  batchSize?: number;
  context?: ImportContext;
  /** collect the touched cells here and leave their recomputation to the caller ({@link recomputeTouchedCells}) */
  deferCells?: TouchedCells;
  onProgress?: (done: number) => void;
}

export interface ImportResult {
  imported: number;
  published: number;
  events: number;
  firstId: number | null;
  lastId: number | null;
  errors: ImportFieldError[];
}

/** Validates raw rows (parsed JSON values); line numbers start at `firstLine`. */
export function validateImportRows(values: unknown[], context: ImportContext, firstLine = 1): { rows: ImportAppealRow[]; errors: ImportFieldError[] } {
  const rows: ImportAppealRow[] = [];
  const errors: ImportFieldError[] = [];
  values.forEach((v, i) => {
    const r = checkImportRow(v, firstLine + i, (code) => context.bodies.has(code));
    if (r.row) rows.push(r.row);
    errors.push(...r.errors);
    if (r.row && !ruleFor(context, r.row.kind, r.row.received_on)) errors.push({ line: firstLine + i, field: 'received_on', message: 'appeals.import.no_rule', params: { date: r.row.received_on } });
  });
  return { rows, errors };
}

function ruleFor(context: ImportContext, kind: AppealKind, date: string): AppealRule | undefined {
  return context.rules.find((r) => r.kind === kind && r.valid_from <= date);
}

/**
 * Imports rows (parsed JSON values, validated here). Returns the field errors and writes nothing
 * when any row is invalid.
 *
 * @example
 * const r = await importAppeals(db, lines.map((l) => JSON.parse(l)), { ownerId: 3, actor: 'cli', now: new Date() });
 */
export async function importAppeals(db: Db, values: unknown[], opts: ImportOptions): Promise<ImportResult> {
  const context = opts.context ?? (await loadImportContext(db));
  const { rows, errors } = validateImportRows(values, context);
  const result: ImportResult = { imported: 0, published: 0, events: 0, firstId: null, lastId: null, errors };
  if (errors.length) return result;
  const cells: TouchedCells = opts.deferCells ?? new Map();
  const size = opts.batchSize ?? IMPORT_BATCH;
  const dueMemo = new Map<string, { termFrom: string | null; due: string | null; registrationDue: string | null }>();
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const r = await db.transaction().execute((trx) => writeBatch(trx, batch, context, opts, cells, dueMemo));
    result.imported += batch.length;
    result.published += r.published;
    result.events += r.events;
    result.firstId ??= r.firstId;
    result.lastId = r.lastId;
    opts.onProgress?.(result.imported);
  }
  if (!opts.deferCells) await recomputeTouchedCells(db, cells);
  return result;
}

/** Recomputes the aggregate cells an import touched (1,000 per transaction, in batches of 200). */
export async function recomputeTouchedCells(db: Db, cells: TouchedCells, onProgress?: (done: number, total: number) => void): Promise<void> {
  const all = [...cells.values()];
  for (let i = 0; i < all.length; i += 1000) {
    await db.transaction().execute((trx) => recomputeCells(trx, all.slice(i, i + 1000)));
    onProgress?.(Math.min(all.length, i + 1000), all.length);
  }
  if (all.length) await bumpStatsVersion(db);
}

/** Inserts in chunks small enough for both drivers' bound-parameter limits. */
async function insertChunks<T>(items: T[], perChunk: number, insert: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += perChunk) await insert(items.slice(i, i + perChunk));
}

async function writeBatch(
  trx: Executor,
  batch: ImportAppealRow[],
  context: ImportContext,
  opts: ImportOptions,
  cells: TouchedCells,
  dueMemo: Map<string, { termFrom: string | null; due: string | null; registrationDue: string | null }>,
): Promise<{ published: number; events: number; firstId: number; lastId: number }> {
  const at = opts.now.toISOString();
  const today = kyrgyzDateOf(opts.now);
  const prepared = batch.map((r) => {
    const rule = ruleFor(context, r.kind, r.received_on)!;
    const ext = r.extension_days ?? 0;
    const key = `${rule.id}|${r.received_on}|${r.registered_on ?? ''}|${ext}`;
    let d = dueMemo.get(key);
    if (!d) {
      const x = appealDeadlines({ received_on: r.received_on, registered_on: r.registered_on ?? null, redirected_on: null, extension_days: ext }, rule, context.calendar);
      d = { termFrom: x.termFrom, due: x.answer?.due ?? null, registrationDue: x.registration?.due ?? null };
      dueMemo.set(key, d);
    }
    const place = context.bodies.get(r.body)!;
    return { r, rule, d, place, state: importedState(r) };
  });
  const inserted = await trx
    .insertInto('appeal')
    .values(
      prepared.map(({ r, rule, d, place, state }) => ({
        owner_id: opts.ownerId,
        ngo: 1,
        body_id: place.id,
        kind: r.kind,
        language: r.language,
        subject: r.subject,
        text: r.text,
        channel: r.channel,
        to_address: null,
        state,
        person_name_enc: null,
        person_contact_enc: null,
        received_on: r.received_on,
        sent_at: null,
        rule_id: rule.id,
        registration_number: r.registration_number ?? null,
        registered_on: r.registered_on ?? null,
        registration_due: d.registrationDue,
        term_from: d.termFrom,
        extension_days: r.extension_days ?? 0,
        due_date: d.due,
        redirected_to_body_id: null,
        redirected_on: null,
        answered_on: r.answered_on ?? null,
        classification: r.classification ?? null,
        refusal_reason: r.refusal_reason ?? null,
        classification_note: null,
        parent_id: null,
        escalation_target: null,
        // an imported appeal is not reminded about stages it had already passed on the day of import
        reminder_stage: OPEN.has(state) && d.due ? reminderStage(d.due, today, context.calendar) : 0,
        closed_on: r.closed_on ?? null,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute();
  // Both drivers return the ids of a multi-row INSERT in the order of its VALUES.
  const ids = inserted.map((x) => x.id);

  const events = prepared.flatMap(({ r }, i) => {
    const list = r.events?.length ? r.events : [{ kind: 'recorded' as const, on_date: r.received_on, text: null }];
    return list.map((e) => ({ appealIndex: i, e }));
  });
  const eventIds: number[] = [];
  await insertChunks(events, 1000, async (chunk) => {
    const out = await trx
      .insertInto('appeal_event')
      .values(chunk.map(({ appealIndex, e }) => ({ appeal_id: ids[appealIndex]!, kind: e.kind, on_date: e.on_date, actor: opts.actor, text: e.text ?? null, data: '{"imported":true}', created_at: at })))
      .returning('id')
      .execute();
    for (const o of out) eventIds.push(o.id);
  });

  const facts = prepared
    .map(({ r, d, place, state }, i) =>
      factOf(
        { id: ids[i]!, body_id: place.id, kind: r.kind, state, received_on: r.received_on, term_from: d.termFrom, due_date: d.due, answered_on: r.answered_on ?? null, classification: r.classification ?? null, refusal_reason: r.refusal_reason ?? null, updated_at: at },
        today,
        context.calendar,
        { oblast: place.oblast, rayon: place.rayon },
        true,
      ),
    )
    .filter((f): f is NonNullable<typeof f> => f !== null);
  await insertChunks(facts, 1000, async (chunk) => {
    await trx.insertInto('stats_appeal_fact').values(chunk).execute();
  });
  for (const f of facts) cells.set(`${f.body_id}|${f.month}|${f.kind}`, { body_id: f.body_id, month: f.month, kind: f.kind });

  // Publication: the automatically redacted copy, its public events and the search index.
  const publications: { appeal_id: number; state: 'published'; subject: string; text: string; published_at: string; published_by: string; withdrawn_at: null; updated_at: string }[] = [];
  const pubEvents: { appeal_id: number; event_id: number; kind: string; on_date: string; text: string | null }[] = [];
  const docs: { doc_type: 'appeal' | 'answer'; appeal_id: number; ref_id: number; body_id: number; kind: string; status: string; territory_id: number | null; year: number; title: string; text: string; search_key: string; published_at: string }[] = [];
  const redact = (t: string) => redactText(t, context.redaction).text;
  prepared.forEach(({ r, place, state }, i) => {
    if (!r.publish) return;
    const id = ids[i]!;
    const subject = redact(r.subject);
    const text = redact(r.text);
    publications.push({ appeal_id: id, state: 'published', subject, text, published_at: at, published_by: opts.actor, withdrawn_at: null, updated_at: at });
    const common = { appeal_id: id, body_id: place.id, kind: r.kind, status: state, territory_id: place.oblast, year: Number(r.received_on.slice(0, 4)), published_at: at };
    docs.push({ ...common, doc_type: 'appeal', ref_id: id, title: subject, text, search_key: searchKey([subject, text]) });
    events.forEach(({ appealIndex, e }, k) => {
      if (appealIndex !== i || !PUBLIC_EVENTS.has(e.kind)) return;
      const publicText = e.kind === 'answer' && e.text ? redact(e.text) : null;
      pubEvents.push({ appeal_id: id, event_id: eventIds[k]!, kind: e.kind, on_date: e.on_date, text: publicText });
      if (publicText) docs.push({ ...common, doc_type: 'answer', ref_id: eventIds[k]!, title: subject, text: publicText, search_key: searchKey([subject, publicText]) });
    });
  });
  await insertChunks(publications, 1000, async (chunk) => {
    await trx.insertInto('appeal_publication').values(chunk).execute();
  });
  await insertChunks(pubEvents, 2000, async (chunk) => {
    await trx.insertInto('publication_event').values(chunk).execute();
  });
  await insertChunks(docs, 1000, async (chunk) => {
    await trx.insertInto('search_doc').values(chunk).execute();
  });
  await appendAudit(trx, { actor: opts.actor, action: 'appeals.import', objectType: 'appeal', objectId: ids[0]!, data: { count: ids.length, first: ids[0], last: ids[ids.length - 1], events: events.length, published: publications.length }, at: opts.now });
  return { published: publications.length, events: events.length, firstId: ids[0]!, lastId: ids[ids.length - 1]! };
}
