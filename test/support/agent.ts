/**
 * A browser-like client over `app.inject`: keeps cookies, adds the CSRF token to forms, and reads
 * form pages. Tests read like what a person does: get a page, post a form, follow the redirect.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { csrfTokenFor } from '../../src/platform/http/request-context.js';
import { multipartBody, type FilePart } from './multipart.js';

export type { FilePart };

export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
    /** the client address the server sees (to prove it is never logged) */
    readonly remoteAddress?: string,
  ) {}

  private store(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '')
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.remoteAddress,
      headers: { cookie: this.cookieHeader(), ...this.headers, ...headers },
    });
    this.store(res);
    return res;
  }

  /** The CSRF token the server expects with this agent's cookie (fetches a page first if needed). */
  async csrf(): Promise<string> {
    const name = this.app.achyk.cookies.csrf;
    if (!this.cookies.has(name)) await this.get('/');
    return csrfTokenFor(this.app, this.cookies.get(name)!);
  }

  /** Posts a urlencoded form with the CSRF token (pass csrf: false to leave it out). */
  async post(
    url: string,
    form: Record<string, string> = {},
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({
      ...(opts.csrf === false ? {} : { _csrf: await this.csrf() }),
      ...form,
    }).toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload: body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        ...this.headers,
        ...opts.headers,
      },
    });
    this.store(res);
    return res;
  }

  /**
   * Posts a multipart form (text fields and files) as a browser does; the CSRF token travels in the
   * query string, as `PostForm` puts it for multipart forms (pass csrf: false to leave it out).
   */
  async postMultipart(
    url: string,
    fields: Record<string, string> | [string, string][] = {},
    files: FilePart[] = [],
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const { payload, contentType } = multipartBody(fields, files);
    const target =
      opts.csrf === false
        ? url
        : `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(await this.csrf())}`;
    const res = await this.app.inject({
      method: 'POST',
      url: target,
      remoteAddress: this.remoteAddress,
      payload,
      headers: { 'content-type': contentType, cookie: this.cookieHeader(), ...this.headers, ...opts.headers },
    });
    this.store(res);
    return res;
  }
}
