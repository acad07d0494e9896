/**
 * The appeals' part of a bulk import (the orchestration is src/modules/bulk-import): checking rows,
 * and writing a batch of appeals with their timelines as if each had been recorded by hand: the rule
 * version in force on the day of receipt, the due date on the administrators' calendar, the state
 * the dates tell, the reminder stage already passed. Multi-row INSERTs, in the caller's transaction.
 */
import type { Executor } from '../../../platform/db/database.js';
import { kyrgyzDateOf, type CalendarData } from '../../calendar/index.js';
import { loadCalendar } from '../calendar-store.js';
import { appealDeadlines } from '../deadlines.js';
import {
  checkImportRow,
  importedState,
  type ImportAppealRow,
  type ImportEvent,
  type ImportFieldError,
} from '../import-row.js';
import { reminderStage } from '../jobs.js';
import { OPEN_STATES, type AppealKind, type AppealState } from '../kinds.js';
import type { AppealRule } from '../rules/queries.js';

const OPEN = new Set<string>(OPEN_STATES);

/** What the appeals' part reads once per import: the rules in force and the calendar. */
export interface AppealImportContext {
  rules: AppealRule[];
  calendar: CalendarData;
}

export async function loadAppealImportContext(db: Executor): Promise<AppealImportContext> {
  const rules = await db
    .selectFrom('appeal_rule')
    .selectAll()
    .where('superseded_by', 'is', null)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { rules, calendar: await loadCalendar(db) };
}

function ruleFor(context: AppealImportContext, kind: AppealKind, date: string): AppealRule | undefined {
  return context.rules.find((r) => r.kind === kind && r.valid_from <= date);
}

/** Validates raw rows (parsed JSON values); line numbers start at `firstLine`. */
export function validateImportRows(
  values: unknown[],
  context: AppealImportContext,
  hasBody: (code: string) => boolean,
  firstLine = 1,
): { rows: ImportAppealRow[]; errors: ImportFieldError[] } {
  const rows: ImportAppealRow[] = [];
  const errors: ImportFieldError[] = [];
  values.forEach((v, i) => {
    const r = checkImportRow(v, firstLine + i, hasBody);
    if (r.row) rows.push(r.row);
    errors.push(...r.errors);
    if (r.row && !ruleFor(context, r.row.kind, r.row.received_on))
      errors.push({
        line: firstLine + i,
        field: 'received_on',
        message: 'appeals.import.no_rule',
        params: { date: r.row.received_on },
      });
  });
  return { rows, errors };
}

/** Due dates computed once per (rule, dates) combination: a national import repeats them a lot. */
export type DueMemo = Map<string, { termFrom: string | null; due: string | null; registrationDue: string | null }>;

/** One written appeal, with what the statistics and the publication need of it. */
export interface ImportedAppeal {
  id: number;
  row: ImportAppealRow;
  bodyId: number;
  state: AppealState;
  termFrom: string | null;
  due: string | null;
  events: (ImportEvent & { id: number })[];
}

/** Inserts in chunks small enough for both drivers' bound-parameter limits. */
export async function insertChunks<T>(
  items: T[],
  perChunk: number,
  insert: (chunk: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += perChunk) await insert(items.slice(i, i + perChunk));
}

/** Writes validated rows (their bodies resolved by `bodyId`) and their timelines. */
export async function writeImportedAppeals(
  trx: Executor,
  batch: ImportAppealRow[],
  p: {
    context: AppealImportContext;
    bodyId: (code: string) => number;
    ownerId: number;
    actor: string;
    now: Date;
    dueMemo: DueMemo;
  },
): Promise<ImportedAppeal[]> {
  const at = p.now.toISOString();
  const today = kyrgyzDateOf(p.now);
  const prepared = batch.map((r) => {
    const rule = ruleFor(p.context, r.kind, r.received_on)!;
    const ext = r.extension_days ?? 0;
    const key = `${rule.id}|${r.received_on}|${r.registered_on ?? ''}|${ext}`;
    let d = p.dueMemo.get(key);
    if (!d) {
      const x = appealDeadlines(
        {
          received_on: r.received_on,
          registered_on: r.registered_on ?? null,
          redirected_on: null,
          extension_days: ext,
        },
        rule,
        p.context.calendar,
      );
      d = { termFrom: x.termFrom, due: x.answer?.due ?? null, registrationDue: x.registration?.due ?? null };
      p.dueMemo.set(key, d);
    }
    return { r, rule, d, bodyId: p.bodyId(r.body), state: importedState(r) };
  });
  const inserted = await trx
    .insertInto('appeal')
    .values(
      prepared.map(({ r, rule, d, bodyId, state }) => ({
        owner_id: p.ownerId,
        ngo: 1,
        body_id: bodyId,
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
        reminder_stage: OPEN.has(state) && d.due ? reminderStage(d.due, today, p.context.calendar) : 0,
        closed_on: r.closed_on ?? null,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute();
  // Both drivers return the ids of a multi-row INSERT in the order of its VALUES.
  const ids = inserted.map((x) => x.id);
  const appeals: ImportedAppeal[] = prepared.map(({ r, d, bodyId, state }, i) => ({
    id: ids[i]!,
    row: r,
    bodyId,
    state,
    termFrom: d.termFrom,
    due: d.due,
    events: [],
  }));

  const events = appeals.flatMap((a) =>
    (a.row.events?.length ? a.row.events : [{ kind: 'recorded' as const, on_date: a.row.received_on, text: null }]).map(
      (e) => ({ appeal: a, e }),
    ),
  );
  await insertChunks(events, 1000, async (chunk) => {
    const out = await trx
      .insertInto('appeal_event')
      .values(
        chunk.map(({ appeal, e }) => ({
          appeal_id: appeal.id,
          kind: e.kind,
          on_date: e.on_date,
          actor: p.actor,
          text: e.text ?? null,
          data: '{"imported":true}',
          created_at: at,
        })),
      )
      .returning('id')
      .execute();
    chunk.forEach(({ appeal, e }, k) => appeal.events.push({ ...e, id: out[k]!.id }));
  });
  return appeals;
}
