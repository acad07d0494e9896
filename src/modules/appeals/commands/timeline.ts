/**
 * Writing to an appeal's timeline: each event is a row in `appeal_event` and an entry in the audit
 * log, in the caller's transaction. The audit entry carries ids and non-confidential facts only.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { kyrgyzDateOf, type CalendarData } from '../../calendar/index.js';
import { appealDeadlines } from '../deadlines.js';
import type { Appeal } from '../queries.js';
import { findRule } from '../rules/queries.js';

export interface NewEvent {
  appealId: number;
  kind: string;
  onDate?: string;
  actor: string;
  text?: string | null;
  data?: Record<string, string | number | boolean | null>;
  now: Date;
}

/** Appends an event and its audit entry; returns the event id. */
export async function addEvent(trx: Executor, e: NewEvent): Promise<number> {
  const row = await trx
    .insertInto('appeal_event')
    .values({
      appeal_id: e.appealId,
      kind: e.kind,
      on_date: e.onDate ?? kyrgyzDateOf(e.now),
      actor: e.actor,
      text: e.text ?? null,
      data: JSON.stringify(e.data ?? {}),
      created_at: e.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    actor: e.actor,
    action: `appeal.${e.kind}`,
    objectType: 'appeal',
    objectId: e.appealId,
    data: { event: row.id, ...(e.data ?? {}) },
    at: e.now,
  });
  return row.id;
}

/**
 * Recomputes and stores the registration due date, the start of the answer term and the answer's
 * due date from the appeal's dates, its rule version and the calendar (after every event that
 * changes a date, and after an administrator edits the calendar).
 */
export async function refreshDeadlines(
  trx: Executor,
  appeal: Appeal,
  calendar: CalendarData,
): Promise<Pick<Appeal, 'registration_due' | 'term_from' | 'due_date'>> {
  if (appeal.rule_id === null || appeal.received_on === null)
    return { registration_due: null, term_from: null, due_date: null };
  const rule = await findRule(trx, appeal.rule_id);
  if (!rule) throw new Error(`appeal ${appeal.id} refers to a missing rule`);
  const d = appealDeadlines(appeal, rule, calendar);
  const values = {
    registration_due: d.registration?.due ?? null,
    term_from: d.termFrom,
    due_date: d.answer?.due ?? null,
  };
  await trx.updateTable('appeal').set(values).where('id', '=', appeal.id).execute();
  return values;
}
