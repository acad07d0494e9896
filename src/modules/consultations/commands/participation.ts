/**
 * Smaller workflows around a consultation: the drafters' answers, following by e-mail, naming
 * drafters, recording hearings, publishing the final report. Each writes its audit entry in the same
 * transaction.
 */
import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { can, type Actor } from '../../../platform/policy/policy.js';
import { consultationPhase } from '../phase.js';
import { drafterIds } from '../queries.js';
import type { Outcome } from '../tables.js';
import { notifyFollowers, type MailDeps } from './notify-followers.js';
import { userActor } from '../../../platform/audit/actor.js';

/** Answers a comment (or changes the answer). Drafters of this consultation, coordinators, administrators. */
export async function answerComment(p: {
  trx: Executor;
  consultationId: number;
  commentId: number;
  actor: Actor;
  outcome: Outcome;
  reasons: string;
  now: Date;
}): Promise<void> {
  if (!can(p.actor, 'consultations.answer', { drafterIds: await drafterIds(p.trx, p.consultationId) }))
    throw new AppError('forbidden');
  const comment = await p.trx
    .selectFrom('consultation_comment')
    .select(['id', 'parent_id'])
    .where('id', '=', p.commentId)
    .where('consultation_id', '=', p.consultationId)
    .executeTakeFirstOrThrow();
  if (comment.parent_id !== null) throw new AppError('conflict', 'consultations.error_reply_to_reply');
  const at = p.now.toISOString();
  const existing = await p.trx
    .selectFrom('consultation_answer')
    .select(['id', 'outcome'])
    .where('comment_id', '=', comment.id)
    .executeTakeFirst();
  if (existing) {
    await p.trx
      .updateTable('consultation_answer')
      .set({ outcome: p.outcome, reasons: p.reasons, answered_by: p.actor.id, updated_at: at })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await p.trx
      .insertInto('consultation_answer')
      .values({
        comment_id: comment.id,
        outcome: p.outcome,
        reasons: p.reasons,
        answered_by: p.actor.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  await appendAudit(p.trx, {
    actor: userActor(p.actor.id),
    action: existing ? 'consultation.answer_change' : 'consultation.answer',
    objectType: 'consultation_comment',
    objectId: comment.id,
    data: { outcome: p.outcome, ...(existing ? { was: existing.outcome } : {}) },
    at: p.now,
  });
}

export async function setFollowing(p: {
  trx: Executor;
  consultationId: number;
  actor: Actor;
  follow: boolean;
  now: Date;
}): Promise<void> {
  if (!can(p.actor, 'consultations.comment')) throw new AppError('forbidden', 'consultations.confirm_email_to_comment');
  const existing = await p.trx
    .selectFrom('consultation_follower')
    .select('id')
    .where('consultation_id', '=', p.consultationId)
    .where('user_id', '=', p.actor.id)
    .executeTakeFirst();
  if (p.follow && !existing) {
    await p.trx
      .insertInto('consultation_follower')
      .values({ consultation_id: p.consultationId, user_id: p.actor.id, created_at: p.now.toISOString() })
      .execute();
  } else if (!p.follow && existing) {
    await p.trx.deleteFrom('consultation_follower').where('id', '=', existing.id).execute();
  } else return;
  await appendAudit(p.trx, {
    actor: userActor(p.actor.id),
    action: p.follow ? 'consultation.follow' : 'consultation.unfollow',
    objectType: 'consultation',
    objectId: p.consultationId,
    at: p.now,
  });
}

export async function addDrafter(p: {
  trx: Executor;
  consultationId: number;
  email: string;
  actorId: number;
  now: Date;
}): Promise<void> {
  const user = await p.trx
    .selectFrom('user')
    .select(['id', 'status'])
    .where('email', '=', p.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.status !== 'active') throw invalid([{ field: 'email', message: 'consultations.error_no_user' }]);
  const existing = await p.trx
    .selectFrom('consultation_drafter')
    .select('id')
    .where('consultation_id', '=', p.consultationId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (existing) return;
  await p.trx
    .insertInto('consultation_drafter')
    .values({ consultation_id: p.consultationId, user_id: user.id, created_at: p.now.toISOString() })
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.drafter_add',
    objectType: 'consultation',
    objectId: p.consultationId,
    data: { user: user.id },
    at: p.now,
  });
}

export async function removeDrafter(p: {
  trx: Executor;
  consultationId: number;
  userId: number;
  actorId: number;
  now: Date;
}): Promise<void> {
  const res = await p.trx
    .deleteFrom('consultation_drafter')
    .where('consultation_id', '=', p.consultationId)
    .where('user_id', '=', p.userId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) return;
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.drafter_remove',
    objectType: 'consultation',
    objectId: p.consultationId,
    data: { user: p.userId },
    at: p.now,
  });
}

export async function recordHearing(p: {
  trx: Executor;
  consultationId: number;
  heldOn: string;
  place: string;
  participants: number;
  minutes: { text: string; name: string | null } | null;
  actorId: number;
  now: Date;
}): Promise<number> {
  const sha = p.minutes ? crypto.createHash('sha256').update(p.minutes.text, 'utf8').digest('hex') : null;
  const row = await p.trx
    .insertInto('consultation_hearing')
    .values({
      consultation_id: p.consultationId,
      held_on: p.heldOn,
      place: p.place,
      participants: p.participants,
      minutes_text: p.minutes?.text ?? null,
      minutes_name: p.minutes?.name ?? null,
      minutes_sha256: sha,
      created_by: p.actorId,
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.hearing_add',
    objectType: 'consultation',
    objectId: p.consultationId,
    data: { hearing: row.id, participants: p.participants, minutes_sha256: sha },
    at: p.now,
  });
  return row.id;
}

/** Publishes the final report (only once comments have closed) and tells the followers. */
export async function publishReport(p: {
  trx: Executor;
  consultationId: number;
  conclusion: string;
  actorId: number;
  mail: MailDeps;
}): Promise<void> {
  const c = await p.trx
    .selectFrom('consultation')
    .selectAll()
    .where('id', '=', p.consultationId)
    .executeTakeFirstOrThrow();
  const phase = consultationPhase(c, p.mail.now);
  if (phase === 'draft') throw new AppError('conflict', 'consultations.error_not_published');
  if (phase !== 'closed' && phase !== 'report') throw new AppError('conflict', 'consultations.error_report_not_closed');
  const first = !c.report_published_at;
  const at = p.mail.now.toISOString();
  await p.trx
    .updateTable('consultation')
    .set({
      report_published_at: c.report_published_at ?? at,
      report_conclusion: p.conclusion.trim() || null,
      updated_at: at,
    })
    .where('id', '=', c.id)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: first ? 'consultation.report_publish' : 'consultation.report_update',
    objectType: 'consultation',
    objectId: c.id,
    at: p.mail.now,
  });
  if (first) await notifyFollowers(p.trx, c, { kind: 'report' }, p.mail);
}
