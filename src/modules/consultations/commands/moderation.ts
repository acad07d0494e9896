/**
 * Flags and moderation. Anyone with a confirmed account may flag a comment once; at three open flags
 * the comment is hidden automatically until a moderator (administrator or coordinator) looks at it,
 * so that a burst of abuse does not stay up overnight, while one person cannot silence another.
 * Every step (flag, automatic hiding, a moderator's decision) goes into the audit log with its reason.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { can, type Actor } from '../../../platform/policy/policy.js';
import '../tables.js';
import { userActor } from '../../../platform/audit/actor.js';

/** Open flags from different people that hide a comment pending review. */
export const AUTO_HIDE_FLAGS = 3;

export async function flagComment(p: {
  trx: Executor;
  consultationId: number;
  commentId: number;
  actor: Actor;
  reason: string;
  now: Date;
}): Promise<{ autoHidden: boolean }> {
  if (!can(p.actor, 'consultations.comment')) throw new AppError('forbidden', 'consultations.confirm_email_to_comment');
  const comment = await p.trx
    .selectFrom('consultation_comment')
    .selectAll()
    .where('id', '=', p.commentId)
    .where('consultation_id', '=', p.consultationId)
    .executeTakeFirstOrThrow();
  if (comment.author_id === p.actor.id) throw new AppError('conflict', 'consultations.error_own_comment');
  const existing = await p.trx
    .selectFrom('consultation_flag')
    .select('id')
    .where('comment_id', '=', comment.id)
    .where('user_id', '=', p.actor.id)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', 'consultations.error_already_flagged');
  const at = p.now.toISOString();
  await p.trx
    .insertInto('consultation_flag')
    .values({ comment_id: comment.id, user_id: p.actor.id, reason: p.reason, created_at: at, resolved_at: null })
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.actor.id),
    action: 'consultation.comment_flag',
    objectType: 'consultation_comment',
    objectId: comment.id,
    data: { reason: p.reason },
    at: p.now,
  });
  const open = await p.trx
    .selectFrom('consultation_flag')
    .select(p.trx.fn.countAll<number>().as('n'))
    .where('comment_id', '=', comment.id)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (comment.status === 'visible' && Number(open.n) >= AUTO_HIDE_FLAGS) {
    await p.trx
      .updateTable('consultation_comment')
      .set({ status: 'pending_review', updated_at: at })
      .where('id', '=', comment.id)
      .execute();
    await appendAudit(p.trx, {
      actor: 'system',
      action: 'consultation.comment_auto_hide',
      objectType: 'consultation_comment',
      objectId: comment.id,
      data: { reason: 'flags', flags: Number(open.n) },
      at: p.now,
    });
    return { autoHidden: true };
  }
  return { autoHidden: false };
}

/**
 * A moderator's decision: hide the comment or restore it. Either way the open flags are resolved
 * (they were looked at), so a restored comment is only hidden again by three new flags.
 */
export async function moderateComment(p: {
  trx: Executor;
  consultationId: number;
  commentId: number;
  actor: Actor;
  action: 'hide' | 'restore';
  reason: string;
  now: Date;
}): Promise<void> {
  if (!can(p.actor, 'consultations.moderate')) throw new AppError('forbidden');
  const comment = await p.trx
    .selectFrom('consultation_comment')
    .selectAll()
    .where('id', '=', p.commentId)
    .where('consultation_id', '=', p.consultationId)
    .executeTakeFirstOrThrow();
  const at = p.now.toISOString();
  const status = p.action === 'hide' ? 'hidden' : 'visible';
  await p.trx
    .updateTable('consultation_comment')
    .set({ status, updated_at: at })
    .where('id', '=', comment.id)
    .execute();
  const resolved = await p.trx
    .updateTable('consultation_flag')
    .set({ resolved_at: at })
    .where('comment_id', '=', comment.id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  await appendAudit(p.trx, {
    actor: userActor(p.actor.id),
    action: `consultation.comment_${p.action}`,
    objectType: 'consultation_comment',
    objectId: comment.id,
    data: { reason: p.reason, from: comment.status, to: status, flags_resolved: Number(resolved.numUpdatedRows) },
    at: p.now,
  });
}
