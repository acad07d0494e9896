/** Input schemas of the statement and event forms (validated at the edge, STYLE.md §7). */
import { Type } from '@sinclair/typebox';
import { formSchema } from '../../platform/http/validation.js';

/** A statement is a page or two; 100 000 characters leave room for an annex without risking the 1 MB body limit. */
export const BODY_MAX = 100_000;
const opt = (max: number) => Type.String({ maxLength: max });
const time = Type.String({ maxLength: 5 });

export const statementForm = formSchema({
  kind: Type.Union([Type.Literal('statement'), Type.Literal('press_release')]),
  tags: opt(500),
  title_ky: opt(300),
  title_ru: opt(300),
  title_en: opt(300),
  summary_ky: opt(1000),
  summary_ru: opt(1000),
  summary_en: opt(1000),
  body_ky: opt(BODY_MAX),
  body_ru: opt(BODY_MAX),
  body_en: opt(BODY_MAX),
  correction_note: Type.Optional(opt(1000)),
});

export const publishForm = formSchema({
  when: Type.Union([Type.Literal('now'), Type.Literal('schedule')]),
  date: Type.Optional(Type.String({ maxLength: 10 })),
  time: Type.Optional(Type.String({ maxLength: 5 })),
});

export const eventForm = formSchema({
  title_ky: opt(300),
  title_ru: opt(300),
  title_en: opt(300),
  description_ky: opt(10_000),
  description_ru: opt(10_000),
  description_en: opt(10_000),
  date: Type.String({ format: 'date' }),
  start_time: time,
  end_date: Type.String({ maxLength: 10 }),
  end_time: time,
  schedule: opt(5000),
  venue: Type.String({ minLength: 1, maxLength: 500 }),
  participants: opt(5000),
  contacts: opt(2000),
  related: opt(500),
});
