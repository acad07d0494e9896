/**
 * Announcing a statement or event to e-mail subscribers when it becomes public, once per language it
 * is written in (subscribers choose their language; src/modules/subscriptions/announce.ts sends).
 * Publishing now announces in the publishing transaction; a scheduled publication enqueues one
 * `statements.announce` job at the scheduled time. The job carries the time it was scheduled for:
 * if the record was re-scheduled meanwhile, the old job finds another time and does nothing (the
 * new schedule enqueued its own job), so each publication is announced exactly once.
 */
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Db, Executor } from '../../../platform/db/database.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { formatDateTime, translator } from '../../../platform/i18n/translate.js';
import { defineJob, enqueueJob } from '../../../platform/jobs/queue.js';
import { announceToSubscribers } from '../../subscriptions/index.js';
import { frozenFigures, resolveEmbeds } from '../embeds/embeds.js';
import { plainText } from '../markdown.js';
import { textsOf } from '../queries.js';
import { isPublic } from '../visibility.js';

export interface AnnounceDeps {
  cipher: FieldCipher;
  publicUrl: string;
  now: Date;
}

export interface AnnouncePayload {
  type: 'statement' | 'event';
  id: number;
  /** the published_at this announcement belongs to */
  at: string;
}

const SUMMARY_MAX = 1200;
const clip = (s: string) => (s.length > SUMMARY_MAX ? `${s.slice(0, SUMMARY_MAX).trimEnd()}…` : s);

/** Sends the statement's announcement in each of its languages; returns the number of letters queued. */
export async function announceStatement(trx: Executor, id: number, deps: AnnounceDeps): Promise<number> {
  const s = await trx.selectFrom('statement').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || !isPublic(s, deps.now)) return 0;
  const texts = textsOf(s);
  const frozen = await frozenFigures(trx, id);
  let n = 0;
  for (const lang of LOCALES) {
    const text = texts[lang];
    if (!text) continue;
    const t = translator(lang);
    const embeds = await resolveEmbeds(trx, [text.summary || text.body], { now: deps.now, frozen, published: true });
    const body = plainText(text.summary || text.body, { embeds, t, locale: lang, preview: false });
    n += await announceToSubscribers(
      trx,
      {
        topic: 'statements',
        language: lang,
        subject: text.title,
        text: clip(body),
        url: `${deps.publicUrl}/statements/${s.slug}`,
      },
      deps,
    );
  }
  return n;
}

/** Sends the event's announcement in each language it has a title in. */
export async function announceEvent(trx: Executor, id: number, deps: AnnounceDeps): Promise<number> {
  const e = await trx.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e || !isPublic(e, deps.now)) return 0;
  let n = 0;
  for (const lang of LOCALES) {
    const title = e[`title_${lang}`];
    if (!title) continue;
    const t = translator(lang);
    const when = t('events.when_value', {
      start: formatDateTime(lang, e.starts_at),
      end: formatDateTime(lang, e.ends_at),
    });
    const text = [
      `${t('events.when')}: ${when}`,
      `${t('events.venue')}: ${e.venue}`,
      e.schedule ? `${t('events.schedule')}:\n${e.schedule}` : '',
      e[`description_${lang}`] ?? '',
    ]
      .filter(Boolean)
      .join('\n\n');
    n += await announceToSubscribers(
      trx,
      { topic: 'events', language: lang, subject: title, text: clip(text), url: `${deps.publicUrl}/events/${e.id}` },
      deps,
    );
  }
  return n;
}

/** Announces now (inside the publishing transaction) or enqueues the job for the scheduled time. */
export async function announceWhenPublic(
  trx: Executor,
  p: AnnouncePayload & { scheduled: boolean },
  deps: AnnounceDeps,
): Promise<void> {
  if (!p.scheduled) {
    if (p.type === 'statement') await announceStatement(trx, p.id, deps);
    else await announceEvent(trx, p.id, deps);
    return;
  }
  const payload: AnnouncePayload = { type: p.type, id: p.id, at: p.at };
  await enqueueJob(trx, {
    kind: 'statements.announce',
    payload,
    runAt: new Date(p.at),
    dedupeKey: `statements.announce:${p.type}:${p.id}:${p.at}`,
    now: deps.now,
  });
}

/** The job: announce once, if the record is still due at the time it was scheduled for. */
export async function runScheduledAnnouncement(db: Db, payload: AnnouncePayload, deps: AnnounceDeps): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom(payload.type === 'statement' ? 'statement' : 'event')
      .select('published_at')
      .where('id', '=', payload.id)
      .executeTakeFirst();
    if (!row || row.published_at !== payload.at) return 0;
    return payload.type === 'statement'
      ? announceStatement(trx, payload.id, deps)
      : announceEvent(trx, payload.id, deps);
  });
}

/** Scheduled announcements, as the manifest declares the job. */
export const announceJob = defineJob<AnnouncePayload>('statements.announce', async (payload, ctx) => {
  await runScheduledAnnouncement(ctx.db, payload, {
    cipher: ctx.services.cipher,
    publicUrl: ctx.services.config.publicUrl,
    now: ctx.now,
  });
});
