/**
 * Creating, editing and publishing events (coordinators). Times are entered in Bishkek time and kept
 * as UTC instants; an event that ends before it starts, a schedule line that is not "HH:MM what", and
 * a related statement that does not exist are field errors, and nothing is written. A change to a
 * public event raises its iCalendar SEQUENCE so calendars that imported it update their copy.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid, type FieldError } from '../../../platform/errors.js';
import { bishkekToUtc, isIsoDate } from '../../calendar/index.js';
import { idOfSlug } from '../slug.js';
import { isPublic } from '../visibility.js';
import { announceWhenPublic, type AnnounceDeps } from './announce.js';
import { publicationMoment, type PublishChoice } from './publish-time.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface EventInput {
  title_ky: string;
  title_ru: string;
  title_en: string;
  description_ky: string;
  description_ru: string;
  description_en: string;
  date: string;
  start_time: string;
  end_date: string;
  end_time: string;
  schedule: string;
  venue: string;
  participants: string;
  contacts: string;
  related: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const nul = (s: string) => (s.trim() ? s.replace(/\r\n?/g, '\n').trim() : null);
const lines = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

/** "3, /statements/7-title, 12-x" → statement ids; unknown references are field errors. */
async function relatedIds(trx: Executor, text: string, errors: FieldError[]): Promise<number[]> {
  const ids: number[] = [];
  for (const ref of text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const last = ref.replace(/\/+$/, '').split('/').pop() ?? '';
    const id = idOfSlug(last);
    const found =
      id === null ? undefined : await trx.selectFrom('statement').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) {
      errors.push({ field: 'related', message: 'events.error_related', params: { ref: ref.slice(0, 80) } });
      break;
    }
    if (!ids.includes(found.id)) ids.push(found.id);
  }
  return ids;
}

async function checkEvent(trx: Executor, input: EventInput) {
  const errors: FieldError[] = [];
  if (!input.title_ky.trim() && !input.title_ru.trim() && !input.title_en.trim())
    errors.push({ field: 'title_ky', message: 'events.error_title' });
  if (!TIME.test(input.start_time)) errors.push({ field: 'start_time', message: 'statements.error_time' });
  if (!TIME.test(input.end_time)) errors.push({ field: 'end_time', message: 'statements.error_time' });
  const endDate = input.end_date.trim() || input.date;
  if (!isIsoDate(endDate)) errors.push({ field: 'end_date', message: 'validation.date' });
  const startsAt = bishkekToUtc(input.date, input.start_time);
  const endsAt = bishkekToUtc(endDate, input.end_time);
  if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime())
    errors.push({ field: 'end_time', message: 'events.error_ends_before_start' });
  const schedule = lines(input.schedule);
  schedule.split('\n').forEach((l, i) => {
    if (l && !/^([01]\d|2[0-3]):[0-5]\d\s+\S/.test(l) && !errors.some((e) => e.field === 'schedule'))
      errors.push({ field: 'schedule', message: 'events.error_schedule_line', params: { line: i + 1 } });
  });
  const related = await relatedIds(trx, input.related, errors);
  if (errors.length || !startsAt || !endsAt) throw invalid(errors);
  return {
    values: {
      title_ky: nul(input.title_ky),
      title_ru: nul(input.title_ru),
      title_en: nul(input.title_en),
      description_ky: nul(input.description_ky),
      description_ru: nul(input.description_ru),
      description_en: nul(input.description_en),
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      schedule,
      venue: input.venue.trim(),
      participants: lines(input.participants),
      contacts: input.contacts.replace(/\r\n?/g, '\n').trim(),
    },
    related,
  };
}

async function writeRelated(trx: Executor, eventId: number, ids: number[]): Promise<void> {
  await trx.deleteFrom('event_statement').where('event_id', '=', eventId).execute();
  if (ids.length)
    await trx
      .insertInto('event_statement')
      .values(ids.map((statement_id) => ({ event_id: eventId, statement_id })))
      .execute();
}

export async function createEvent(p: {
  trx: Executor;
  input: EventInput;
  actorId: number;
  now: Date;
}): Promise<number> {
  const { values, related } = await checkEvent(p.trx, p.input);
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('event')
    .values({ ...values, published_at: null, sequence: 0, created_by: p.actorId, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeRelated(p.trx, row.id, related);
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'event.create',
    objectType: 'event',
    objectId: row.id,
    at: p.now,
  });
  return row.id;
}

export async function updateEvent(p: {
  trx: Executor;
  id: number;
  input: EventInput;
  actorId: number;
  now: Date;
}): Promise<void> {
  const before = await p.trx.selectFrom('event').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  const { values, related } = await checkEvent(p.trx, p.input);
  const sequence = before.published_at !== null ? before.sequence + 1 : before.sequence;
  await p.trx
    .updateTable('event')
    .set({ ...values, sequence, updated_at: p.now.toISOString() })
    .where('id', '=', p.id)
    .execute();
  await writeRelated(p.trx, p.id, related);
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'event.update',
    objectType: 'event',
    objectId: p.id,
    data: { sequence },
    at: p.now,
  });
}

/** Publishes an event now or at a scheduled time (which must be in the future). */
export async function publishEvent(p: {
  trx: Executor;
  id: number;
  choice: PublishChoice;
  actorId: number;
  now: Date;
  mail: AnnounceDeps;
}): Promise<{ at: Date; scheduled: boolean }> {
  const e = await p.trx.selectFrom('event').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  if (isPublic(e, p.now)) throw new AppError('conflict', 'statements.error_already_published');
  const moment = publicationMoment(p.choice, p.now);
  if ('errors' in moment) throw invalid(moment.errors);
  const at = moment.at.toISOString();
  await p.trx
    .updateTable('event')
    .set({ published_at: at, updated_at: p.now.toISOString() })
    .where('id', '=', p.id)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: moment.scheduled ? 'event.schedule' : 'event.publish',
    objectType: 'event',
    objectId: p.id,
    data: { at },
    at: p.now,
  });
  await announceWhenPublic(p.trx, { type: 'event', id: p.id, at, scheduled: moment.scheduled }, p.mail);
  return moment;
}
