/**
 * What every fuzzed answer must be: never a 5xx; a refusal is a specific 4xx (a 422 page names the
 * field, a 400 JSON names it too); any generated payload that comes back in HTML comes back inert
 * (escaped); no header carries an injected line; the server logged no error.
 */
import type { LightMyRequestResponse } from 'fastify';

/** Statuses a well-behaved route may answer to bad input (or to good input that happened to be valid). */
export const ALLOWED_STATUS = new Set([200, 201, 204, 302, 303, 400, 401, 403, 404, 409, 413, 415, 422, 429]);

/** Elements that, once present in a page, could run or redirect: the app itself never emits them. */
const FORBIDDEN_TAGS = new Set(['base', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background']);

const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTR = /\s+([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(Number.parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Problems that make an HTML page unsafe: an event-handler attribute, a script-scheme URL, an inline
 * script, a <base>/<iframe>/<meta refresh>, or the XSS marker 7331 inside markup. Escaped text never
 * contains a raw `<`, so scanning the tags is enough.
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  const lower = html.toLowerCase();
  for (const m of html.matchAll(TAG)) {
    const name = m[1]!.toLowerCase();
    const attrs = m[2] ?? '';
    if (FORBIDDEN_TAGS.has(name)) problems.push(`<${name}> element`);
    if (name === 'script') {
      const close = lower.indexOf('</script', m.index! + m[0].length);
      const inner = close < 0 ? '' : html.slice(m.index! + m[0].length, close);
      if (inner.trim() !== '' || !/\ssrc=/.test(attrs)) problems.push('inline <script>');
    }
    if (name === 'meta' && /http-equiv/i.test(attrs)) problems.push('<meta http-equiv>');
    for (const a of attrs.matchAll(ATTR)) {
      const attr = a[1]!.toLowerCase();
      const value = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      if (attr.startsWith('on')) problems.push(`${attr}= attribute on <${name}>`);
      if (attr.includes('7331') || name.includes('7331')) problems.push(`marker inside markup: <${name} ${attr}>`);
      const scheme = /^[\s\u0000-\u001f]*([a-z]+):/i.exec(value.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
      // data: URLs are fine for the layout's icon and inline images; nowhere a user could be sent to.
      if (
        URL_ATTRS.has(attr) &&
        (scheme === 'javascript' || scheme === 'vbscript' || (scheme === 'data' && name !== 'link' && name !== 'img'))
      )
        problems.push(`${attr}="${value.slice(0, 40)}" on <${name}>`);
    }
  }
  return problems;
}

function isHtml(res: LightMyRequestResponse): boolean {
  return String(res.headers['content-type'] ?? '').startsWith('text/html');
}
function isJson(res: LightMyRequestResponse): boolean {
  return String(res.headers['content-type'] ?? '').startsWith('application/json');
}

/** Why this answer is wrong, or null when it is fine. `api` routes must answer JSON errors. */
export function checkResponse(res: LightMyRequestResponse, opts: { api: boolean }): string | null {
  const status = res.statusCode;
  if (status >= 500) return `${status} server error: ${res.body.slice(0, 200)}`;
  if (!ALLOWED_STATUS.has(status)) return `unexpected status ${status}`;
  for (const [name, value] of Object.entries(res.headers)) {
    if (name.startsWith('x-fuzz') || name === 'bcc') return `injected header ${name}`;
    if (/[\r\n]/.test(String(value))) return `header ${name} carries a line break`;
  }
  if (status >= 400) {
    if (opts.api && !isJson(res)) return `API refusal ${status} is not JSON (${String(res.headers['content-type'])})`;
    if (isJson(res)) {
      let body: { error?: { code?: string; message?: string; fields?: { field: string; message: string }[] } };
      try {
        body = JSON.parse(res.body) as typeof body;
      } catch {
        return `${status} JSON answer does not parse`;
      }
      if (!body.error?.code || !body.error.message) return `${status} JSON answer without error code and message`;
      if (body.error.code === 'invalid' && !(body.error.fields ?? []).length)
        return `${status} "invalid" without any field named`;
      if ((body.error.fields ?? []).some((f) => !f.field || !f.message))
        return `${status} field error without field or message`;
    } else if (status === 422 && isHtml(res)) {
      if (!/class="error-summary"|class="error-details"|aria-invalid="true"|class="error"/.test(res.body))
        return '422 page names no field';
    }
  }
  if (isHtml(res)) {
    const unsafe = unsafeMarkup(res.body);
    if (unsafe.length) return `unsafe HTML: ${[...new Set(unsafe)].slice(0, 3).join('; ')}`;
  }
  return null;
}

/** Error-level (or worse) lines the server logged since `from`. */
export function errorLogs(logs: string[], from: number): string[] {
  return logs.slice(from).filter((l) => /"level":(5\d|6\d)/.test(l));
}
