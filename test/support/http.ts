/** Small helpers for reading HTTP answers in tests. */
import type { LightMyRequestResponse } from 'fastify';

/** Headers that change from one answer to the next (and are not part of the security snapshot). */
const VOLATILE = new Set(['date', 'content-length', 'connection', 'set-cookie', 'keep-alive']);

/** The answer's headers without the volatile ones, sorted by name, for snapshot comparison. */
export function stableHeaders(res: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(
    Object.entries(res.headers)
      .filter(([k]) => !VOLATILE.has(k))
      .map(([k, v]) => [k, String(v)])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The JSON error envelope of the API and of JSON clients. */
export interface ErrorBody {
  error: { code: string; message: string; correlationId: string; fields: { field: string; message: string }[] };
}

export function errorBody(res: LightMyRequestResponse): ErrorBody {
  return res.json() as ErrorBody;
}

/** Things a 5xx or 4xx body must never show: stack frames, SQL, file paths, driver names. */
export const INTERNALS = [
  /\bat .+\(.+:\d+:\d+\)/,
  /\.tsx?:\d+/,
  /\/work\//,
  /node_modules/,
  /\bselect\b.+\bfrom\b/i,
  /\binsert into\b/i,
  /sqlite/i,
  /SqliteError|pg_|ECONNREFUSED/,
];

/** Which of INTERNALS appear in the body (empty when none). */
export function internalsIn(body: string): string[] {
  return INTERNALS.filter((re) => re.test(body)).map(String);
}
