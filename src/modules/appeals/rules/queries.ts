/** Reads of the versioned rules. */
import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.js';
import type { AppealKind } from '../kinds.js';
import type { AppealRuleTable } from '../tables.js';

export type AppealRule = Selectable<AppealRuleTable>;

/**
 * The rule version in force on `date` for `kind`: the current (not superseded) version with the
 * latest `valid_from` on or before `date`. Undefined when the law did not apply yet.
 *
 * @example await ruleInForce(db, 'information_request', '2026-03-18') // Law No. 217, 10 working days
 */
export async function ruleInForce(db: Executor, kind: AppealKind, date: string): Promise<AppealRule | undefined> {
  return db
    .selectFrom('appeal_rule')
    .selectAll()
    .where('kind', '=', kind)
    .where('superseded_by', 'is', null)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findRule(db: Executor, id: number): Promise<AppealRule | undefined> {
  return db.selectFrom('appeal_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every version of every rule, newest first per kind (the admin screen's history). */
export async function listRules(db: Executor): Promise<AppealRule[]> {
  return db
    .selectFrom('appeal_rule')
    .selectAll()
    .orderBy('kind')
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The legal basis of a rule in a language. */
export function legalBasis(
  rule: Pick<AppealRule, 'legal_basis_ky' | 'legal_basis_ru' | 'legal_basis_en'>,
  lang: 'ky' | 'ru' | 'en',
): string {
  return lang === 'ky' ? rule.legal_basis_ky : lang === 'ru' ? rule.legal_basis_ru : rule.legal_basis_en;
}
