/**
 * Runs fast-check over one endpoint and keeps the figures every suite prints at the end (endpoints,
 * inputs tried, failures). A failing input is recorded, not thrown, so one bad endpoint does not hide
 * the others; the suite fails afterwards, listing the first failure of each endpoint with the seed
 * and input to reproduce it.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { checkResponse, errorLogs } from './check.js';
import type { World } from './world.js';

/** Inputs per endpoint: FUZZ_RUNS (10,000 in `npm run test:fuzz`), a bounded default in `npm test`. */
export function runsPerEndpoint(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** FUZZ_ONLY=<regex>: fuzz only the endpoints ("METHOD /pattern") it matches (to replay or to go deep on a few). */
export function selected(endpoint: string): boolean {
  const only = process.env.FUZZ_ONLY;
  return !only || new RegExp(only).test(endpoint);
}

/**
 * The seed of this run: FUZZ_SEED to replay one; under CI=true a fixed seed, so that the gate a change
 * must pass is the same on every run (a random failure there would block an unrelated change); else
 * random, so that every local run explores new inputs (printed with the figures, to be replayed).
 */
const CI_SEED = 20261128;
export const SEED =
  Number.isInteger(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED
    ? Number(process.env.FUZZ_SEED)
    : process.env.CI === 'true'
      ? CI_SEED
      : Math.floor(Math.random() * 2 ** 31);

/** A seed per endpoint derived from the run's seed, so endpoints do not all draw the same sequence. */
export function endpointSeed(endpoint: string): number {
  let h = SEED;
  for (const c of endpoint) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

export interface Failure {
  endpoint: string;
  problem: string;
  input: string;
}

export class Tally {
  endpoints = 0;
  inputs = 0;
  failures: Failure[] = [];
  readonly started = Date.now();
  constructor(readonly suite: string) {}

  /** The figures line (printed through the test runner's diagnostics and to stdout). */
  summary(): string {
    const byEndpoint = new Set(this.failures.map((f) => f.endpoint));
    return `fuzz figures [${this.suite}]: ${this.endpoints} endpoints, ${this.inputs} inputs tried, ${this.failures.length} failures (${byEndpoint.size} endpoints), seed ${SEED}, ${((Date.now() - this.started) / 1000).toFixed(1)} s`;
  }

  /** The first failure of each endpoint, for the assertion message. */
  report(): string {
    const first = new Map<string, Failure>();
    for (const f of this.failures)
      if (!first.has(`${f.endpoint} ${f.problem.slice(0, 40)}`))
        first.set(`${f.endpoint} ${f.problem.slice(0, 40)}`, f);
    return [...first.values()]
      .slice(0, 40)
      .map((f) => `${f.endpoint}: ${f.problem}\n    input: ${f.input.slice(0, 600)}`)
      .join('\n');
  }
}

function show(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 200
      ? `${v.slice(0, 200)}…(${v.length} chars)`
      : Buffer.isBuffer(v)
        ? `<${v.length} bytes>`
        : v,
  );
}

/**
 * Sends `runs` generated inputs to one endpoint and checks every answer (status, specificity,
 * escaping, injected headers) and the server log (no error-level line).
 */
export async function fuzzEndpoint<T>(p: {
  world: World;
  tally: Tally;
  endpoint: string;
  api: boolean;
  runs: number;
  arbitrary: fc.Arbitrary<T>;
  send: (input: T) => Promise<LightMyRequestResponse>;
  extraCheck?: (input: T, res: LightMyRequestResponse) => string | null;
}): Promise<void> {
  const { world, tally } = p;
  tally.endpoints++;
  let failuresHere = 0;
  await fc.assert(
    fc.asyncProperty(p.arbitrary, async (input) => {
      tally.inputs++;
      const from = world.t.logs.length;
      let problem: string | null;
      try {
        const res = await p.send(input);
        problem = checkResponse(res, { api: p.api }) ?? p.extraCheck?.(input, res) ?? null;
        const errors = errorLogs(world.t.logs, from);
        if (!problem && errors.length) problem = `error logged: ${errors[0]!.slice(0, 300)}`;
      } catch (err) {
        problem = `request threw: ${(err as Error).message}`;
      }
      // Keep at most a few failures of one endpoint: the first shows the defect, the count shows its reach.
      if (problem) {
        failuresHere++;
        if (failuresHere <= 5) tally.failures.push({ endpoint: p.endpoint, problem, input: show(input) });
        else tally.failures.push({ endpoint: p.endpoint, problem: '(more of the same)', input: '' });
      }
    }),
    { numRuns: p.runs, seed: endpointSeed(p.endpoint), endOnFailure: true },
  );
}
