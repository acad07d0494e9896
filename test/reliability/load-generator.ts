/**
 * A small closed-loop load generator over Node's fetch (keep-alive): `concurrency` virtual users
 * each pick a weighted request, wait for its answer, and go again, until the time or the request
 * budget runs out. Every answer is judged against the status the request expects; latencies are
 * kept whole so the percentiles are exact, not estimated.
 */
export interface LoadRequest {
  name: string;
  weight: number;
  /** statuses that count as a correct answer */
  expect: number[];
  send(signal: AbortSignal): Promise<{ status: number; body: string }>;
}

export interface KindFigures {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface LoadReport {
  seconds: number;
  requests: number;
  /** network failures, timeouts and unexpected statuses (5xx included) */
  errors: number;
  status5xx: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  perSecond: number;
  byKind: Record<string, KindFigures>;
  /** the first few errors, readable */
  samples: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(opts: {
  durationMs: number;
  maxRequests: number;
  concurrency: number;
  timeoutMs?: number;
  requests: LoadRequest[];
}): Promise<LoadReport> {
  const total = opts.requests.reduce((s, r) => s + r.weight, 0);
  const pickOne = () => {
    let x = Math.random() * total;
    for (const r of opts.requests) if ((x -= r.weight) < 0) return r;
    return opts.requests[opts.requests.length - 1]!;
  };
  const all: number[] = [];
  const byKind = new Map<string, { lat: number[]; errors: number; n: number }>();
  let issued = 0;
  let errors = 0;
  let status5xx = 0;
  const samples: string[] = [];
  const started = performance.now();
  const end = started + opts.durationMs;
  const note = (s: string) => {
    if (samples.length < 10) samples.push(s);
  };

  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < end && issued < opts.maxRequests) {
        issued++;
        const r = pickOne();
        const k = byKind.get(r.name) ?? byKind.set(r.name, { lat: [], errors: 0, n: 0 }).get(r.name)!;
        k.n++;
        const t0 = performance.now();
        try {
          const res = await r.send(AbortSignal.timeout(opts.timeoutMs ?? 30_000));
          const ms = performance.now() - t0;
          all.push(ms);
          k.lat.push(ms);
          if (res.status >= 500) status5xx++;
          if (!r.expect.includes(res.status)) {
            errors++;
            k.errors++;
            note(`${r.name}: ${res.status} (expected ${r.expect.join(' or ')}) ${res.body.slice(0, 200)}`);
          }
        } catch (err) {
          errors++;
          k.errors++;
          note(`${r.name}: ${(err as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  all.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    seconds: round(seconds),
    requests: issued,
    errors,
    status5xx,
    p50: round(percentile(all, 50)),
    p90: round(percentile(all, 90)),
    p99: round(percentile(all, 99)),
    max: round(all[all.length - 1] ?? 0),
    perSecond: round(issued / seconds),
    byKind: Object.fromEntries(
      [...byKind].map(([name, k]) => {
        const s = k.lat.sort((a, b) => a - b);
        return [
          name,
          { requests: k.n, errors: k.errors, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)) },
        ];
      }),
    ),
    samples,
  };
}
