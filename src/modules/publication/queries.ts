/** Reads of public material. Every one goes through visibility.ts (wherePublished / isPublishedAppeal). */
import type { Executor } from '../../platform/db/database.js';
import { isPublishedAppeal, wherePublished } from './visibility.js';

/** A published appeal with only its public fields: the redacted copy, body, kind, state and dates. */
export async function findPublished(db: Executor, appealId: number) {
  if (!Number.isInteger(appealId) || appealId < 1 || appealId > 2_147_483_647) return undefined;
  return wherePublished(
    db
      .selectFrom('appeal_publication')
      .innerJoin('appeal', 'appeal.id', 'appeal_publication.appeal_id')
      .innerJoin('body', 'body.id', 'appeal.body_id')
      .select([
        'appeal.id',
        'appeal.body_id',
        'appeal.kind',
        'appeal.state',
        'appeal.received_on',
        'appeal.due_date',
        'appeal.answered_on',
        'appeal.classification',
        'appeal_publication.subject',
        'appeal_publication.text',
        'appeal_publication.published_at',
        'appeal_publication.updated_at',
        'body.name_ky',
        'body.name_ru',
        'body.name_en',
      ])
      // In the same round trip: the version of the public events and files (the page cache's key).
      .select((eb) =>
        eb
          .selectFrom('setting')
          .select('setting.value')
          .where('setting.key', '=', 'publication.version')
          .as('publication_version'),
      )
      .where('appeal_publication.appeal_id', '=', appealId),
  ).executeTakeFirst();
}
export type PublishedAppeal = NonNullable<Awaited<ReturnType<typeof findPublished>>>;

export async function publishedEvents(db: Executor, appealId: number) {
  return db
    .selectFrom('publication_event')
    .select(['event_id', 'kind', 'on_date', 'text'])
    .where('appeal_id', '=', appealId)
    .where(isPublishedAppeal('publication_event.appeal_id'))
    .orderBy('id')
    .execute();
}

export async function publishedFiles(db: Executor, appealId: number) {
  return db
    .selectFrom('publication_file')
    .select(['file_id', 'name', 'text', 'original_safe', 'recognised'])
    .where('appeal_id', '=', appealId)
    .where(isPublishedAppeal('publication_file.appeal_id'))
    .orderBy('id')
    .execute();
}

/** Latest published appeals, optionally of one body (feeds, lists, the API). */
export async function latestPublished(db: Executor, o: { bodyId?: number; limit: number; offset?: number }) {
  let q = db
    .selectFrom('appeal_publication')
    .innerJoin('appeal', 'appeal.id', 'appeal_publication.appeal_id')
    .select([
      'appeal.id',
      'appeal.body_id',
      'appeal.kind',
      'appeal.state',
      'appeal.received_on',
      'appeal.due_date',
      'appeal.answered_on',
      'appeal.classification',
      'appeal_publication.subject',
      'appeal_publication.text',
      'appeal_publication.published_at',
      'appeal_publication.updated_at',
    ]);
  if (o.bodyId !== undefined) q = q.where('appeal.body_id', '=', o.bodyId);
  return wherePublished(q)
    .orderBy('appeal_publication.published_at', 'desc')
    .orderBy('appeal.id', 'desc')
    .limit(o.limit)
    .offset(o.offset ?? 0)
    .execute();
}
