/**
 * One row of a bulk import of appeals (one line of an NDJSON file): what a spreadsheet of appeals
 * sent on paper usually holds. Validated field by field into translated errors, so a file with a
 * mistake is reported line by line and nothing is written (see src/modules/bulk-import).
 */
import type { MessageKey } from '../../platform/i18n/catalog.js';
import { isIsoDate } from '../calendar/index.js';
import {
  APPEAL_KINDS,
  CHANNELS,
  CLASSIFICATIONS,
  LANGUAGES,
  REFUSAL_REASONS,
  type AppealKind,
  type AppealLanguage,
  type Channel,
  type Classification,
  type RefusalReason,
} from './kinds.js';

/** Longest subject and text accepted (the same bounds as the appeal form). */
export const MAX_SUBJECT = 300;
export const MAX_TEXT = 20_000;
export const MAX_EVENTS = 50;

/** Timeline events an import may carry (the ones a paper record can tell). */
export const IMPORT_EVENT_KINDS = [
  'recorded',
  'sent',
  'registered',
  'extended',
  'redirected',
  'answer',
  'classified',
  'closed',
  'note',
  'reminder',
] as const;
export type ImportEventKind = (typeof IMPORT_EVENT_KINDS)[number];

export interface ImportEvent {
  kind: ImportEventKind;
  on_date: string;
  text?: string | null;
}

/** A validated row. The state follows from the dates given (closed > classified > answered > extended > registered > sent). */
export interface ImportAppealRow {
  /** the body's stable directory code, e.g. 'aiyl-okmotu.41708213842000' */
  body: string;
  kind: AppealKind;
  language: AppealLanguage;
  channel: Channel;
  subject: string;
  text: string;
  received_on: string;
  registered_on?: string | null;
  registration_number?: string | null;
  extension_days?: number;
  answered_on?: string | null;
  classification?: Classification | null;
  refusal_reason?: RefusalReason | null;
  closed_on?: string | null;
  events?: ImportEvent[];
  /** publish the (automatically redacted) copy at once */
  publish?: boolean;
}

export interface ImportFieldError {
  line: number;
  field: string;
  message: MessageKey;
  params?: Record<string, string | number>;
}

const FIELDS = new Set([
  'body',
  'kind',
  'language',
  'channel',
  'subject',
  'text',
  'received_on',
  'registered_on',
  'registration_number',
  'extension_days',
  'answered_on',
  'classification',
  'refusal_reason',
  'closed_on',
  'events',
  'publish',
]);
const has = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * Checks one parsed line; returns the row or the field errors. `bodyExists` is asked for the body
 * code (the caller loads the directory once).
 */
