/** Input of the subscription forms. Unknown keys are refused (formSchema). */
import { Type } from '@sinclair/typebox';
import { formSchema } from '../../platform/http/validation.js';

export const subscribeForm = formSchema({
  email: Type.String({ format: 'email', maxLength: 254 }),
  language: Type.Union([Type.Literal('ky'), Type.Literal('ru'), Type.Literal('en')]),
  topic_statements: Type.Optional(Type.Literal('1')),
  topic_events: Type.Optional(Type.Literal('1')),
});

export const confirmForm = formSchema({
  token: Type.String({ minLength: 1, maxLength: 100 }),
});

/** The RFC 8058 one-click body is `List-Unsubscribe=One-Click`; the page's own button sends only the CSRF token. */
export const unsubscribeForm = formSchema({
  'List-Unsubscribe': Type.Optional(Type.Literal('One-Click')),
});
