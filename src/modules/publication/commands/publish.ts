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
import { buildSnapshot, type PublishedScope } from './snapshot.js';
import { bumpVersion } from '../../../platform/db/versions.js';

export interface PublishProps {
  trx: Executor;
  cipher: FieldCipher;
  appeal: Appeal;
  actor: string;
  now: Date;
  /**
   * 'publish' (the default): the whole appeal as it is now, refused while any capitalised word
   * sequence or number left visible is neither hidden nor confirmed safe (the confirmation step).
   * 'update': after a new redaction or rule on a published appeal: the same events and documents
   * as the public copy already has, redacted again (it can only hide more, so it needs no new
   * confirmation; a new answer or document waits for the owner's next 'publish').
   */
  mode?: 'publish' | 'update';
}

async function publishedScope(trx: Executor, appealId: number): Promise<PublishedScope> {
  const events = await trx
    .selectFrom('publication_event')
    .select('event_id')
    .where('appeal_id', '=', appealId)
    .execute();
  const files = await trx
    .selectFrom('publication_file')
    .select(['file_id', 'text'])
    .where('appeal_id', '=', appealId)
    .execute();
  return {
    events: new Set(events.map((e) => e.event_id)),
    files: new Map(files.map((f) => [f.file_id, f.text !== null])),
  };
}

/** Publishes (or re-publishes with the current redactions). A draft cannot be published. */
export async function publishAppeal(p: PublishProps): Promise<void> {
  const { trx, appeal: a, now } = p;
  if (a.state === 'draft') throw new AppError('conflict', 'publication.error.draft');
  const existing = await trx
    .selectFrom('appeal_publication')
    .select(['id', 'published_at', 'state'])
    .where('appeal_id', '=', a.id)
    .executeTakeFirst();
  const update = p.mode === 'update' && existing?.state === 'published';
  const snap = await buildSnapshot(trx, p.cipher, a, update ? await publishedScope(trx, a.id) : undefined);
  if (!update) {
    const open = snap.review.filter((r) => !r.confirmed).length;
    if (open > 0)
      throw new AppError('conflict', 'publication.error.unconfirmed', { count: open }, [
        { field: 'review', message: 'publication.error.unconfirmed', params: { count: open } },
      ]);
  }
  const at = now.toISOString();
  const row = {
    state: 'published' as const,
    subject: snap.subject,
    text: snap.text,
    published_by: p.actor,
    withdrawn_at: null,
    updated_at: at,
  };
  if (existing)
    await trx
      .updateTable('appeal_publication')
      .set({ ...row, published_at: existing.state === 'published' ? existing.published_at : at })
      .where('id', '=', existing.id)
      .execute();
  else
    await trx
      .insertInto('appeal_publication')
      .values({ ...row, appeal_id: a.id, published_at: at })
      .execute();
  await trx.deleteFrom('publication_event').where('appeal_id', '=', a.id).execute();
  await trx.deleteFrom('publication_file').where('appeal_id', '=', a.id).execute();
  for (const e of snap.events)
    await trx
      .insertInto('publication_event')
      .values({ appeal_id: a.id, event_id: e.eventId, kind: e.kind, on_date: e.onDate, text: e.text })
      .execute();
  for (const f of snap.files)
    await trx
      .insertInto('publication_file')
      .values({
        appeal_id: a.id,
        file_id: f.fileId,
        name: f.name,
        text: f.text,
        original_safe: f.originalSafe ? 1 : 0,
        recognised: f.recognised && f.text !== null ? 1 : 0,
      })
      .execute();
  await indexAppeal(trx, a, snap, existing?.state === 'published' ? existing.published_at : at);
  await appendAudit(trx, {
    actor: p.actor,
    action: update ? 'publication.update' : existing ? 'publication.republish' : 'publication.publish',
    objectType: 'appeal',
    objectId: a.id,
    data: {
      redactions: snap.redactions,
      events: snap.events.length,
      files: snap.files.length,
      originals: snap.files.filter((f) => f.originalSafe).length,
      confirmed: snap.review.length,
    },
    at: now,
  });
  await bumpVersion(trx, 'publication.version', now);
}

/** Withdraws the public copy: pages, search, feeds and exports stop showing it at once. */
export async function withdrawAppeal(p: Omit<PublishProps, 'cipher'>): Promise<void> {
  const { trx, appeal: a, now } = p;
  const existing = await trx
    .selectFrom('appeal_publication')
    .select(['id', 'state'])
    .where('appeal_id', '=', a.id)
    .executeTakeFirst();
  if (!existing || existing.state !== 'published') throw new AppError('conflict', 'publication.error.not_published');
  await trx
    .updateTable('appeal_publication')
    .set({ state: 'withdrawn', subject: '', text: '', withdrawn_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', existing.id)
    .execute();
  await trx.deleteFrom('publication_event').where('appeal_id', '=', a.id).execute();
  await trx.deleteFrom('publication_file').where('appeal_id', '=', a.id).execute();
  await unindexAppeal(trx, a.id);
  await appendAudit(trx, {
    actor: p.actor,
    action: 'publication.withdraw',
    objectType: 'appeal',
    objectId: a.id,
    at: now,
  });
  await bumpVersion(trx, 'publication.version', now);
}
