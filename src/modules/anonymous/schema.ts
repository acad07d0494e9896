/** Input schemas of the anonymous channel's forms (validated at the edge, unknown fields refused). */
import { Type } from '@sinclair/typebox';
import { formSchema, RecordIdString } from '../../platform/http/validation.js';
import { CONSENT_PARTS, REPORT_STATES, TOPICS } from './tables.js';

const topic = Type.Union(TOPICS.map((t) => Type.Literal(t)));
const optionalId = Type.Optional(Type.Union([Type.Literal(''), RecordIdString()]));
const checkbox = Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('on')]));

export const MAX_WHAT = 10_000;
export const MAX_MESSAGE = 5_000;

const reportFields = {
  topic,
  body_id: optionalId,
  what: Type.String({ minLength: 1, maxLength: MAX_WHAT }),
  when: Type.Optional(Type.String({ maxLength: 500 })),
  where: Type.Optional(Type.String({ maxLength: 500 })),
};

/** Step 1: topic, institution search, what/when/where. `action` is the button pressed. */
export const stepOneForm = formSchema({
  topic: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  body_id: optionalId,
  what: Type.Optional(Type.String({ maxLength: MAX_WHAT })),
  when: Type.Optional(Type.String({ maxLength: 500 })),
  where: Type.Optional(Type.String({ maxLength: 500 })),
  action: Type.Optional(Type.Union([Type.Literal('find'), Type.Literal('continue')])),
});

/** Step 1 when continuing: the same fields, now required where they must be. */
export const stepOneComplete = formSchema({
  ...reportFields,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 20 })),
});

/** Step 2 (multipart, the CSRF token travels in the query string): the report, consent, files. */
export const sendForm = formSchema({
  ...reportFields,
  form_token: Type.String({ pattern: '^[\\w-]{43}$' }),
  ...Object.fromEntries(CONSENT_PARTS.map((p) => [`consent_${p}`, checkbox])),
});

export const followForm = formSchema({ receipt: Type.String({ maxLength: 100 }) });
export const replyForm = formSchema({ message: Type.String({ minLength: 1, maxLength: MAX_MESSAGE }) });
export const consentForm = formSchema(Object.fromEntries(CONSENT_PARTS.map((p) => [`consent_${p}`, checkbox])));
export const deleteForm = formSchema({ confirm: Type.Union([Type.Literal('1'), Type.Literal('on')]) });

export const triageForm = formSchema({ state: Type.Union(REPORT_STATES.map((s) => Type.Literal(s))) });
export const assignForm = formSchema({ assignee: optionalId });
export const staffMessageForm = formSchema({ message: Type.String({ minLength: 1, maxLength: MAX_MESSAGE }) });
export const keepForm = formSchema({ keep: Type.Union([Type.Literal('1'), Type.Literal('0')]) });
const partBoxes = Object.fromEntries(CONSENT_PARTS.map((p) => [`part_${p}`, checkbox]));
export const convertCaseForm = formSchema(partBoxes);
export const convertAppealForm = formSchema({ ...partBoxes, body_id: RecordIdString() });
