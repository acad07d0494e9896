/** Request bodies as clients really send them: urlencoded and multipart, with repeated keys and files. */
import type { LightMyRequestResponse } from 'fastify';
import type { Agent } from '../support/agent.js';
import { multipartBody } from '../support/multipart.js';

export interface FilePart {
  field: string;
  name: string;
  type: string;
  data: Buffer;
}

export function urlencoded(pairs: [string, string][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of pairs) params.append(k, v);
  return params.toString();
}

/** A multipart body; field names and file names go out as given (quotes and CR/LF included). */
export function multipart(pairs: [string, string][], files: FilePart[] = []): { body: Buffer; contentType: string } {
  const { payload, contentType } = multipartBody(
    pairs,
    files.map((f) => ({ field: f.field, filename: f.name, content: f.data, type: f.type })),
  );
  return { body: payload, contentType };
}

/** Posts a form as the agent (its cookies); the CSRF token is given by the caller (or left out). */
export async function postAs(
  agent: Agent,
  p: {
    url: string;
    pairs: [string, string][];
    csrf: string | null;
    encoding: 'urlencoded' | 'multipart';
    files?: FilePart[];
    lang: string;
  },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: agent.cookieHeader(), 'accept-language': p.lang };
  let url = withoutCsrf(p.url);
  let payload: string | Buffer;
  if (p.encoding === 'multipart') {
    // As PostForm does for multipart forms: the token travels in the query string.
    if (p.csrf !== null) url = `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(p.csrf)}`;
    const mp = multipart(p.pairs, p.files);
    payload = mp.body;
    headers['content-type'] = mp.contentType;
  } else {
    payload = urlencoded(p.csrf === null ? p.pairs : [['_csrf', p.csrf], ...p.pairs]);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await agent.app.inject({ method: 'POST', url, payload, headers });
  keepCookies(agent, res);
  return res;
}

/** The URL without a `_csrf` query parameter (multipart forms' actions carry the page's token). */
export function withoutCsrf(url: string): string {
  const [pathname, query] = url.split('?', 2) as [string, string | undefined];
  if (!query) return url;
  const kept = query.split('&').filter((p) => !p.startsWith('_csrf='));
  return kept.length ? `${pathname}?${kept.join('&')}` : pathname;
}

/** Keeps the cookies an answer sets, as a browser does (a rotated session stays usable). */
export function keepCookies(agent: Agent, res: LightMyRequestResponse): void {
  for (const c of res.cookies) {
    if (c.maxAge === 0 || c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
      agent.cookies.delete(c.name);
    else agent.cookies.set(c.name, c.value);
  }
}
