/**
 * Comments and replies. The phase rules are enforced here, on the server, with `now` as a parameter:
 * no comment before the consultation opens or after it closes, none on a paragraph of an old
 * version, and replies only one level deep. Only accounts with a confirmed e-mail may write.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { can, type Actor } from '../../../platform/policy/policy.js';
import { commentRefusal } from '../phase.js';
import type { Stance } from '../tables.js';
import '../tables.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface CommentInput {
  body: string;
  format: 'text' | 'markdown';
  stance: Stance;
  proposedWording: string;
  showName: boolean;
}

async function checkOpen(trx: Executor, consultationId: number, paragraphId: number, actor: Actor, now: Date) {
  if (!can(actor, 'consultations.comment')) throw new AppError('forbidden', 'consultations.confirm_email_to_comment');
  const c = await trx.selectFrom('consultation').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
  const paragraph = await trx
    .selectFrom('consultation_paragraph')
    .select(['id', 'version_id'])
    .where('id', '=', paragraphId)
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  const current = await trx
    .selectFrom('consultation_version')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const refusal = commentRefusal(c, paragraph.version_id, current?.id ?? null, now);
  if (refusal) throw new AppError('conflict', refusal);
  return { c, paragraph };
}

function blank(s: string): boolean {
  return s.trim().length === 0;
}

/** Posts a comment on a paragraph of the current version; returns its id. */
export async function postComment(p: {
  trx: Executor;
  consultationId: number;
  paragraphId: number;
  actor: Actor;
  input: CommentInput;
  now: Date;
}): Promise<number> {
  if (blank(p.input.body)) throw invalid([{ field: 'body', message: 'validation.required' }]);
  await checkOpen(p.trx, p.consultationId, p.paragraphId, p.actor, p.now);
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('consultation_comment')
    .values({
      consultation_id: p.consultationId,
      paragraph_id: p.paragraphId,
      parent_id: null,
      author_id: p.actor.id,
      format: p.input.format,
      body: p.input.body,
      stance: p.input.stance,
      proposed_wording: blank(p.input.proposedWording) ? null : p.input.proposedWording,
      show_name: p.input.showName ? 1 : 0,
      status: 'visible',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: userActor(p.actor.id),
    action: 'consultation.comment',
    objectType: 'consultation_comment',
    objectId: row.id,
    data: { consultation: p.consultationId, paragraph: p.paragraphId, stance: p.input.stance },
    at: p.now,
  });
  return row.id;
}

/** Replies to a comment (one level: a reply to a reply is refused). */
export async function postReply(p: {
  trx: Executor;
  consultationId: number;
  parentId: number;
  actor: Actor;
  input: { body: string; format: 'text' | 'markdown'; showName: boolean };
  now: Date;
}): Promise<number> {
  if (blank(p.input.body)) throw invalid([{ field: 'body', message: 'validation.required' }]);
  const parent = await p.trx
    .selectFrom('consultation_comment')
    .selectAll()
    .where('id', '=', p.parentId)
    .where('consultation_id', '=', p.consultationId)
    .executeTakeFirstOrThrow();
  if (parent.parent_id !== null) throw new AppError('conflict', 'consultations.error_reply_to_reply');
  await checkOpen(p.trx, p.consultationId, parent.paragraph_id, p.actor, p.now);
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('consultation_comment')
    .values({
      consultation_id: p.consultationId,
      paragraph_id: parent.paragraph_id,
      parent_id: parent.id,
      author_id: p.actor.id,
      format: p.input.format,
      body: p.input.body,
      stance: null,
      proposed_wording: null,
      show_name: p.input.showName ? 1 : 0,
      status: 'visible',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: userActor(p.actor.id),
    action: 'consultation.reply',
    objectType: 'consultation_comment',
    objectId: row.id,
    data: { consultation: p.consultationId, parent: parent.id },
    at: p.now,
  });
  return row.id;
}
