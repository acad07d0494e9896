/**
 * Command-line parameters of `npm run bench:data` and `npm run bench`, checked before anything is
 * opened: an impossible size or an unknown dialect stops with a clear message (exit code 2).
 */
export class UsageError extends Error {}

export interface BenchArgs {
  appeals: number;
  seed: number;
  dialects: ('sqlite' | 'postgres')[];
  /** SQLite file (bench:data) or data directory (bench) */
  db: string | null;
  /** PostgreSQL URL; absent: the bench starts the harness's throw-away server */
  url: string | null;
  /** run against a non-empty database that is not a bench database */
  force: boolean;
  /** seconds of each HTTP load run */
  seconds: number;
  /** reuse an existing bench database of the same size and seed instead of generating it again */
  reuse: boolean;
  /** also write bench/results.json and bench/RESULTS.md */
  record: boolean;
}

const KNOWN = new Set(['appeals', 'seed', 'dialect', 'db', 'url', 'force', 'seconds', 'reuse', 'no-record']);
export const MAX_APPEALS = 50_000_000;

export function parseBenchArgs(argv: string[], defaults: { appeals: number; dialects: string }): BenchArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}" (options start with --)`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (!KNOWN.has(name))
      throw new UsageError(`unknown option --${name}; known: ${[...KNOWN].map((k) => `--${k}`).join(', ')}`);
    if (name === 'force' || name === 'reuse' || name === 'no-record') values.set(name, 'true');
    else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, v);
    }
  }
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return def;
    if (!/^-?\d+$/.test(raw.replace(/_/g, ''))) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
    const n = Number(raw.replace(/_/g, ''));
    if (n < min) throw new UsageError(`--${name} must be at least ${min}, got ${n}`);
    if (n > max) throw new UsageError(`--${name} must be at most ${max}, got ${n}`);
    return n;
  };
  const dialects = (values.get('dialect') ?? defaults.dialects).split(',').map((d) => d.trim());
  for (const d of dialects)
    if (d !== 'sqlite' && d !== 'postgres')
      throw new UsageError(`unknown dialect "${d}"; use sqlite or postgres (or both: sqlite,postgres)`);
  return {
    appeals: int('appeals', defaults.appeals, 1, MAX_APPEALS),
    seed: int('seed', 1, 0, 2 ** 31 - 1),
    dialects: dialects as ('sqlite' | 'postgres')[],
    db: values.get('db') ?? null,
    url: values.get('url') ?? null,
    force: values.has('force'),
    seconds: int('seconds', 5, 1, 600),
    reuse: values.has('reuse'),
    record: !values.has('no-record'),
  };
}
