/**
 * The life cycle of an appeal as an explicit state machine (drawn in docs/appeals.md):
 *
 *   draft → sent → registered → (extended | redirected) → answered → classified → closed
 *
 * Stored states change only through {@link transition}, which refuses an invalid move with a
 * message saying why. "Awaiting registration", "awaiting answer", "overdue" and "long overdue" are
 * not stored: {@link computedStatus} derives them from the stored state, the dates and `today`.
 *
 * This file owns two facts every page, list, reminder and figure asks about: whether an appeal is
 * overdue ({@link isOverdue}) and whether it may be escalated ({@link escalationRefusal}).
 */
import { AppError } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/catalog.js';
import { daysBetween } from '../calendar/index.js';
import { OPEN_STATES, type AppealState } from './kinds.js';

/** What happened, as recorded on the timeline; each event that moves the state names its target. */
export type LifecycleEvent = 'send' | 'record' | 'register' | 'extend' | 'redirect' | 'answer' | 'classify' | 'close';

const TARGET: Record<LifecycleEvent, AppealState> = {
  send: 'sent',
  record: 'sent',
  register: 'registered',
  extend: 'extended',
  redirect: 'redirected',
  answer: 'answered',
  classify: 'classified',
  close: 'closed',
};

/** From which states each event is allowed. */
const ALLOWED_FROM: Record<LifecycleEvent, readonly AppealState[]> = {
  send: ['draft'],
  record: ['draft'],
  register: ['sent', 'redirected'],
  // An extension needs a running term; only one extension per term (the law allows one notice).
  extend: ['sent', 'registered', 'redirected'],
  redirect: ['sent', 'registered', 'extended'],
  // A second reply (or a reply after classification) is still an answer on the timeline.
  answer: ['sent', 'registered', 'extended', 'redirected', 'answered', 'classified'],
  classify: ['answered', 'classified'],
  close: ['sent', 'registered', 'extended', 'redirected', 'answered', 'classified'],
};

/** Every allowed (from, event, to) triple, for the docs and the tests. */
export function transitions(): { from: AppealState; event: LifecycleEvent; to: AppealState }[] {
  return (Object.keys(ALLOWED_FROM) as LifecycleEvent[]).flatMap((event) =>
    ALLOWED_FROM[event].map((from) => ({ from, event, to: TARGET[event] })),
  );
}

export function canTransition(from: AppealState, event: LifecycleEvent): boolean {
  return ALLOWED_FROM[event].includes(from);
}

/**
 * The state after `event`, or an AppError('conflict') whose message names the current state and the
 * refused action (translated on pages, e.g. "A closed appeal cannot be registered").
 *
 * @example transition('draft', 'send') // 'sent'
 * @example transition('sent', 'classify') // throws: there is no answer to classify yet
 */
export function transition(from: AppealState, event: LifecycleEvent): AppealState {
  // The message names what is possible instead ("Only a sent or redirected appeal can be registered").
  if (!canTransition(from, event)) {
    if (event === 'classify') throw new AppError('conflict', 'appeals.error.classify_without_answer');
    throw new AppError('conflict', `appeals.error.cannot.${event}` as const);
  }
  return TARGET[event];
}

/** What a person needs to know now, derived from the stored state and `today`. */
export type ComputedStatus =
  | 'draft'
  | 'awaiting_registration'
  | 'awaiting_answer'
  | 'overdue'
  | 'long_overdue'
  | 'awaiting_classification'
  | 'classified'
  | 'closed';

/**
 * "Long overdue": more than 30 calendar days past the due date. No law sets this threshold; it
 * marks appeals for which an escalation is clearly due (shown on the NGO dashboard).
 */
export const LONG_OVERDUE_DAYS = 30;

/** The appeal waits for the body: sent and neither answered nor closed. */
export function isOpen(state: AppealState): boolean {
  return OPEN_STATES.includes(state);
}

/** The due date has passed on `today` (both 'YYYY-MM-DD'): the answer is due by the end of the due day. */
export function isPastDue(dueDate: string | null, today: string): dueDate is string {
  return dueDate !== null && today > dueDate;
}

/**
 * Overdue: an open appeal whose due date has passed. The one rule, used by the appeal page, the lists
 * and dashboard, the reminders and escalation; the statistics store `open` and `due_date` per fact
 * and count "overdue now" with the same two conditions (stats/queries.ts `whereOverdue`).
 */
export function isOverdue(a: { state: AppealState; due_date: string | null }, today: string): boolean {
  return isOpen(a.state) && isPastDue(a.due_date, today);
}

/** Calendar days past the due date (0 when not past due). */
export function daysPastDue(dueDate: string | null, today: string): number {
  return isPastDue(dueDate, today) ? daysBetween(dueDate, today) : 0;
}

/**
 * Why the appeal may not be escalated on `today`, or null when it may: it must have been sent (with
 * a due date), must not be closed, and must be either overdue or answered (an unlawful answer is
 * complained about as much as a late one). The page offers escalation exactly when this is null, and
 * `escalateAppeal` refuses with this message otherwise.
 */
export function escalationRefusal(
  a: { state: AppealState; due_date: string | null; received_on: string | null },
  today: string,
): { message: MessageKey; params?: Record<string, string> } | null {
  if (a.state === 'draft' || !a.received_on || !a.due_date) return { message: 'appeals.error.not_sent' };
  if (a.state === 'closed') return { message: 'appeals.error.escalate_closed' };
  if (isOpen(a.state) && !isPastDue(a.due_date, today))
    return { message: 'appeals.error.escalate_not_yet', params: { due: a.due_date } };
  return null;
}

export function computedStatus(
  a: { state: AppealState; registration_number: string | null; registered_on: string | null; due_date: string | null },
  today: string,
): ComputedStatus {
  switch (a.state) {
    case 'draft':
      return 'draft';
    case 'answered':
      return 'awaiting_classification';
    case 'classified':
      return 'classified';
    case 'closed':
      return 'closed';
    default: {
      if (isOverdue(a, today)) return daysPastDue(a.due_date, today) > LONG_OVERDUE_DAYS ? 'long_overdue' : 'overdue';
      return a.state === 'sent' && !a.registered_on ? 'awaiting_registration' : 'awaiting_answer';
    }
  }
}
