/** The language of CLI messages meant for the operator. */
import { isLocale, type Locale } from '../i18n/locales.js';

/** The operator's language from LC_ALL / LANG ("ru_RU.UTF-8" → ru); English otherwise ("C.UTF-8"). */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = (env.LC_ALL || env.LANG || '').split(/[_.]/)[0]?.toLowerCase();
  return isLocale(lang) ? lang : 'en';
}
