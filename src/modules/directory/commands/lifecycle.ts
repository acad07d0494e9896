/**
 * The life cycle of directory records: merging and deactivating (and undoing a deactivation).
 * Nothing is ever deleted: appeals and cases keep pointing at the old ids, and the history shows
 * when and by whom a body was closed or a unit merged (the 2024–2026 reform merged 452 aiyl aimaks
 * into about 230).
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import type { FieldError } from '../../../platform/errors.js';
import { kyrgyzDateOf } from '../../calendar/index.js';
import { isBodyActive, isTerritoryValid } from '../queries.js';
import { ALLOWED_PARENTS, findCycles } from './validate-records.js';

export type LifecycleResult = { ok: true } | { ok: false; errors: FieldError[] };

interface Common {
  trx: Executor;
  actor: string;
  now: Date;
}

/** Today in Bishkek (UTC+6), the day the directory's dates refer to. */
const day = (now: Date) => kyrgyzDateOf(now);

async function history(
  trx: Executor,
  objectType: 'body' | 'territory',
  objectId: number,
  actor: string,
  now: Date,
  action: string,
  changes: Record<string, [unknown, unknown]>,
) {
  await trx
    .insertInto('directory_change')
    .values({
      object_type: objectType,
      object_id: objectId,
      at: now.toISOString(),
      actor,
      action,
      changes: JSON.stringify(changes),
    })
    .execute();
}

/**
 * Merges body `sourceId` into the body with code `targetCode`: the source closes on `date`
 * (default today) and points to the target; the bodies it supervised move to the target.
 * Refused when the target is missing, inactive, the source itself, or when the move would
 * create a supervision cycle.
 */
export async function mergeBody(
  p: Common & { sourceId: number; targetCode: string; date?: string },
): Promise<LifecycleResult> {
  const date = p.date ?? day(p.now);
  const all = await p.trx
    .selectFrom('body')
    .select(['id', 'code', 'supervisor_id', 'active_from', 'active_to', 'merged_into_id'])
    .execute();
  const source = all.find((b) => b.id === p.sourceId);
  const target = all.find((b) => b.code === p.targetCode.trim());
  if (!source) throw new Error('mergeBody: no such body');
  if (!target)
    return {
      ok: false,
      errors: [{ field: 'target', message: 'directory.csv.unknown_body', params: { code: p.targetCode } }],
    };
  if (target.id === source.id)
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.merge_same' }] };
  if (!isBodyActive(target, date))
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.merge_inactive' }] };
  if (!isBodyActive(source, day(p.now)))
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.already_inactive' }] };

  // The graph after the merge: the source's subordinates report to the target; if the target
  // itself reported to the source, it takes over the source's supervisor.
  const next = new Map(all.map((b) => [b.id, b.supervisor_id]));
  const moved = all.filter((b) => b.supervisor_id === source.id && b.id !== target.id);
  for (const b of moved) next.set(b.id, target.id);
  if (target.supervisor_id === source.id) next.set(target.id, source.supervisor_id);
  next.set(source.id, null);
  const codeOf = new Map(all.map((b) => [b.id, b.code]));
  const idOf = new Map(all.map((b) => [b.code, b.id]));
  const cycles = findCycles([target.code, ...moved.map((b) => b.code)], (code) => {
    const s = next.get(idOf.get(code)!);
    return s == null ? null : codeOf.get(s)!;
  });
  if (cycles.size)
    return {
      ok: false,
      errors: [
        { field: 'target', message: 'directory.csv.supervision_cycle', params: { chain: [...cycles.values()][0]! } },
      ],
    };

  const at = p.now.toISOString();
  await p.trx
    .updateTable('body')
    .set({ active_to: date, merged_into_id: target.id, updated_at: at })
    .where('id', '=', source.id)
    .execute();
  await history(p.trx, 'body', source.id, p.actor, p.now, 'merge', {
    merged_into: [null, target.code],
    active_to: [source.active_to, date],
  });
  if (target.supervisor_id === source.id) {
    const newSup = source.supervisor_id;
    await p.trx
      .updateTable('body')
      .set({ supervisor_id: newSup, updated_at: at })
      .where('id', '=', target.id)
      .execute();
    await history(p.trx, 'body', target.id, p.actor, p.now, 'move', {
      supervisor_code: [source.code, newSup === null ? null : codeOf.get(newSup)],
    });
  }
  for (const b of moved) {
    await p.trx.updateTable('body').set({ supervisor_id: target.id, updated_at: at }).where('id', '=', b.id).execute();
    await history(p.trx, 'body', b.id, p.actor, p.now, 'move', { supervisor_code: [source.code, target.code] });
  }
  await history(p.trx, 'body', target.id, p.actor, p.now, 'absorb', { absorbed: [null, source.code] });
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'directory.body.merge',
    objectType: 'body',
    objectId: source.id,
    data: { into: target.id, moved: moved.length },
    at: p.now,
  });
  return { ok: true };
}

/**
 * Merges territory `sourceId` into the unit with code `targetCode` (same level): the source ends
 * on `date` with the target as its successor, and its units move into the target. Bodies seated
 * in the source stay there (close or merge them separately), so old records keep their place.
 */
