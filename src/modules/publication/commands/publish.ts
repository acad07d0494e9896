/**
 * Publishing and withdrawing an appeal. Publishing stores the redacted snapshot (the same one the
 * preview showed) and indexes it for search; withdrawing removes the public copy and the index
 * entries at once. Both are audited (counts only, never the text), in the caller's transaction.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import type { Appeal } from '../../appeals/index.js';
import { indexAppeal, unindexAppeal } from '../search-index.js';
import { buildSnapshot } from './snapshot.js';
import { bumpVersion } from '../../../platform/db/versions.js';

export interface PublishProps {
  trx: Executor;
  cipher: FieldCipher;
  appeal: Appeal;
  actor: string;
  now: Date;
}

/** Publishes (or re-publishes with the current redactions). A draft cannot be published. */
export async function publishAppeal(p: PublishProps): Promise<void> {
  const { trx, appeal: a, now } = p;
  if (a.state === 'draft') throw new AppError('conflict', 'publication.error.draft');
  const snap = await buildSnapshot(trx, p.cipher, a);
  const at = now.toISOString();
  const existing = await trx.selectFrom('appeal_publication').select(['id', 'published_at', 'state']).where('appeal_id', '=', a.id).executeTakeFirst();
  const row = { state: 'published' as const, subject: snap.subject, text: snap.text, published_by: p.actor, withdrawn_at: null, updated_at: at };
  if (existing) await trx.updateTable('appeal_publication').set({ ...row, published_at: existing.state === 'published' ? existing.published_at : at }).where('id', '=', existing.id).execute();
  else await trx.insertInto('appeal_publication').values({ ...row, appeal_id: a.id, published_at: at }).execute();
  await trx.deleteFrom('publication_event').where('appeal_id', '=', a.id).execute();
  await trx.deleteFrom('publication_file').where('appeal_id', '=', a.id).execute();
  for (const e of snap.events) await trx.insertInto('publication_event').values({ appeal_id: a.id, event_id: e.eventId, kind: e.kind, on_date: e.onDate, text: e.text }).execute();
  for (const f of snap.files) await trx.insertInto('publication_file').values({ appeal_id: a.id, file_id: f.fileId, name: f.name, text: f.text, original_safe: f.originalSafe ? 1 : 0 }).execute();
  await indexAppeal(trx, a, snap, existing?.state === 'published' ? existing.published_at : at);
  await appendAudit(trx, {
    actor: p.actor,
    action: existing ? 'publication.republish' : 'publication.publish',
    objectType: 'appeal',
    objectId: a.id,
    data: { redactions: snap.redactions, events: snap.events.length, files: snap.files.length, originals: snap.files.filter((f) => f.originalSafe).length },
    at: now,
  });
  await bumpVersion(trx, 'publication.version', now);
}

/** Withdraws the public copy: pages, search, feeds and exports stop showing it at once. */
export async function withdrawAppeal(p: Omit<PublishProps, 'cipher'>): Promise<void> {
  const { trx, appeal: a, now } = p;
  const existing = await trx.selectFrom('appeal_publication').select(['id', 'state']).where('appeal_id', '=', a.id).executeTakeFirst();
  if (!existing || existing.state !== 'published') throw new AppError('conflict', 'publication.error.not_published');
  await trx.updateTable('appeal_publication').set({ state: 'withdrawn', subject: '', text: '', withdrawn_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', existing.id).execute();
  await trx.deleteFrom('publication_event').where('appeal_id', '=', a.id).execute();
  await trx.deleteFrom('publication_file').where('appeal_id', '=', a.id).execute();
  await unindexAppeal(trx, a.id);
  await appendAudit(trx, { actor: p.actor, action: 'publication.withdraw', objectType: 'appeal', objectId: a.id, at: now });
  await bumpVersion(trx, 'publication.version', now);
}
