/**
 * The deadlines of one appeal, from its stored dates, its rule version and the calendar. Pure:
 * `today` is a parameter (time travel in tests), the calendar is passed in.
 *
 * How the terms are counted (see docs/appeals.md "Deadlines"):
 * - registration: `registration_term` from the day of receipt;
 * - answer: `answer_term` from the day of registration (Law No. 67 counts from registration), but
 *   never from later than the registration deadline, so a late registration does not buy the body
 *   more time; until registration is known, from the day of receipt;
 * - after a redirection the receiving body's term runs from the day it received the appeal;
 * - an extension adds its days after the current due date (see `addExtension`).
 */
import { addExtension, computeDue, type CalendarData, type DueResult } from '../calendar/index.js';
import type { AppealRule } from './rules/queries.js';

export interface DeadlineInputs {
  received_on: string | null;
  registered_on: string | null;
  redirected_on: string | null;
  extension_days: number;
}

export interface AppealDeadlines {
  registration: DueResult | null;
  /** the day the answer term counts from */
  termFrom: string | null;
  answer: DueResult | null;
}

type RuleTerms = Pick<
  AppealRule,
  'registration_term' | 'registration_unit' | 'answer_term' | 'answer_unit' | 'extension_unit'
>;

export function appealDeadlines(
  a: DeadlineInputs,
  rule: RuleTerms,
  calendar: CalendarData,
  today?: string,
): AppealDeadlines {
  if (!a.received_on) return { registration: null, termFrom: null, answer: null };
  const now = today === undefined ? {} : { now: today };
  const registration = computeDue({
    from: a.received_on,
    term: rule.registration_term,
    unit: rule.registration_unit,
    calendar,
    ...now,
  });
  let termFrom = a.received_on;
  if (a.registered_on) termFrom = a.registered_on < registration.due ? a.registered_on : registration.due;
  if (a.redirected_on) termFrom = a.redirected_on;
  let answer = computeDue({ from: termFrom, term: rule.answer_term, unit: rule.answer_unit, calendar, ...now });
  if (a.extension_days > 0) {
    const extended = addExtension({
      due: answer.due,
      term: a.extension_days,
      unit: rule.extension_unit,
      calendar,
      ...now,
    });
    // Keep the whole story: the original term's steps, then the extension's.
    answer = {
      ...extended,
      counted: [...answer.counted, ...extended.counted],
      skipped: [...answer.skipped, ...extended.skipped],
      explanation: [
        ...answer.explanation.filter((i) => !i.key.startsWith('deadline.status.')),
        ...extended.explanation,
      ],
    };
  }
  return { registration, termFrom, answer };
}
