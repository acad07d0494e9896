/**
 * A reporter's follow-up session after entering the receipt: a random 256-bit token in an HttpOnly,
 * SameSite=Strict session cookie (gone when the browser closes), the database holding only its
 * SHA-256 and the report id. It ends after IDLE_MS without activity, on "Leave", and when the report
 * is deleted. So the receipt is typed once per visit and never travels in pages or links.
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../platform/auth/sessions.js';
import type { Executor } from '../../platform/db/database.js';
import { cookieOptions } from '../../platform/http/cookies.js';

export const IDLE_MS = 20 * 60_000;

export function accessCookieName(https: boolean): string {
  return `${https ? '__Host-' : ''}achyk_report`;
}

export async function openAccess(db: Executor, reportId: number, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('anonymous_access')
    .values({
      token_hash: sha256(token),
      report_id: reportId,
      expires_at: new Date(now.getTime() + IDLE_MS).toISOString(),
    })
    .execute();
  return token;
}

export function setAccessCookie(reply: FastifyReply, token: string): void {
  const https = reply.server.achyk.config.https;
  reply.setCookie(accessCookieName(https), token, cookieOptions(https));
}

export function clearAccessCookie(reply: FastifyReply): void {
  const https = reply.server.achyk.config.https;
  reply.clearCookie(accessCookieName(https), cookieOptions(https));
}

export type AccessState = { kind: 'none' } | { kind: 'gone' } | { kind: 'ok'; reportId: number; tokenHash: string };

/**
 * The report this request may follow up on. 'gone' = the session is valid but its report was
 * deleted or expired meanwhile (the reporter is told so); 'none' = no valid session.
 */
export async function loadAccess(request: FastifyRequest, now: Date): Promise<AccessState> {
  const { db, config } = request.server.achyk;
  const token = request.cookies[accessCookieName(config.https)];
  if (!token || !/^[\w-]{43}$/.test(token)) return { kind: 'none' };
  const tokenHash = sha256(token);
  const row = await db
    .selectFrom('anonymous_access')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return { kind: 'none' };
  const report = await db
    .selectFrom('anonymous_report')
    .select('id')
    .where('id', '=', row.report_id)
    .executeTakeFirst();
  if (!report) return { kind: 'gone' };
  await db
    .updateTable('anonymous_access')
    .set({ expires_at: new Date(now.getTime() + IDLE_MS).toISOString() })
    .where('token_hash', '=', tokenHash)
    .execute();
  return { kind: 'ok', reportId: report.id, tokenHash };
}

export async function endAccess(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('anonymous_access').where('token_hash', '=', tokenHash).execute();
}
