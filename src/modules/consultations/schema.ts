/** Input schemas of the consultation forms (validated at the edge, STYLE.md §7). */
import { Type } from '@sinclair/typebox';
import { formSchema } from '../../platform/http/validation.js';

/** Limits, with the reason: a comment is a paragraph's worth of argument, not a second draft. */
export const COMMENT_MAX = 10_000;
export const REPLY_MAX = 5_000;
/** A long code (the Criminal Code is ~1.2 MB of text) fits; the body limit (1 MB) applies first. */
export const DRAFT_TEXT_MAX = 900_000;
export const DRAFT_FILE_MAX = 5 * 1024 * 1024;
export const MINUTES_FILE_MAX = 512 * 1024;

const date = Type.String({ format: 'date' });
const stance = Type.Union([Type.Literal('support'), Type.Literal('oppose'), Type.Literal('neutral')]);
const commentFormat = Type.Union([Type.Literal('text'), Type.Literal('markdown')]);
const checkbox = Type.Optional(Type.Literal('1'));

export const consultationForm = formSchema({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  body: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.String({ minLength: 1, maxLength: 5000 }),
  official_url: Type.String({ maxLength: 1000 }),
  opens_on: date,
  closes_on: date,
});

export const commentForm = formSchema({
  body: Type.String({ minLength: 1, maxLength: COMMENT_MAX }),
  format: commentFormat,
  stance,
  proposed_wording: Type.String({ maxLength: COMMENT_MAX }),
  show_name: checkbox,
});

export const replyForm = formSchema({
  body: Type.String({ minLength: 1, maxLength: REPLY_MAX }),
  format: commentFormat,
  show_name: checkbox,
});

export const flagForm = formSchema({ reason: Type.String({ maxLength: 500 }) });

export const answerForm = formSchema({
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('partly_accepted'), Type.Literal('rejected')]),
  reasons: Type.String({ minLength: 1, maxLength: 5000 }),
});

export const moderateForm = formSchema({
  action: Type.Union([Type.Literal('hide'), Type.Literal('restore')]),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

export const drafterForm = formSchema({ email: Type.String({ format: 'email', maxLength: 254 }) });
export const reportForm = formSchema({ conclusion: Type.String({ maxLength: 20_000 }) });
export const emptyForm = formSchema({});

/** Fields of the multipart forms (checked by hand after streaming; see routes-manage.tsx). */
export const versionFields = formSchema({
  text: Type.String({ maxLength: DRAFT_TEXT_MAX }),
  format: Type.Union([Type.Literal('text'), Type.Literal('markdown')]),
  change_note: Type.String({ maxLength: 2000 }),
});

export const hearingFields = formSchema({
  held_on: date,
  place: Type.String({ minLength: 1, maxLength: 500 }),
  participants: Type.String({ pattern: '^[0-9]{1,6}$' }),
  minutes: Type.String({ maxLength: MINUTES_FILE_MAX }),
});
