/**
 * Rendered public pages kept for anonymous visitors: the busiest pages (a published appeal, a body's
 * report card) are the same HTML for every visitor who is not signed in, apart from the CSRF token
 * of the language switcher. A route passes a version string read from the database (what the page
 * shows changes only when that string does); the page is rendered once per URL, language and
 * version. Signed-in users, sessions in the middle of a sign-in and expired sessions always get a
 * fresh rendering (their pages carry their name, menus and messages).
 *
 * Why a version read per request rather than invalidation messages: it is right with several server
 * processes on one PostgreSQL, and a withdrawn publication (version null: the route renders its own
 * 404) can never be answered from here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { sendPage } from './page.js';
import { renderPage } from '../render/render.js';

/** Bytes of HTML kept per server (least recently used dropped first): bounds the memory. */
const MAX_BYTES = 8 * 1024 * 1024;
/** Stands for the visitor's CSRF token in a kept page (never sent: replaced on the way out). */
const TOKEN = '\u0001csrf\u0001';

interface Kept {
  html: string;
  bytes: number;
}
const caches = new WeakMap<object, { pages: Map<string, Kept>; bytes: number }>();

function anonymous(request: FastifyRequest): boolean {
  const { ctx } = request;
  return (
    request.method === 'GET' &&
    !ctx.user &&
    !ctx.session &&
    ctx.pendingUserId === null &&
    !ctx.sessionExpired &&
    ctx.csrfToken.length > 0
  );
}

/**
 * Sends the page `render` makes, from the cache when an anonymous visitor asks for a URL whose
 * `version` has not changed. `version` null: not cacheable (render and send as usual).
 */
export async function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  version: string | null,
  render: () => Promise<VNode> | VNode,
): Promise<FastifyReply> {
  if (version === null || !anonymous(request)) return sendPage(reply, await render());
  let cache = caches.get(request.server);
  if (!cache) caches.set(request.server, (cache = { pages: new Map(), bytes: 0 }));
  const key = `${request.ctx.locale}|${version}|${request.url}`;
  let kept = cache.pages.get(key);
  if (kept) {
    cache.pages.delete(key);
    cache.pages.set(key, kept);
  } else {
    const html = renderPage(await render())
      .split(request.ctx.csrfToken)
      .join(TOKEN);
    kept = { html, bytes: html.length * 2 };
    cache.pages.set(key, kept);
    cache.bytes += kept.bytes;
    while (cache.bytes > MAX_BYTES && cache.pages.size > 1) {
      const [oldest, page] = cache.pages.entries().next().value as [string, Kept];
      cache.pages.delete(oldest);
      cache.bytes -= page.bytes;
    }
  }
  return reply.code(200).type('text/html; charset=utf-8').send(kept.html.split(TOKEN).join(request.ctx.csrfToken));
}
