/** Setting and clearing the session cookie (options from cookies.ts). */
import type { FastifyReply } from 'fastify';
import { cookieOptions } from './cookies.js';

export function setSessionCookie(reply: FastifyReply, token: string): void {
  const { cookies, config } = reply.server.achyk;
  reply.setCookie(cookies.session, token, cookieOptions(config.https));
}

export function clearSessionCookie(reply: FastifyReply): void {
  const { cookies, config } = reply.server.achyk;
  reply.clearCookie(cookies.session, cookieOptions(config.https));
}
