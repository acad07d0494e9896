/**
 * Creating, editing and publishing a consultation (coordinators). Every write is audited in the same
 * transaction; publishing schedules the "closing soon" letters.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid, type FieldError } from '../../../platform/errors.js';
import { currentVersion, resolveBody } from '../queries.js';
import { scheduleClosingSoon } from './notify-followers.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface ConsultationInput {
  title: string;
  body: string;
  summary: string;
  official_url: string;
  opens_on: string;
  closes_on: string;
}

async function checkInput(trx: Executor, input: ConsultationInput): Promise<{ bodyId: number; url: string | null }> {
  const errors: FieldError[] = [];
  const body = await resolveBody(trx, input.body);
  if (body === 'unknown') errors.push({ field: 'body', message: 'consultations.error_body_unknown' });
  if (body === 'ambiguous') errors.push({ field: 'body', message: 'consultations.error_body_ambiguous' });
  let url: string | null = null;
  if (input.official_url) {
    try {
      const u = new URL(input.official_url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
      url = u.toString();
    } catch {
      errors.push({ field: 'official_url', message: 'consultations.error_url' });
    }
  }
  if (input.closes_on < input.opens_on) errors.push({ field: 'closes_on', message: 'consultations.error_dates' });
  if (errors.length || typeof body !== 'object') throw invalid(errors);
  return { bodyId: body.id, url };
}

export async function createConsultation(p: {
  trx: Executor;
  input: ConsultationInput;
  actorId: number;
  now: Date;
}): Promise<number> {
  const { bodyId, url } = await checkInput(p.trx, p.input);
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('consultation')
    .values({
      title: p.input.title,
      body_id: bodyId,
      summary: p.input.summary,
      official_url: url,
      opens_on: p.input.opens_on,
      closes_on: p.input.closes_on,
      published_at: null,
      report_published_at: null,
      report_conclusion: null,
      closing_notice_for: null,
      created_by: p.actorId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.create',
    objectType: 'consultation',
    objectId: row.id,
    at: p.now,
  });
  return row.id;
}

export async function updateConsultation(p: {
  trx: Executor;
  id: number;
  input: ConsultationInput;
  actorId: number;
  now: Date;
}): Promise<void> {
  const { bodyId, url } = await checkInput(p.trx, p.input);
  const before = await p.trx.selectFrom('consultation').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  await p.trx
    .updateTable('consultation')
    .set({
      title: p.input.title,
      body_id: bodyId,
      summary: p.input.summary,
      official_url: url,
      opens_on: p.input.opens_on,
      closes_on: p.input.closes_on,
      updated_at: p.now.toISOString(),
    })
    .where('id', '=', p.id)
    .execute();
  const changed = (['title', 'summary', 'official_url', 'opens_on', 'closes_on'] as const).filter(
    (k) => before[k] !== (k === 'official_url' ? url : p.input[k]),
  );
  if (before.body_id !== bodyId) changed.push('body_id' as never);
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.update',
    objectType: 'consultation',
    objectId: p.id,
    data: { fields: changed },
    at: p.now,
  });
  if (before.published_at && before.closes_on !== p.input.closes_on)
    await scheduleClosingSoon(p.trx, { id: p.id, closes_on: p.input.closes_on }, p.now);
}

/** Makes a prepared consultation public. It needs a text: there is nothing to comment on otherwise. */
export async function publishConsultation(p: { trx: Executor; id: number; actorId: number; now: Date }): Promise<void> {
  const c = await p.trx.selectFrom('consultation').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  if (c.published_at) return;
  if (!(await currentVersion(p.trx, p.id))) throw new AppError('conflict', 'consultations.publish_needs_text');
  await p.trx
    .updateTable('consultation')
    .set({ published_at: p.now.toISOString(), updated_at: p.now.toISOString() })
    .where('id', '=', p.id)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.publish',
    objectType: 'consultation',
    objectId: p.id,
    at: p.now,
  });
  await scheduleClosingSoon(p.trx, c, p.now);
}