export function checkImportRow(
  value: unknown,
  line: number,
  bodyExists: (code: string) => boolean,
): { row: ImportAppealRow | null; errors: ImportFieldError[] } {
  const errors: ImportFieldError[] = [];
  const err = (field: string, message: MessageKey, params?: Record<string, string | number>) =>
    errors.push({ line, field, message, ...(params ? { params } : {}) });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { row: null, errors: [{ line, field: '', message: 'appeals.import.not_object' }] };
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!FIELDS.has(k)) err(k, 'appeals.import.unknown_field');
  const text = (field: string, max: number, required: boolean): string | null => {
    const x = v[field];
    if (x === undefined || x === null || x === '') {
      if (required) err(field, 'appeals.import.required');
      return null;
    }
    if (typeof x !== 'string') return (err(field, 'appeals.import.bad_value'), null);
    if (x.length > max) return (err(field, 'appeals.import.too_long', { max }), null);
    return x;
  };
  const date = (field: string, required: boolean): string | null => {
    const x = v[field];
    if (x === undefined || x === null || x === '') {
      if (required) err(field, 'appeals.import.required');
      return null;
    }
    if (typeof x !== 'string' || !isIsoDate(x)) return (err(field, 'appeals.import.bad_date'), null);
    return x;
  };
  const choice = <T extends string>(field: string, list: readonly T[], required: boolean): T | null => {
    const x = v[field];
    if (x === undefined || x === null || x === '') {
      if (required) err(field, 'appeals.import.required');
      return null;
    }
    if (!has(list, x)) return (err(field, 'appeals.import.bad_value'), null);
    return x;
  };
  const body = text('body', 200, true);
  if (body !== null && !bodyExists(body)) err('body', 'appeals.import.unknown_body');
  const kind = choice('kind', APPEAL_KINDS, true);
  const language = choice('language', LANGUAGES, true);
  const channel = choice('channel', CHANNELS, true);
  const subject = text('subject', MAX_SUBJECT, true);
  const body_text = text('text', MAX_TEXT, true);
  const received = date('received_on', true);
  const registered = date('registered_on', false);
  const answered = date('answered_on', false);
  const closed = date('closed_on', false);
  for (const [field, d] of [
    ['registered_on', registered],
    ['answered_on', answered],
    ['closed_on', closed],
  ] as const)
    if (d && received && d < received) err(field, 'appeals.import.date_order');
  const registrationNumber = text('registration_number', 100, false);
  const classification = choice('classification', CLASSIFICATIONS, false);
  const refusal = choice('refusal_reason', REFUSAL_REASONS, false);
  if (classification === 'refused' && !refusal) err('refusal_reason', 'appeals.import.refusal_needed');
  let extension = 0;
  if (v.extension_days !== undefined && v.extension_days !== null) {
    if (
      typeof v.extension_days !== 'number' ||
      !Number.isInteger(v.extension_days) ||
      v.extension_days < 0 ||
      v.extension_days > 60
    )
      err('extension_days', 'appeals.import.bad_value');
    else extension = v.extension_days;
  }
  if (v.publish !== undefined && typeof v.publish !== 'boolean') err('publish', 'appeals.import.bad_value');
  const events: ImportEvent[] = [];
  if (v.events !== undefined) {
    if (!Array.isArray(v.events)) err('events', 'appeals.import.bad_value');
    else if (v.events.length > MAX_EVENTS) err('events', 'appeals.import.too_many_events', { max: MAX_EVENTS });
    else
      v.events.forEach((e: unknown, i: number) => {
        const f = `events[${i}]`;
        if (typeof e !== 'object' || e === null) return err(f, 'appeals.import.bad_value');
        const ev = e as Record<string, unknown>;
        for (const k of Object.keys(ev))
          if (!['kind', 'on_date', 'text'].includes(k)) err(`${f}.${k}`, 'appeals.import.unknown_field');
        if (!has(IMPORT_EVENT_KINDS, ev.kind)) err(`${f}.kind`, 'appeals.import.bad_value');
        if (typeof ev.on_date !== 'string' || !isIsoDate(ev.on_date)) err(`${f}.on_date`, 'appeals.import.bad_date');
        else if (received && ev.on_date < received) err(`${f}.on_date`, 'appeals.import.date_order');
        if (ev.text !== undefined && ev.text !== null && (typeof ev.text !== 'string' || ev.text.length > MAX_TEXT))
          err(`${f}.text`, 'appeals.import.bad_value');
        if (has(IMPORT_EVENT_KINDS, ev.kind) && typeof ev.on_date === 'string')
          events.push({ kind: ev.kind, on_date: ev.on_date, text: typeof ev.text === 'string' ? ev.text : null });
      });
  }
  if (errors.length || !body || !kind || !language || !channel || !subject || !body_text || !received)
    return { row: null, errors };
  return {
    row: {
      body,
      kind,
      language,
      channel,
      subject,
      text: body_text,
      received_on: received,
      registered_on: registered,
      registration_number: registrationNumber,
      extension_days: extension,
      answered_on: answered,
      classification,
      refusal_reason: refusal,
      closed_on: closed,
      events,
      publish: v.publish === true,
    },
    errors: [],
  };
}

/** The stored state an imported row stands for. */
export function importedState(
  r: ImportAppealRow,
): 'sent' | 'registered' | 'extended' | 'answered' | 'classified' | 'closed' {
  if (r.closed_on) return 'closed';
  if (r.classification) return 'classified';
  if (r.answered_on) return 'answered';
  if ((r.extension_days ?? 0) > 0) return 'extended';
  if (r.registered_on) return 'registered';
  return 'sent';
}
