/**
 * Loopback HTTP clients for the reliability suites, over Node's fetch (undici, keep-alive):
 * a browser-like client (cookies, the CSRF token read from a page, redirects not followed) and
 * an API client with a bearer token. Nothing here retries: every answer counts as it came.
 */
import { totpCode } from '../../src/platform/auth/totp.js';
import type { Account } from './site.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

async function answer(res: Response): Promise<Answer> {
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A signed-in person's browser without JavaScript: cookies, forms with the CSRF token. */
export class BrowserClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    path: string,
    init: { body?: string | FormData; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<Answer> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      body: init.body,
      redirect: 'manual',
      signal: init.signal,
      headers: { cookie: this.cookieHeader(), ...init.headers },
    });
    this.store(res);
    return answer(res);
  }

  get(path: string, signal?: AbortSignal): Promise<Answer> {
    return this.request('GET', path, { signal });
  }

  /** The CSRF token of this browser's cookie, read from a form page like a person's browser would. */
  async csrf(): Promise<string> {
    if (this.csrfToken) return this.csrfToken;
    const page = await this.get('/login');
    const m = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!m) throw new Error(`no CSRF token on /login (status ${page.status})`);
    this.csrfToken = m[1]!;
    return this.csrfToken;
  }

  async postForm(path: string, fields: Record<string, string>, signal?: AbortSignal): Promise<Answer> {
    const body = new URLSearchParams({ _csrf: await this.csrf(), ...fields }).toString();
    return this.request('POST', path, {
      body,
      signal,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** A multipart upload; the token goes in the query string, as the upload forms put it. */
  async postMultipart(path: string, form: FormData, signal?: AbortSignal): Promise<Answer> {
    const sep = path.includes('?') ? '&' : '?';
    return this.request('POST', `${path}${sep}_csrf=${encodeURIComponent(await this.csrf())}`, { body: form, signal });
  }

  /** Signs in through the real forms (password, then the TOTP code when the account has one). */
  async signIn(account: Account): Promise<void> {
    const res = await this.postForm('/login', { email: account.email, password: account.password });
    if (res.status !== 303) throw new Error(`sign-in of ${account.email} failed: ${res.status}`);
    if (res.headers.get('location') === '/login/totp') {
      if (!account.totpSecret) throw new Error('the server asks for a TOTP code but the account has none');
      const r2 = await this.postForm('/login/totp', { code: totpCode(account.totpSecret, new Date()) });
      if (r2.status !== 303) throw new Error(`TOTP step of ${account.email} failed: ${r2.status}`);
    }
  }
}

/** The JSON API with a bearer token. */
export async function api(
  base: string,
  token: string | null,
  method: string,
  path: string,
  json?: unknown,
  signal?: AbortSignal,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
    redirect: 'manual',
    signal,
  });
  return answer(res);
}
