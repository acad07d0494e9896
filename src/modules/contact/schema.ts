/** Input of the contact form and the inbox actions. Unknown keys are refused (formSchema). */
import { Type } from '@sinclair/typebox';
import { formSchema } from '../../platform/http/validation.js';

export const MESSAGE_MAX = 5000;
export const SUBJECT_MAX = 200;
export const NAME_MAX = 200;

/** The name of the honeypot field: a word form-filling bots like and people never see. */
export const HONEYPOT = 'website';

export const contactForm = formSchema({
  name: Type.Optional(Type.String({ maxLength: NAME_MAX })),
  // An optional address: its format is checked only when given (routes-public.tsx).
  reply_to: Type.Optional(Type.String({ maxLength: 254 })),
  subject: Type.String({ minLength: 1, maxLength: SUBJECT_MAX }),
  message: Type.String({ minLength: 1, maxLength: MESSAGE_MAX }),
  [HONEYPOT]: Type.Optional(Type.String({ maxLength: 2000 })),
  form_token: Type.Optional(Type.String({ maxLength: 200 })),
});

export const emptyForm = formSchema({});
