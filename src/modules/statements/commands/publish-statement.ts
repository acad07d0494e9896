/**
 * Publishing a statement now or at a scheduled time (coordinators). Publication is refused while a
 * text is incomplete or a figure cannot be resolved (an unknown body or figure). It writes version 1,
 * freezes the `freeze` figures with the value and date of this moment, and announces the statement
 * to e-mail subscribers (now, or by a job at the scheduled time). A scheduled statement becomes
 * visible by itself: visibility is `published_at <= now` (visibility.ts).
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { checkEmbeds, freezeEmbeds } from '../embeds/embeds.js';
import { announceWhenPublic, type AnnounceDeps } from './announce.js';
import { isPublic } from '../visibility.js';
import { publicationMoment, type PublishChoice } from './publish-time.js';
import { embedFields } from './save-statement.js';
import { checkTexts } from './statement-input.js';
import { userActor } from '../../../platform/audit/actor.js';

export async function publishStatement(p: {
  trx: Executor;
  id: number;
  choice: PublishChoice;
  actorId: number;
  now: Date;
  mail: AnnounceDeps;
}): Promise<{ at: Date; scheduled: boolean }> {
  const s = await p.trx.selectFrom('statement').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  if (isPublic(s, p.now)) throw new AppError('conflict', 'statements.error_already_published');
  const moment = publicationMoment(p.choice, p.now);
  if ('errors' in moment) throw invalid(moment.errors);
  const textErrors = checkTexts(s);
  if (textErrors.length) throw invalid(textErrors);
  const bodies = embedFields(s);
  const embedErrors = await checkEmbeds(p.trx, bodies, p.now);
  if (embedErrors.length) throw invalid(embedErrors, 'statements.error_embeds');

  const at = moment.at.toISOString();
  const {
    id: _id,
    kind: _k,
    slug: _s,
    tags: _t,
    published_at: _p,
    version: _v,
    created_by: _c,
    created_at: _ca,
    updated_at: _u,
    ...texts
  } = s;
  if (s.version === 0) {
    await p.trx
      .insertInto('statement_version')
      .values({ statement_id: s.id, number: 1, ...texts, correction_note: null, created_by: p.actorId, created_at: at })
      .execute();
  } else {
    // Re-scheduling a statement that is not public yet: version 1 stays the one to be published.
    await p.trx
      .updateTable('statement_version')
      .set({ ...texts, created_at: at })
      .where('statement_id', '=', s.id)
      .where('number', '=', s.version)
      .execute();
  }
  await p.trx
    .updateTable('statement')
    .set({ published_at: at, version: Math.max(1, s.version), updated_at: p.now.toISOString() })
    .where('id', '=', s.id)
    .execute();
  await freezeEmbeds(p.trx, s.id, Object.values(bodies), p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: moment.scheduled ? 'statement.schedule' : 'statement.publish',
    objectType: 'statement',
    objectId: s.id,
    data: { at },
    at: p.now,
  });
  await announceWhenPublic(p.trx, { type: 'statement', id: s.id, at, scheduled: moment.scheduled }, p.mail);
  return moment;
}
