/**
 * Creating and editing one body or territory from an admin form. The form's fields carry the CSV
 * column names, so a form is checked by exactly the rules of an import row (references, levels,
 * supervision cycles …) and written by the same upsert, with the editor recorded in the history.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import type { FieldError } from '../../../platform/errors.js';
import type { DirectoryFile, ImportProblem } from '../csv.js';
import { loadBodyRecords, loadTerritoryRecords } from '../records.js';
import { validateBodies, validateTerritories } from './validate-records.js';
import { writeBodies, writeTerritories } from './write-records.js';

export type SaveResult = { ok: true; id: number; changed: boolean } | { ok: false; errors: FieldError[] };

export interface SaveProps {
  trx: Executor;
  file: DirectoryFile;
  /** the form values, keyed by CSV column */
  values: Record<string, string>;
  /** the code of the record being edited; null when creating */
  editing: string | null;
  actor: string;
  now: Date;
}

function toFieldErrors(problems: ImportProblem[]): FieldError[] {
  const out: FieldError[] = [];
  for (const p of problems)
    if (!out.some((e) => e.field === p.column))
      out.push({ field: p.column || 'code', message: p.message, params: p.params });
  return out;
}

/** Validates and writes one record; a new code that already exists is refused (no silent overwrite). */
export async function saveRecord(p: SaveProps): Promise<SaveResult> {
  const values = { ...p.values, code: p.editing ?? (p.values.code ?? '').trim() };
  const row = { line: 1, values };
  const opts = { actor: p.actor, now: p.now, actions: { create: 'create', update: 'update' } };
  const territories = await loadTerritoryRecords(p.trx);
  let result;
  if (p.file === 'territories') {
    if (!p.editing && territories.some((s) => s.record.code === values.code))
      return { ok: false, errors: [{ field: 'code', message: 'directory.admin.code_taken' }] };
    const v = validateTerritories([row], new Map(territories.map((s) => [s.record.code, s.record])));
    if (v.problems.length) return { ok: false, errors: toFieldErrors(v.problems) };
    result = await writeTerritories(
      p.trx,
      v.records.map((r) => r.record),
      territories,
      opts,
    );
  } else {
    const bodies = await loadBodyRecords(p.trx);
    if (!p.editing && bodies.some((s) => s.record.code === values.code))
      return { ok: false, errors: [{ field: 'code', message: 'directory.admin.code_taken' }] };
    const territoryIds = new Map(territories.map((s) => [s.record.code, s.id]));
    const v = validateBodies(
      [row],
      new Map(bodies.map((s) => [s.record.code, s.record])),
      new Set(territoryIds.keys()),
    );
    if (v.problems.length) return { ok: false, errors: toFieldErrors(v.problems) };
    result = await writeBodies(
      p.trx,
      v.records.map((r) => r.record),
      bodies,
      territoryIds,
      opts,
    );
  }
  const id = result.ids.get(values.code)!;
  const changed = result.created + result.updated > 0;
  if (changed) {
    await appendAudit(p.trx, {
      actor: p.actor,
      action: `directory.${p.file === 'territories' ? 'territory' : 'body'}.${result.created ? 'create' : 'update'}`,
      objectType: p.file === 'territories' ? 'territory' : 'body',
      objectId: id,
      at: p.now,
    });
  }
  return { ok: true, id, changed };
}