export async function mergeTerritory(
  p: Common & { sourceId: number; targetCode: string; date?: string },
): Promise<LifecycleResult> {
  const date = p.date ?? day(p.now);
  const source = await p.trx
    .selectFrom('territory')
    .select(['id', 'code', 'level', 'valid_from', 'valid_to', 'successor_id'])
    .where('id', '=', p.sourceId)
    .executeTakeFirst();
  const target = await p.trx
    .selectFrom('territory')
    .select(['id', 'code', 'level', 'valid_from', 'valid_to'])
    .where('code', '=', p.targetCode.trim())
    .executeTakeFirst();
  if (!source) throw new Error('mergeTerritory: no such territory');
  if (!target)
    return {
      ok: false,
      errors: [{ field: 'target', message: 'directory.csv.unknown_territory', params: { code: p.targetCode } }],
    };
  if (target.id === source.id)
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.merge_same' }] };
  if (target.level !== source.level)
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.merge_level' }] };
  if (!isTerritoryValid(target, date))
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.merge_inactive' }] };
  if (!isTerritoryValid(source, day(p.now)))
    return { ok: false, errors: [{ field: 'target', message: 'directory.admin.already_inactive' }] };

  const at = p.now.toISOString();
  const children = await p.trx
    .selectFrom('territory')
    .select(['id', 'level'])
    .where('parent_id', '=', source.id)
    .execute();
  for (const c of children)
    if (!ALLOWED_PARENTS[c.level].includes(target.level))
      return { ok: false, errors: [{ field: 'target', message: 'directory.admin.merge_level' }] };
  await p.trx
    .updateTable('territory')
    .set({ valid_to: date, successor_id: target.id, updated_at: at })
    .where('id', '=', source.id)
    .execute();
  await history(p.trx, 'territory', source.id, p.actor, p.now, 'merge', {
    successor_code: [null, target.code],
    valid_to: [source.valid_to, date],
  });
  for (const c of children) {
    await p.trx.updateTable('territory').set({ parent_id: target.id, updated_at: at }).where('id', '=', c.id).execute();
    await history(p.trx, 'territory', c.id, p.actor, p.now, 'move', { parent_code: [source.code, target.code] });
  }
  await history(p.trx, 'territory', target.id, p.actor, p.now, 'absorb', { absorbed: [null, source.code] });
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'directory.territory.merge',
    objectType: 'territory',
    objectId: source.id,
    data: { into: target.id, moved: children.length },
    at: p.now,
  });
  return { ok: true };
}

/**
 * Deactivates (end date = `date`, the first day it no longer exists) or reactivates (end date
 * cleared) a body or territory. Reactivating a merged body also clears its merge pointer.
 */
export async function setActive(
  p: Common & { objectType: 'body' | 'territory'; id: number; active: boolean; date?: string },
): Promise<LifecycleResult> {
  const at = p.now.toISOString();
  const date = p.date ?? day(p.now);
  if (p.objectType === 'body') {
    const b = await p.trx
      .selectFrom('body')
      .select(['id', 'active_from', 'active_to', 'merged_into_id'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    if (!p.active) {
      if (b.active_to !== null && b.active_to <= date)
        return { ok: false, errors: [{ field: 'end_date', message: 'directory.admin.already_inactive' }] };
      if (b.active_from !== null && date <= b.active_from)
        return { ok: false, errors: [{ field: 'end_date', message: 'directory.csv.date_order' }] };
    }
    const active_to = p.active ? null : date;
    await p.trx
      .updateTable('body')
      .set({ active_to, ...(p.active ? { merged_into_id: null } : {}), updated_at: at })
      .where('id', '=', p.id)
      .execute();
    await history(p.trx, 'body', p.id, p.actor, p.now, p.active ? 'reactivate' : 'deactivate', {
      active_to: [b.active_to, active_to],
    });
  } else {
    const t = await p.trx
      .selectFrom('territory')
      .select(['id', 'valid_from', 'valid_to', 'successor_id'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    if (!p.active) {
      if (t.valid_to !== null && t.valid_to <= date)
        return { ok: false, errors: [{ field: 'end_date', message: 'directory.admin.already_inactive' }] };
      if (t.valid_from !== null && date <= t.valid_from)
        return { ok: false, errors: [{ field: 'end_date', message: 'directory.csv.date_order' }] };
    }
    const valid_to = p.active ? null : date;
    await p.trx
      .updateTable('territory')
      .set({ valid_to, ...(p.active ? { successor_id: null } : {}), updated_at: at })
      .where('id', '=', p.id)
      .execute();
    await history(p.trx, 'territory', p.id, p.actor, p.now, p.active ? 'reactivate' : 'deactivate', {
      valid_to: [t.valid_to, valid_to],
    });
  }
  await appendAudit(p.trx, {
    actor: p.actor,
    action: `directory.${p.objectType}.${p.active ? 'reactivate' : 'deactivate'}`,
    objectType: p.objectType,
    objectId: p.id,
    at: p.now,
  });
  return { ok: true };
}
