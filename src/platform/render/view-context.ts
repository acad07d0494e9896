/** What a view may know about the request: passed as props, so views stay pure (STYLE.md §9). */
import type { Locale } from '../i18n/locales.js';
import type { T } from '../i18n/translate.js';
import type { PolicyAction } from '../policy/policy.js';

export interface ViewUser {
  displayName: string;
  role: string;
}

export interface ViewContext {
  t: T;
  locale: Locale;
  user: ViewUser | null;
  /** a user in the middle of a two-step sign-in (shows the sign-out button) */
  pending: boolean;
  csrfToken: string;
  path: string;
  demo: boolean;
  /** asset URLs with content hashes, e.g. { css: '/assets/app.3f2a….css' } */
  assets: { css: string; js: string };
  can: (action: PolicyAction) => boolean;
  flash?: string | null;
}
