/**
 * Cookie names and options in one place. Under HTTPS the `__Host-` prefix pins the cookie to our
 * host, path / and Secure (SECURITY.md "Sessions").
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export interface CookieNames {
  session: string;
  csrf: string;
  lang: string;
}

export function cookieNames(https: boolean): CookieNames {
  const p = https ? '__Host-' : '';
  return { session: `${p}achyk_session`, csrf: `${p}achyk_csrf`, lang: `${p}achyk_lang` };
}

export function cookieOptions(https: boolean, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: https,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
