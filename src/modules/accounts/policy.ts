/**
 * Account rules that depend on the session stage rather than on a signed-in user: TOTP enrolment is
 * reachable by a fully signed-in user or by one whose sign-in stopped at the enrolment stage, and it
 * always acts on the session's own user.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';

/** The user enrolling TOTP in this session, or an error. */
export function enrollingUserId(request: FastifyRequest): number {
  const { ctx } = request;
  if (ctx.user) return ctx.user.id;
  if (ctx.session?.stage === 'enrol' && ctx.pendingUserId !== null) return ctx.pendingUserId;
  throw new AppError('unauthenticated');
}

/** The user half-way through sign-in (password accepted, TOTP code pending), or an error. */
export function totpPendingUserId(request: FastifyRequest): number {
  const { ctx } = request;
  if (ctx.session?.stage === 'totp' && ctx.pendingUserId !== null) return ctx.pendingUserId;
  throw new AppError('session_expired');
}
