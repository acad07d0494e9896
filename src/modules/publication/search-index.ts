/**
 * The public search index: one row per public text (an appeal's redacted subject and text, each
 * redacted answer, each document's redacted text), with a folded search key built by the
 * directory's `searchKey` (transliteration, н/ң о/ө у/ү ё/е, Russian endings). Only redacted text is
 * ever indexed, and only while the appeal is published.
 */
import type { Executor } from '../../platform/db/database.js';
import { searchKey } from '../../platform/text/search-key.js';
import type { Appeal } from '../appeals/index.js';
import type { PublicSnapshot } from './commands/snapshot.js';

/** The oblast (or city of republican significance) of a body, for the territory facet. */
export async function oblastOfBody(db: Executor, bodyId: number): Promise<number | null> {
  const body = await db.selectFrom('body').select('territory_id').where('id', '=', bodyId).executeTakeFirst();
  let id = body?.territory_id ?? null;
  for (let i = 0; id !== null && i < 8; i++) {
    const t = await db
      .selectFrom('territory')
      .select(['id', 'level', 'parent_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!t) return null;
    if (t.level === 'oblast' || t.level === 'city_republican') return t.id;
    id = t.parent_id;
  }
  return null;
}

export async function unindexAppeal(trx: Executor, appealId: number): Promise<void> {
  await trx.deleteFrom('search_doc').where('appeal_id', '=', appealId).execute();
}

export async function indexAppeal(trx: Executor, a: Appeal, snap: PublicSnapshot, publishedAt: string): Promise<void> {
  await unindexAppeal(trx, a.id);
  const common = {
    appeal_id: a.id,
    body_id: a.body_id,
    kind: a.kind,
    status: a.state,
    territory_id: await oblastOfBody(trx, a.body_id),
    year: Number((a.received_on ?? publishedAt).slice(0, 4)),
    published_at: publishedAt,
  };
  const docs = [
    { doc_type: 'appeal' as const, ref_id: a.id, title: snap.subject, text: snap.text },
    ...snap.events
      .filter((e) => e.text)
      .map((e) => ({ doc_type: 'answer' as const, ref_id: e.eventId, title: snap.subject, text: e.text! })),
    ...snap.files
      .filter((f) => f.text)
      .map((f) => ({ doc_type: 'file' as const, ref_id: f.fileId, title: f.name, text: f.text! })),
  ];
  for (const d of docs)
    await trx
      .insertInto('search_doc')
      .values({ ...common, ...d, search_key: searchKey([d.title, d.text]) })
      .execute();
}
