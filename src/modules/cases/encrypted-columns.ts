/**
 * The case module's encrypted columns (identity fields of persons, and the free text of a case, which
 * can name people). Listed in the manifest so `achyk keys rotate` re-encrypts them; `ctxOf` gives the AAD context
 * that binds each envelope to its column.
 */
import type { EncryptedColumn } from '../../platform/crypto/field-encryption.js';

export const CASE_ENCRYPTED = {
  hr_case: ['title_enc', 'summary_enc'],
  case_event: ['title_enc', 'description_enc', 'place_enc'],
  case_person: ['name_enc', 'other_names_enc', 'contact_enc', 'id_number_enc', 'address_enc', 'birth_date_enc'],
  case_act: ['notes_enc'],
  case_intervention: ['parties_enc', 'notes_enc'],
  case_source: ['description_enc'],
  case_evidence: ['original_name_enc'],
} as const;

type Tables = typeof CASE_ENCRYPTED;
/** 'case_person.name' for ('case_person', 'name_enc'). */
export function ctxOf<T extends keyof Tables>(table: T, column: Tables[T][number]): string {
  return `${table}.${column.replace(/_enc$/, '')}`;
}

export const casesEncryptedColumns: EncryptedColumn[] = Object.entries(CASE_ENCRYPTED).flatMap(([table, columns]) =>
  columns.map((column) => ({ table, key: 'id', column, context: `${table}.${column.replace(/_enc$/, '')}` })),
);
