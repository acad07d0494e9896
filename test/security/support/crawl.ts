/**
 * A crawler over `app.inject`: follows every same-site link (href, src, Atom links, URLs in JSON)
 * from its seeds, GET only, as one viewer (cookies of a signed-in agent, plus a bearer token for the
 * API), and hands every answer to a callback. It also collects the GET forms with a search box.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Agent } from '../../support/agent.js';

export interface Fetched {
  url: string;
  status: number;
  /** body plus the headers that can carry content (file names, redirect targets) */
  text: string;
  bytes: number;
}

export interface CrawlOptions {
  app: FastifyInstance;
  agent: Agent | null;
  bearer?: string | null;
  seeds: string[];
  /** stop after this many distinct URLs */
  limit: number;
  publicUrl: string;
}

/** URLs the crawl must not fetch: static assets (no data) and state-changing endpoints reached by GET links (none should exist). */
const SKIP = [/^\/assets\//, /\.css$/];

export async function fetchAs(
  app: FastifyInstance,
  agent: Agent | null,
  bearer: string | null | undefined,
  url: string,
): Promise<Fetched> {
  let res: LightMyRequestResponse;
  if (bearer && url.startsWith('/api/')) {
    res = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${bearer}`, 'accept-language': 'en' },
    });
  } else if (agent) {
    res = await agent.get(url);
  } else {
    res = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
  }
  const headers = ['content-disposition', 'location', 'link', 'x-filename']
    .map((h) => `${h}: ${String(res.headers[h] ?? '')}`)
    .join('\n');
  return { url, status: res.statusCode, text: `${headers}\n${res.body}`, bytes: res.rawPayload.length };
}

/** Same-site paths mentioned by a page or a JSON answer. */
export function linksIn(text: string, publicUrl: string): string[] {
  const out = new Set<string>();
  const add = (raw: string) => {
    let u = raw
      .replace(/&amp;/g, '&')
      .replace(/&#x2F;/gi, '/')
      .trim();
    if (u.startsWith(publicUrl)) u = u.slice(publicUrl.length) || '/';
    if (!u.startsWith('/') || u.startsWith('//')) return;
    u = u.split('#')[0]!;
    if (u === '' || SKIP.some((re) => re.test(u.split('?')[0]!))) return;
    out.add(u);
  };
  for (const m of text.matchAll(/(?:href|src|action)\s*=\s*"([^"]*)"/g)) add(m[1]!);
  for (const m of text.matchAll(/"((?:\/|https?:\/\/)[^"\s<>]*)"/g)) add(m[1]!);
  for (const m of text.matchAll(/<(?:id|uri)>([^<]+)<\/(?:id|uri)>/g)) add(m[1]!);
  for (const m of text.matchAll(/^location: (\/\S*)$/gm)) add(m[1]!);
  return [...out];
}

/** GET forms with a text box named q (search forms): their action URLs. */
export function searchFormsIn(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    if (/method\s*=\s*"post"/i.test(attrs)) continue;
    if (!/name="q"/.test(m[2]!)) continue;
    const action = /action\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (action.startsWith('/')) out.push(action.replace(/&amp;/g, '&').split('?')[0]!);
  }
  return out;
}

/** Breadth-first crawl; `visit` sees every answer. Returns the URLs fetched and the search forms found. */
export async function crawl(
  opts: CrawlOptions,
  visit: (f: Fetched) => void,
): Promise<{ urls: string[]; searchForms: Set<string> }> {
  const seen = new Set<string>();
  const queue = [...opts.seeds];
  const searchForms = new Set<string>();
  while (queue.length > 0 && seen.size < opts.limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const f = await fetchAs(opts.app, opts.agent, opts.bearer, url);
    visit(f);
    if (f.status >= 500) continue;
    for (const action of searchFormsIn(f.text)) searchForms.add(action);
    for (const link of linksIn(f.text, opts.publicUrl)) if (!seen.has(link)) queue.push(link);
  }
  return { urls: [...seen], searchForms };
}

/**
 * The route inventory's GET routes with their parameters filled from real ids (every combination of
 * the first `wide` ids for the first parameter and `narrow` for the others), plus named parameters.
 */
export function inventoryUrls(
  routes: { method: string | string[]; url: string }[],
  ids: number[],
  wide = 8,
  narrow = 4,
): string[] {
  const out: string[] = [];
  const named: Record<string, string[]> = {
    form: ['event', 'person', 'act', 'intervention', 'source', 'involvement', 'evidence', 'link'],
    file: ids.slice(0, narrow).flatMap((n) => [`${n}.atom`, `${n}`]),
  };
  for (const r of routes) {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (!methods.includes('GET') || r.url.startsWith('/assets/')) continue;
    const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    let urls = [r.url];
    params.forEach((p, i) => {
      const values = named[p] ?? ids.slice(0, i === 0 ? wide : narrow).map(String);
      urls = urls.flatMap((u) => values.map((v) => u.replace(`:${p}`, v)));
    });
    out.push(...urls);
  }
  return out;
}
