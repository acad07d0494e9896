/**
 * The life cycle of an appeal as an explicit state machine (drawn in docs/appeals.md):
 *
 *   draft → sent → registered → (extended | redirected) → answered → classified → closed
 *
 * Stored states change only through {@link transition}, which refuses an invalid move with a
 * message saying why. "Awaiting registration", "awaiting answer", "overdue" and "long overdue" are
 * not stored: {@link computedStatus} derives them from the stored state, the dates and `today`.
 */
import { AppError } from '../../platform/errors.js';
import type { AppealState } from './kinds.js';

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
  return (Object.keys(ALLOWED_FROM) as LifecycleEvent[]).flatMap((event) => ALLOWED_FROM[event].map((from) => ({ from, event, to: TARGET[event] })));
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

export function computedStatus(a: { state: AppealState; registration_number: string | null; registered_on: string | null; due_date: string | null }, today: string): ComputedStatus {
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
      if (a.due_date && today > a.due_date) {
        const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${a.due_date}T00:00:00Z`)) / 86_400_000;
        return days > LONG_OVERDUE_DAYS ? 'long_overdue' : 'overdue';
      }
      return a.state === 'sent' && !a.registered_on ? 'awaiting_registration' : 'awaiting_answer';
    }
  }
}
