/** Pieces every case command uses: the props they share, the field-error helper, ownership checks. */
import type { Executor } from '../../../platform/db/database.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import { invalid, type FieldError } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import type { Params } from '../../../platform/i18n/translate.js';
import { endsBeforeStart, parseFuzzyDate, type FuzzyDate } from '../fuzzy-date.js';
import { isTerm } from '../thesaurus/queries.js';
import type { ThesaurusName } from '../thesaurus/default-terms.js';
import { isRecordId, parseRecordId } from '../../../platform/http/validation.js';

export interface CaseCommandProps {
  trx: Executor;
  cipher: FieldCipher;
  caseId: number;
  userId: number;
  now: Date;
}

/** Collects field errors; `throwIfAny` refuses the whole change (nothing is written). */
export class Problems {
  readonly list: FieldError[] = [];
  add(field: string, message: MessageKey, params?: Params): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, message, ...(params ? { params } : {}) });
  }
  has(field: string): boolean {
    return this.list.some((e) => e.field === field);
  }
  throwIfAny(): void {
    if (this.list.length) throw invalid(this.list);
  }
}

type ChildTable = 'case_event' | 'case_person' | 'case_act';

/** True when the row of the table belongs to the case (ids of other cases are treated as unknown). */
export async function belongsToCase(
  trx: Executor,
  table: ChildTable,
  id: number | null | undefined,
  caseId: number,
): Promise<boolean> {
  if (!isRecordId(id)) return false;
  const row = await trx
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return !!row;
}

/** Parses an optional id written in a form ('' → null; anything else must be a positive integer). */
export function optionalId(v: string | undefined): number | null | 'bad' {
  if (v === undefined || v.trim() === '') return null;
  return parseRecordId(v.trim()) ?? 'bad';
}

/** Checks a thesaurus code; an unknown or retired code is refused on the field. */
export async function checkTerm(
  trx: Executor,
  problems: Problems,
  field: string,
  thesaurus: ThesaurusName,
  code: string | null | undefined,
  required: boolean,
): Promise<void> {
  if (code == null || code === '') {
    if (required) problems.add(field, 'validation.required');
    return;
  }
  if (!(await isTerm(trx, thesaurus, code)))
    problems.add(field, 'cases.error.unknown_term', { code: code.slice(0, 60) });
}

const DATE_MESSAGES = {
  required: 'validation.required',
  format: 'cases.error.date_format',
  precision_mismatch: 'cases.error.precision_mismatch',
  label_required: 'cases.error.approx_label',
  precision_unknown: 'validation.choice',
} as const;

export interface DateInput {
  start?: string;
  start_precision?: string;
  start_label?: string;
  end?: string;
  end_precision?: string;
  end_label?: string;
}

/** Parses a start and an optional end date with their precisions; refuses an end before the start. */
export function parseDateRange(
  problems: Problems,
  input: DateInput,
  fallbackStart?: FuzzyDate,
): { start: FuzzyDate | null; end: FuzzyDate | null } {
  let start: FuzzyDate | null = null;
  if ((input.start ?? '').trim() === '' && fallbackStart) start = fallbackStart;
  else {
    const s = parseFuzzyDate(input.start ?? '', input.start_precision ?? 'exact', input.start_label);
    if (typeof s === 'string')
      problems.add(
        s === 'precision_unknown' ? 'start_precision' : s === 'label_required' ? 'start_label' : 'start',
        DATE_MESSAGES[s],
      );
    else start = s;
  }
  let end: FuzzyDate | null = null;
  if ((input.end ?? '').trim() !== '') {
    const e = parseFuzzyDate(input.end ?? '', input.end_precision ?? 'exact', input.end_label);
    if (typeof e === 'string')
      problems.add(
        e === 'precision_unknown' ? 'end_precision' : e === 'label_required' ? 'end_label' : 'end',
        DATE_MESSAGES[e],
      );
    else {
      end = e;
      if (start && endsBeforeStart(start, end, input.end?.trim())) problems.add('end', 'cases.error.end_before_start');
    }
  }
  return { start, end };
}

export async function territoryExists(trx: Executor, id: number): Promise<boolean> {
  return !!(await trx.selectFrom('territory').select('id').where('id', '=', id).executeTakeFirst());
}

/** Marks the case as changed (lists sort by it). */
export async function touchCase(trx: Executor, caseId: number, now: Date): Promise<void> {
  await trx.updateTable('hr_case').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
}
