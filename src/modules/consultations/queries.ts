/**
 * Reads of consultations. Each takes the executor first; the caller owns the transaction.
 * Visibility of a consultation is decided by the policy ('consultations.read'); the comment-level
 * rule (hidden comments show a placeholder, except to moderators) is `publicComment` below.
 */
import type { Executor } from '../../platform/db/database.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { pickText } from '../../platform/i18n/translate.js';
import './tables.js';
import type { CommentStatus, Outcome, Stance } from './tables.js';
import { isRecordId } from '../../platform/http/validation.js';

export function findConsultation(db: Executor, id: number) {
  if (!isRecordId(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('consultation')
    .innerJoin('body', 'body.id', 'consultation.body_id')
    .selectAll('consultation')
    .select([
      'body.code as body_code',
      'body.name_ky as body_name_ky',
      'body.name_ru as body_name_ru',
      'body.name_en as body_name_en',
    ])
    .where('consultation.id', '=', id)
    .executeTakeFirst();
}
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;

/** The drafting body's name in the reader's language (falling back to another language). */
export function bodyName(
  c: { body_name_ky: string | null; body_name_ru: string | null; body_name_en: string | null; body_code: string },
  locale: Locale,
): string {
  return (
    pickText(
      { ky: c.body_name_ky ?? undefined, ru: c.body_name_ru ?? undefined, en: c.body_name_en ?? undefined },
      locale,
    ).text || c.body_code
  );
}

export function listConsultations(db: Executor, opts: { includeDrafts: boolean }) {
  let q = db
    .selectFrom('consultation')
    .innerJoin('body', 'body.id', 'consultation.body_id')
    .selectAll('consultation')
    .select([
      'body.code as body_code',
      'body.name_ky as body_name_ky',
      'body.name_ru as body_name_ru',
      'body.name_en as body_name_en',
    ]);
  if (!opts.includeDrafts) q = q.where('consultation.published_at', 'is not', null);
  return q.orderBy('consultation.opens_on', 'desc').orderBy('consultation.id', 'desc').execute();
}

/** Resolves what a coordinator typed in the "drafting body" field: a code, an exact name, or a unique part of a name. */
export async function resolveBody(db: Executor, typed: string): Promise<{ id: number } | 'unknown' | 'ambiguous'> {
  const s = typed.trim();
  const byCode = await db.selectFrom('body').select('id').where('code', '=', s).executeTakeFirst();
  if (byCode) return byCode;
  const lower = s.toLowerCase();
  const rows = await db.selectFrom('body').select(['id', 'name_ky', 'name_ru', 'name_en']).execute();
  const names = (r: (typeof rows)[number]) =>
    [r.name_ky, r.name_ru, r.name_en].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const exact = rows.filter((r) => names(r).includes(lower));
  if (exact.length === 1) return { id: exact[0]!.id };
  if (exact.length > 1) return 'ambiguous';
  const partial = lower.length >= 3 ? rows.filter((r) => names(r).some((n) => n.includes(lower))) : [];
  if (partial.length === 1) return { id: partial[0]!.id };
  return partial.length > 1 ? 'ambiguous' : 'unknown';
}

/** National bodies offered in the form's list (aiyl okmotus rarely draft laws; they can still be typed). */
export function bodyChoices(db: Executor) {
  return db
    .selectFrom('body')
    .select(['id', 'code', 'name_ky', 'name_ru', 'name_en'])
    .where('kind', 'in', [
      'cabinet',
      'ministry',
      'agency',
      'ombudsman',
      'prosecutor',
      'court',
      'plenipotentiary_office',
      'other',
    ])
    .where('active_to', 'is', null)
    .orderBy('code')
    .limit(500)
    .execute();
}

export function listVersions(db: Executor, consultationId: number) {
  return db
    .selectFrom('consultation_version')
    .select(['id', 'number', 'source_format', 'split_ok', 'change_note', 'created_at'])
    .where('consultation_id', '=', consultationId)
    .orderBy('number', 'desc')
    .execute();
}

export function currentVersion(db: Executor, consultationId: number) {
  return db
    .selectFrom('consultation_version')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findVersion(db: Executor, consultationId: number, number: number) {
  if (!Number.isSafeInteger(number) || number <= 0 || number > 1_000_000) return Promise.resolve(undefined);
  return db
    .selectFrom('consultation_version')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function versionParagraphs(db: Executor, versionId: number) {
  return db
    .selectFrom('consultation_paragraph')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}
export type ParagraphRow = Awaited<ReturnType<typeof versionParagraphs>>[number];

export function findParagraph(db: Executor, consultationId: number, paragraphId: number) {
  if (!isRecordId(paragraphId)) return Promise.resolve(undefined);
  return db
    .selectFrom('consultation_paragraph')
    .innerJoin('consultation_version', 'consultation_version.id', 'consultation_paragraph.version_id')
    .selectAll('consultation_paragraph')
    .select('consultation_version.number as version_number')
    .where('consultation_paragraph.consultation_id', '=', consultationId)
    .where('consultation_paragraph.id', '=', paragraphId)
    .executeTakeFirst();
}

/** Visible top-level comments per paragraph of a version (for the counts beside each paragraph). */
export async function commentCounts(db: Executor, versionId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('consultation_comment')
    .innerJoin('consultation_paragraph', 'consultation_paragraph.id', 'consultation_comment.paragraph_id')
    .select(['consultation_comment.paragraph_id as pid', db.fn.countAll<number>().as('n')])
    .where('consultation_paragraph.version_id', '=', versionId)
    .where('consultation_comment.parent_id', 'is', null)
    .where('consultation_comment.status', '=', 'visible')
    .groupBy('consultation_comment.paragraph_id')
    .execute();
  return new Map(rows.map((r) => [r.pid, Number(r.n)]));
}

export interface CommentView {
  id: number;
  paragraphId: number;
  parentId: number | null;
  authorId: number;
  /** the author's name when they chose to be named, else "Participant N" (number) */
  authorName: string | null;
  participantNo: number;
  format: 'text' | 'markdown';
  body: string;
  stance: Stance | null;
  proposedWording: string | null;
  status: CommentStatus;
  createdAt: string;
  unresolvedFlags: number;
  answer: { outcome: Outcome; reasons: string; answeredAt: string } | null;
}

/**
 * Pseudonyms: commenters are numbered in the order of their first comment in the consultation, so
 * "Participant 3" is the same person on every page and in every export of that consultation.
 */
export async function participantNumbers(db: Executor, consultationId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('consultation_comment')
    .select(['author_id', db.fn.min('id').as('first')])
    .where('consultation_id', '=', consultationId)
    .groupBy('author_id')
    .execute();
  rows.sort((a, b) => Number(a.first) - Number(b.first));
  return new Map(rows.map((r, i) => [r.author_id, i + 1]));
}

/** Comments with their answers, flags and authors; `where` narrows to a paragraph or a comment set. */
export async function loadComments(
  db: Executor,
  consultationId: number,
  filter: { paragraphIds?: number[]; commentIds?: number[] } = {},
): Promise<CommentView[]> {
  let q = db
    .selectFrom('consultation_comment as c')
    .innerJoin('user as u', 'u.id', 'c.author_id')
    .leftJoin('consultation_answer as a', 'a.comment_id', 'c.id')
    .select([
      'c.id',
      'c.paragraph_id',
      'c.parent_id',
      'c.author_id',
      'c.format',
      'c.body',
      'c.stance',
      'c.proposed_wording',
      'c.show_name',
      'c.status',
      'c.created_at',
      'u.display_name',
      'a.outcome',
      'a.reasons',
      'a.updated_at as answered_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('consultation_flag as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.comment_id', '=', 'c.id')
        .where('f.resolved_at', 'is', null)
        .as('flags'),
    )
    .where('c.consultation_id', '=', consultationId);
  if (filter.paragraphIds)
    q = filter.paragraphIds.length
      ? q.where('c.paragraph_id', 'in', filter.paragraphIds)
      : q.where(({ lit }) => lit(false));
  if (filter.commentIds)
    q = filter.commentIds.length ? q.where('c.id', 'in', filter.commentIds) : q.where(({ lit }) => lit(false));
  const rows = await q.orderBy('c.id').execute();
  const numbers = await participantNumbers(db, consultationId);
  return rows.map((r) => ({
    id: r.id,
    paragraphId: r.paragraph_id,
    parentId: r.parent_id,
    authorId: r.author_id,
    authorName: r.show_name === 1 ? r.display_name : null,
    participantNo: numbers.get(r.author_id) ?? 0,
    format: r.format,
    body: r.body,
    stance: r.stance,
    proposedWording: r.proposed_wording,
    status: r.status,
    createdAt: r.created_at,
    unresolvedFlags: Number(r.flags ?? 0),
    answer: r.outcome ? { outcome: r.outcome, reasons: r.reasons ?? '', answeredAt: r.answered_at ?? '' } : null,
  }));
}

export function findComment(db: Executor, consultationId: number, commentId: number) {
  if (!isRecordId(commentId)) return Promise.resolve(undefined);
  return db
    .selectFrom('consultation_comment')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('id', '=', commentId)
    .executeTakeFirst();
}

export async function drafterIds(db: Executor, consultationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consultation_drafter')
    .select('user_id')
    .where('consultation_id', '=', consultationId)
    .execute();
  return rows.map((r) => r.user_id);
}

export function listDrafters(db: Executor, consultationId: number) {
  return db
    .selectFrom('consultation_drafter')
    .innerJoin('user', 'user.id', 'consultation_drafter.user_id')
    .select(['user.id', 'user.display_name', 'user.email'])
    .where('consultation_drafter.consultation_id', '=', consultationId)
    .orderBy('consultation_drafter.id')
    .execute();
}

export async function isFollowing(db: Executor, consultationId: number, userId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('consultation_follower')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .where('user_id', '=', userId)
    .executeTakeFirst());
}

export function listHearings(db: Executor, consultationId: number) {
  return db
    .selectFrom('consultation_hearing')
    .select([
      'id',
      'held_on',
      'place',
      'participants',
      'minutes_name',
      'minutes_sha256',
      (eb) => eb.fn<number | null>('length', ['minutes_text']).as('minutes_length'),
    ])
    .where('consultation_id', '=', consultationId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

/** Comments waiting for a moderator: auto-hidden ones first, then visible ones with open flags. */
export async function moderationQueue(db: Executor, consultationId: number): Promise<CommentView[]> {
  const flagged = await db
    .selectFrom('consultation_comment as c')
    .select('c.id')
    .where('c.consultation_id', '=', consultationId)
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'pending_review'),
        eb.exists(
          eb
            .selectFrom('consultation_flag as f')
            .select('f.id')
            .whereRef('f.comment_id', '=', 'c.id')
            .where('f.resolved_at', 'is', null),
        ),
      ]),
    )
    .execute();
  const comments = await loadComments(db, consultationId, { commentIds: flagged.map((r) => r.id) });
  return comments.sort(
    (a, b) => Number(b.status === 'pending_review') - Number(a.status === 'pending_review') || a.id - b.id,
  );
}
