/**
 * Writes validated directory records (from an import or an admin form): an upsert by code that
 * touches only rows that really change, resolves codes to ids, and records who changed which
 * fields in `directory_change`. Rows are inserted in batches in the order given; a reference to a
 * row that comes later in the same file is filled in at the end (the self references are
 * deferrable, see the migration).
 */
import type { Executor } from '../../../platform/db/database.js';
import { diffRecords, type BodyRecord, type DirectoryRecord, type Stored, type TerritoryRecord } from '../records.js';
import { searchKey } from '../../../platform/text/search-key.js';

const BATCH = 200;

interface SelfRef<R> {
  field: keyof R & string;
  column: string;
}

interface Spec<R extends DirectoryRecord> {
  table: 'territory' | 'body';
  selfRefs: Array<SelfRef<R>>;
  /** the row's own columns (everything but the self references, code and timestamps) */
  columns(record: R): Record<string, unknown>;
}

export interface WriteOptions {
  actor: string;
  now: Date;
  /** history action names, e.g. 'import_create' / 'import_update' or 'create' / 'update' */
  actions: { create: string; update: string };
  onProgress?: (done: number, total: number) => void;
}

export interface WriteResult {
  created: number;
  updated: number;
  unchanged: number;
  /** id of every written or unchanged record, by code */
  ids: Map<string, number>;
}

async function writeRecords<R extends DirectoryRecord>(
  trx: Executor,
  spec: Spec<R>,
  records: R[],
  stored: Array<Stored<R>>,
  opts: WriteOptions,
): Promise<WriteResult> {
  const at = opts.now.toISOString();
  const idByCode = new Map(stored.map((s) => [s.record.code, s.id]));
  const storedByCode = new Map(stored.map((s) => [s.record.code, s]));
  const history: Array<{
    object_type: 'body' | 'territory';
    object_id: number;
    at: string;
    actor: string;
    action: string;
    changes: string;
  }> = [];
  const fixups: Array<{ code: string; column: string; target: string }> = [];
  let pending: Array<{ values: Record<string, unknown>; changes: string }> = [];
  const pendingCodes = new Set<string>();
  const result: WriteResult = { created: 0, updated: 0, unchanged: 0, ids: idByCode };

  async function flush(): Promise<void> {
    if (pending.length === 0) return;
    // The values are built from the spec's columns for this table; Kysely cannot type a table union.
    const inserted = await trx
      .insertInto(spec.table)
      .values(pending.map((p) => p.values) as never)
      .returning(['id', 'code'])
      .execute();
    const byCode = new Map(inserted.map((r) => [r.code, r.id]));
    for (const p of pending) {
      const id = byCode.get(p.values.code as string)!;
      idByCode.set(p.values.code as string, id);
      history.push({
        object_type: spec.table,
        object_id: id,
        at,
        actor: opts.actor,
        action: opts.actions.create,
        changes: p.changes,
      });
    }
    result.created += pending.length;
    pending = [];
    pendingCodes.clear();
  }

  let done = 0;
  for (const record of records) {
    const existing = storedByCode.get(record.code);
    const key = searchKey([record.name_ky, record.name_ru, record.name_en, record.code]);
    const changes = diffRecords(existing?.record ?? null, record);
    const changed = Object.keys(changes).length > 0;
    if (existing && !changed && existing.search_key === key) {
      result.unchanged++;
    } else {
      const refs = spec.selfRefs.map((ref) => ({ ref, target: record[ref.field] as unknown as string | null }));
      if (refs.some((r) => r.target && pendingCodes.has(r.target))) await flush();
      const values: Record<string, unknown> = { ...spec.columns(record), search_key: key, updated_at: at };
      for (const { ref, target } of refs) {
        const id = target ? idByCode.get(target) : undefined;
        values[ref.column] = id ?? null;
        if (target && id === undefined) fixups.push({ code: record.code, column: ref.column, target });
      }
      if (existing) {
        await trx
          .updateTable(spec.table)
          .set(values as never)
          .where('id', '=', existing.id)
          .execute();
        if (changed) {
          history.push({
            object_type: spec.table,
            object_id: existing.id,
            at,
            actor: opts.actor,
            action: opts.actions.update,
            changes: JSON.stringify(changes),
          });
          result.updated++;
        } else result.unchanged++;
      } else {
        pending.push({ values: { ...values, code: record.code, created_at: at }, changes: JSON.stringify(changes) });
        pendingCodes.add(record.code);
        if (pending.length >= BATCH) await flush();
      }
    }
    done++;
    if (opts.onProgress && (done % 50 === 0 || done === records.length)) opts.onProgress(done, records.length);
  }
  await flush();
  for (const f of fixups) {
    await trx
      .updateTable(spec.table)
      .set({ [f.column]: idByCode.get(f.target) ?? null } as never)
      .where('code', '=', f.code)
      .execute();
  }
  for (let i = 0; i < history.length; i += BATCH)
    await trx
      .insertInto('directory_change')
      .values(history.slice(i, i + BATCH))
      .execute();
  return result;
}

export function writeTerritories(
  trx: Executor,
  records: TerritoryRecord[],
  stored: Array<Stored<TerritoryRecord>>,
  opts: WriteOptions,
): Promise<WriteResult> {
  return writeRecords(
    trx,
    {
      table: 'territory',
      selfRefs: [
        { field: 'parent_code', column: 'parent_id' },
        { field: 'successor_code', column: 'successor_id' },
      ],
      columns: (r) => ({
        level: r.level,
        name_ky: r.name_ky,
        name_ru: r.name_ru,
        name_en: r.name_en,
        lat: r.lat,
        lon: r.lon,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        source: r.source,
      }),
    },
    records,
    stored,
    opts,
  );
}

export function writeBodies(
  trx: Executor,
  records: BodyRecord[],
  stored: Array<Stored<BodyRecord>>,
  territoryIds: Map<string, number>,
  opts: WriteOptions,
): Promise<WriteResult> {
  return writeRecords(
    trx,
    {
      table: 'body',
      selfRefs: [{ field: 'supervisor_code', column: 'supervisor_id' }],
      columns: (r) => ({
        kind: r.kind,
        institution_type: r.institution_type,
        name_ky: r.name_ky,
        name_ru: r.name_ru,
        name_en: r.name_en,
        territory_id: r.territory_code ? (territoryIds.get(r.territory_code) ?? null) : null,
        emails: r.emails,
        address: r.address,
        phone: r.phone,
        website: r.website,
        contact_unknown: r.contact_unknown,
        active_from: r.active_from,
        active_to: r.active_to,
      }),
    },
    records,
    stored,
    opts,
  );
}
