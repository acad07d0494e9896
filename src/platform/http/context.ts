/** What every request carries once the platform plugins have run. */
import type { Locale } from '../i18n/locales.js';
import type { T } from '../i18n/translate.js';
import type { Actor, PolicyAction } from '../policy/policy.js';

export interface CurrentUser extends Actor {
  email: string;
  displayName: string;
  locale: string | null;
  totpEnabled: boolean;
}

export interface SessionInfo {
  tokenHash: string;
  stage: 'full' | 'totp' | 'enrol';
  createdAt: string;
  reauthAt: string | null;
}

export interface RequestContext {
  /** the signed-in user (stage 'full' only), or null */
  user: CurrentUser | null;
  /** the session, including unfinished two-step sign-ins */
  session: SessionInfo | null;
  /** the user whose sign-in is in progress (stage 'totp' or 'enrol') */
  pendingUserId: number | null;
  sessionExpired: boolean;
  viaApiToken: boolean;
  locale: Locale;
  t: T;
  csrfToken: string;
  /** the path being served, for the language switcher's return address */
  path: string;
}

export interface RouteConfig {
  /** the policy action this route checks (required on every route; see route-inventory test) */
  policy: string;
  /** API routes authenticate with bearer tokens and answer JSON */
  api?: boolean;
  /** responses never cached, even for anonymous visitors */
  confidential?: boolean;
  /** allowed while the session is in the TOTP enrolment stage */
  enrolment?: boolean;
  /**
   * No CSRF token or Origin check on this POST. Only for a route whose URL carries its own secret
   * token that is the whole authorization (RFC 8058 one-click unsubscribe: mail providers POST to
   * the List-Unsubscribe URL without cookies or a form token); a forger needs that token anyway.
   */
  csrfExempt?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** the permission the route checks (a typed action name: a typo does not compile) */
    policy?: PolicyAction;
    api?: boolean;
    confidential?: boolean;
    enrolment?: boolean;
    csrfExempt?: boolean;
  }
}
