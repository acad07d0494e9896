/** Helpers for routes that answer with an HTML page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { can, type PolicyAction } from '../policy/policy.js';
import { renderPage } from '../render/render.js';
import type { ViewContext } from '../render/view-context.js';

/** The props every view receives about the request (views never touch the request itself). */
export function viewContext(request: FastifyRequest, flash?: string | null): ViewContext {
  const { ctx } = request;
  const services = request.server.achyk;
  return {
    t: ctx.t,
    locale: ctx.locale,
    user: ctx.user ? { displayName: ctx.user.displayName, role: ctx.user.role } : null,
    pending: ctx.pendingUserId !== null,
    csrfToken: ctx.csrfToken,
    path: ctx.path,
    demo: services.demo,
    assets: services.assets,
    can: (action: PolicyAction) => can(ctx.user, action),
    flash: flash ?? null,
  };
}

export function sendPage(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderPage(vnode));
}

/** Redirect after a POST (303, so the browser follows with GET). Only same-site paths are allowed. */
export function redirectTo(reply: FastifyReply, path: string): FastifyReply {
  return reply.redirect(safeNext(path), 303);
}

/**
 * Accepts only a local path ("/x"), never "//evil" or "https://evil", to avoid open redirects. Tabs and
 * line breaks are refused too: browsers strip them, so "/\t/evil" would become "//evil".
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (
    typeof next !== 'string' ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    /[\t\r\n]/.test(next)
  )
    return fallback;
  return next;
}
