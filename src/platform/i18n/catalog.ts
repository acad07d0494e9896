/**
 * The message catalogue: one ICU MessageFormat file per language, `locales/ky.json`,
 * `locales/ru.json`, `locales/en.json` (keys sorted; docs/translating.md is the translators' guide).
 * The JSON is bundled with the code (no file is read at run time). The key type comes from the
 * English file, so asking for a key that is not there does not compile; test/platform/i18n-catalogue.test.ts checks
 * that the three files have the same keys and that every message parses.
 */
import ky from '../../../locales/ky.json' with { type: 'json' };
import ru from '../../../locales/ru.json' with { type: 'json' };
import en from '../../../locales/en.json' with { type: 'json' };
import type { Locale } from './locales.js';

export type MessageKey = keyof typeof en & string;

/** Each language's messages by key, as written in its JSON file. */
export const catalog: Record<Locale, Readonly<Record<string, string>>> = { ky, ru, en };
