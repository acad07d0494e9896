/**
 * "When is an appeal of this kind, received on this day, due?" for the CLI (`achyk calendar due`)
 * and the API (`GET /api/v1/calendar/due`): the rule version in force on that day, the registration
 * and answer due dates on the administrators' calendar, and the explanation in a language.
 */
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../platform/db/database.js';
import { isIsoDate, renderExplanation } from '../calendar/index.js';
import { loadCalendar } from './calendar-store.js';
import { appealDeadlines } from './deadlines.js';
import { isAppealKind, type AppealLanguage } from './kinds.js';
import { legalBasis, ruleInForce } from './rules/queries.js';

export interface DueAnswer {
  kind: string;
  from: string;
  ruleId: number;
  ruleValidFrom: string;
  legalBasis: string;
  disputed: boolean;
  registrationDue: string;
  due: string;
  term: number;
  unit: 'working' | 'calendar';
  explanation: string[];
}

/** Throws AppError('invalid') with field errors on an unknown kind or an impossible date. */
export async function dueFor(db: Executor, kind: string, from: string, lang: AppealLanguage): Promise<DueAnswer> {
  const fields = [];
  if (!isAppealKind(kind)) fields.push({ field: 'kind', message: 'appeals.error.unknown_kind' as const });
  if (!isIsoDate(from)) fields.push({ field: 'from', message: 'appeals.error.bad_date' as const });
  if (fields.length || !isAppealKind(kind)) throw new AppError('invalid', 'error.invalid', {}, fields);
  const rule = await ruleInForce(db, kind, from);
  if (!rule)
    throw new AppError('invalid', 'error.invalid', {}, [
      { field: 'from', message: 'appeals.error.no_rule', params: { date: from } },
    ]);
  const d = appealDeadlines(
    { received_on: from, registered_on: null, redirected_on: null, extension_days: 0 },
    rule,
    await loadCalendar(db),
  );
  return {
    kind,
    from,
    ruleId: rule.id,
    ruleValidFrom: rule.valid_from,
    legalBasis: legalBasis(rule, lang),
    disputed: rule.disputed === 1,
    registrationDue: d.registration!.due,
    due: d.answer!.due,
    term: rule.answer_term,
    unit: rule.answer_unit,
    explanation: renderExplanation(d.answer!.explanation, lang),
  };
}
