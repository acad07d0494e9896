/**
 * Re-authentication for sensitive actions (SECURITY.md: exports of confidential data, role changes,
 * deletions): the password must have been entered in this session within the last 10 minutes.
 */
import type { FastifyRequest } from 'fastify';

export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

export function recentlyAuthenticated(request: FastifyRequest): boolean {
  const at = request.ctx.session?.reauthAt;
  return !!at && request.server.achyk.now().getTime() - Date.parse(at) <= REAUTH_WINDOW_MS;
}

/** Where to send the user to confirm the password, coming back to `back` afterwards. */
export function reauthUrl(back: string): string {
  return `/reauth?next=${encodeURIComponent(back)}`;
}
