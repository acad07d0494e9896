import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../platform/i18n/locales.js';
import { formSchema } from '../../platform/http/validation.js';

/** The language switcher in the layout: a language and the page to return to. */
export const languageForm = formSchema({
  lang: Type.Union(LOCALES.map((l) => Type.Literal(l))),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
});
