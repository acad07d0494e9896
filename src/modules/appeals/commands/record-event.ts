/**
 * Records what happened to a sent appeal: registration, extension, redirection, an answer, its
 * classification, closing, or a plain note. Each moves the state through the state machine
 * (lifecycle.ts refuses invalid moves), updates the deadlines and writes the timeline and the audit
 * log in the caller's transaction. Bad input gives field errors; nothing is half-written.
 */
import type { Executor } from '../../../platform/db/database.js';
import { invalid, type FieldError } from '../../../platform/errors.js';
import { kyrgyzDateOf, type CalendarData } from '../../calendar/index.js';
import { bodyById, isBodyActive } from '../../directory/index.js';
import type { Classification, RefusalReason } from '../kinds.js';
import { transition } from '../lifecycle.js';
import type { Appeal } from '../queries.js';
import { findRule } from '../rules/queries.js';
import { addEvent, refreshDeadlines } from './timeline.js';

export type EventInput =
  | { kind: 'register'; number: string; on: string }
  | { kind: 'extend'; days: number; on: string; text?: string }
  | { kind: 'redirect'; bodyId: number; on: string; text?: string }
  | { kind: 'answer'; on: string; text?: string; data?: Record<string, string | number> }
  | { kind: 'classify'; classification: Classification; refusalReason?: RefusalReason | null; text?: string }
  | { kind: 'close'; text?: string }
  | { kind: 'note'; text: string };

export const EVENT_KINDS = ['register', 'extend', 'redirect', 'answer', 'classify', 'close', 'note'] as const;

const TIMELINE_KIND: Record<EventInput['kind'], string> = {
  register: 'registered',
  extend: 'extended',
  redirect: 'redirected',
  answer: 'answer',
  classify: 'classified',
  close: 'closed',
  note: 'note',
};

export interface RecordEventProps {
  trx: Executor;
  appeal: Appeal;
  input: EventInput;
  actor: string;
  calendar: CalendarData;
  now: Date;
}

function checkDate(errors: FieldError[], field: string, on: string, a: Appeal, today: string): void {
  if (on > today) errors.push({ field, message: 'appeals.error.date_in_future' });
  else if (a.received_on && on < a.received_on) errors.push({ field, message: 'appeals.error.date_before_received' });
}

/** Applies the event; returns the new timeline event's id (files may be attached to it). */
export async function recordEvent(p: RecordEventProps): Promise<number> {
  const { trx, appeal: a, input, now } = p;
  const today = kyrgyzDateOf(now);
  if (a.state === 'draft') throw invalid([{ field: 'kind', message: 'appeals.error.not_sent' }]);
  const errors: FieldError[] = [];
  const set: Partial<Appeal> = {};
  const data: Record<string, string | number | null> = {};
  let onDate = today;
  let text: string | null = null;

  switch (input.kind) {
    case 'register': {
      set.state = transition(a.state, 'register');
      checkDate(errors, 'on', input.on, a, today);
      if (input.number.trim() === '') errors.push({ field: 'number', message: 'validation.required' });
      set.registration_number = input.number.trim();
      set.registered_on = input.on;
      onDate = input.on;
      data.number = set.registration_number;
      break;
    }
    case 'extend': {
      set.state = transition(a.state, 'extend');
      const rule = a.rule_id === null ? undefined : await findRule(trx, a.rule_id);
      const max = rule?.max_extension ?? 0;
      if (a.extension_days > 0) errors.push({ field: 'days', message: 'appeals.error.already_extended' });
      else if (!Number.isInteger(input.days) || input.days < 1 || input.days > max)
        errors.push({ field: 'days', message: 'validation.range', params: { min: 1, max } });
      checkDate(errors, 'on', input.on, a, today);
      // The notice must reach the applicant before the first term ends (Law No. 217, and the usual
      // reading of Law No. 67): a late "extension" does not cure an overdue answer.
      if (a.due_date && input.on > a.due_date) errors.push({ field: 'on', message: 'appeals.error.extension_late' });
      set.extension_days = input.days;
      onDate = input.on;
      data.days = input.days;
      text = input.text?.trim() || null;
      break;
    }
    case 'redirect': {
      set.state = transition(a.state, 'redirect');
      const body = await bodyById(trx, input.bodyId);
      if (!body) errors.push({ field: 'body_id', message: 'appeals.error.body_unknown' });
      else if (!isBodyActive(body, today)) errors.push({ field: 'body_id', message: 'appeals.error.body_inactive' });
      else if (body.id === a.body_id) errors.push({ field: 'body_id', message: 'appeals.error.redirect_same_body' });
      checkDate(errors, 'on', input.on, a, today);
      set.redirected_to_body_id = input.bodyId;
      set.redirected_on = input.on;
      // The receiving body has the full term again, counted from the redirection; no extension yet.
      set.extension_days = 0;
      onDate = input.on;
      data.body = input.bodyId;
      text = input.text?.trim() || null;
      break;
    }
    case 'answer': {
      set.state = transition(a.state, 'answer');
      checkDate(errors, 'on', input.on, a, today);
      set.answered_on = a.answered_on ?? input.on;
      onDate = input.on;
      text = input.text?.trim() || null;
      Object.assign(data, input.data ?? {});
      break;
    }
    case 'classify': {
      set.state = transition(a.state, 'classify');
      if (input.classification === 'refused' && !input.refusalReason)
        errors.push({ field: 'refusal_reason', message: 'appeals.error.refusal_reason_required' });
      set.classification = input.classification;
      set.refusal_reason = input.classification === 'refused' ? (input.refusalReason ?? null) : null;
      set.classification_note = input.text?.trim() || null;
      data.classification = input.classification;
      data.reason = set.refusal_reason ?? null;
      text = set.classification_note;
      break;
    }
    case 'close': {
      set.state = transition(a.state, 'close');
      set.closed_on = today;
      text = input.text?.trim() || null;
      break;
    }
    case 'note': {
      if (a.state === 'closed') {
        // Notes on a closed appeal are allowed: documents often arrive afterwards.
      }
      if (input.text.trim() === '') errors.push({ field: 'text', message: 'validation.required' });
      text = input.text.trim();
      break;
    }
  }
  if (errors.length) throw invalid(errors);

  await trx
    .updateTable('appeal')
    .set({ ...set, updated_at: now.toISOString() })
    .where('id', '=', a.id)
    .execute();
  if (input.kind === 'register' || input.kind === 'extend' || input.kind === 'redirect')
    await refreshDeadlines(trx, { ...a, ...set }, p.calendar);
  return addEvent(trx, { appealId: a.id, kind: TIMELINE_KIND[input.kind], onDate, actor: p.actor, text, data, now });
}
