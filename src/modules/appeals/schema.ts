/**
 * Input schemas of the appeals forms and JSON API. Forms are checked with `parseForm` (422 pages with
 * field errors); JSON by Fastify's Ajv (400 with the same field errors). Dates and e-mail addresses
 * that may be left empty are checked by `checkOptional` so the messages stay specific.
 */
import { Type, type TLiteral, type TUnion } from '@sinclair/typebox';
import type { FieldError } from '../../platform/errors.js';
import { formSchema, isEmail, RecordIdString } from '../../platform/http/validation.js';
import { isIsoDate } from '../calendar/index.js';
import {
  APPEAL_KINDS,
  CHANNELS,
  CLASSIFICATIONS,
  ESCALATION_TARGETS,
  LANGUAGES,
  REFUSAL_REASONS,
  TERM_UNITS,
} from './kinds.js';

function literals<T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);
}

export const kindSchema = literals(APPEAL_KINDS);
export const languageSchema = literals(LANGUAGES);
export const channelSchema = literals(CHANNELS);
export const classificationSchema = literals(CLASSIFICATIONS);
export const refusalSchema = literals(REFUSAL_REASONS);
export const targetSchema = literals(ESCALATION_TARGETS);
export const unitSchema = literals(TERM_UNITS);

const opt = (max: number) => Type.Optional(Type.String({ maxLength: max }));

export const bodyChoiceForm = formSchema({ body_id: RecordIdString() });

export const draftForm = formSchema({
  kind: kindSchema,
  language: languageSchema,
  subject: Type.String({ minLength: 1, maxLength: 300 }),
  text: Type.String({ maxLength: 50_000 }),
  channel: channelSchema,
  to_address: opt(254),
  submitted_on: opt(10),
  registration_number: opt(100),
  registered_on: opt(10),
  person_name: opt(200),
  person_contact: opt(300),
});

export const eventForm = formSchema({
  kind: literals(['register', 'extend', 'redirect', 'answer', 'classify', 'close', 'note'] as const),
  number: opt(100),
  on: opt(10),
  days: opt(4),
  body_id: opt(100),
  text: opt(50_000),
  classification: Type.Optional(Type.Union([Type.Literal(''), classificationSchema])),
  refusal_reason: Type.Optional(Type.Union([Type.Literal(''), refusalSchema])),
});

export const escalateForm = formSchema({ target: targetSchema });
export const emptyForm = formSchema({});

/** Checks optional dates (YYYY-MM-DD, a real day) and e-mail addresses; '' means absent. */
export function checkOptional(
  values: Record<string, string | undefined>,
  dates: string[],
  emails: string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of dates) if (values[f] && !isIsoDate(values[f]!)) errors.push({ field: f, message: 'validation.date' });
  for (const f of emails) if (values[f] && !isEmail(values[f]!)) errors.push({ field: f, message: 'validation.email' });
  return errors;
}
