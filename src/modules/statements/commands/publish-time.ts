/** The moment chosen in a "publish now / schedule" form (pure). */
import type { FieldError } from '../../../platform/errors.js';
import { bishkekToUtc, isIsoDate } from '../../calendar/index.js';

export interface PublishChoice {
  when: 'now' | 'schedule';
  date?: string;
  time?: string;
}

/** `now`, or the scheduled Bishkek date and time as a UTC instant; a time in the past is an error. */
export function publicationMoment(
  c: PublishChoice,
  now: Date,
): { at: Date; scheduled: boolean } | { errors: FieldError[] } {
  if (c.when === 'now') return { at: now, scheduled: false };
  const errors: FieldError[] = [];
  const date = c.date?.trim() ?? '';
  const time = c.time?.trim() ?? '';
  if (!date) errors.push({ field: 'date', message: 'validation.required' });
  else if (!isIsoDate(date)) errors.push({ field: 'date', message: 'validation.date' });
  if (!time) errors.push({ field: 'time', message: 'validation.required' });
  else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.push({ field: 'time', message: 'statements.error_time' });
  if (errors.length) return { errors };
  const at = bishkekToUtc(date, time)!;
  if (at.getTime() <= now.getTime()) return { errors: [{ field: 'date', message: 'statements.error_schedule_past' }] };
  return { at, scheduled: true };
}
