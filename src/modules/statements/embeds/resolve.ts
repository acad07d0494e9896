/**
 * Resolves a figure embed to the value the public may see, on the server. Resolution always runs as
 * an anonymous visitor through the policy module, whoever is looking (the editor's preview shows
 * exactly what the public will), and only from what is already public:
 * - `overdue` and `on-time` are the body's report card (src/modules/stats: consenting appeals only;
 *   rates withheld below the stats module's minimum sample);
 * - `cases` counts documented cases (verified or closed) with an act of a violation type in a period:
 *   a count and nothing else, withheld below {@link MIN_CASE_COUNT} so that a small number cannot
 *   point at a person.
 */
import type { Executor } from '../../../platform/db/database.js';
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { can } from '../../../platform/policy/policy.js';
import { isIsoDate, kyrgyzDateOf, yearEndingOn } from '../../calendar/index.js';
import { MIN_SAMPLE } from '../../stats/index.js';
import { parsePeriod } from '../../stats/index.js';
import { cachedReportCard } from '../../stats/index.js';
import { lastRefresh } from '../../stats/index.js';
import type { EmbedSpec, FigureName } from './parse.js';

/**
 * Counts of documented cases below this are shown as "fewer than 5": the usual small-cell rule of
 * statistical offices, so that "1 case of torture in Talas in March" cannot identify a victim.
 */
export const MIN_CASE_COUNT = 5;

/** A resolved figure, as shown (and, when frozen, as stored in statement_embed.figure). */
export type Figure =
  | {
      status: 'value';
      figure: FigureName;
      value: number;
      percent: boolean;
      x?: number;
      n?: number;
      asOf: string;
      source: string;
    }
  | { status: 'withheld'; figure: FigureName; min: number; n?: number; asOf: string; source: string };

export type Resolution =
  { ok: true; figure: Figure } | { ok: false; message: MessageKey; params: Record<string, string> };

const fail = (spec: EmbedSpec, message: MessageKey, extra: Record<string, string> = {}): Resolution => ({
  ok: false,
  message,
  params: { embed: spec.raw, ...extra },
});

/** Resolves one embed at `now`. Never throws for bad input: an unknown body or term is a Resolution error. */
export async function resolveFigure(db: Executor, spec: EmbedSpec, now: Date): Promise<Resolution> {
  const today = kyrgyzDateOf(now);
  if (spec.figure === 'cases') return resolveCases(db, spec, now, today);
  // Body figures are the public report card: the same policy as /stats/bodies/:id, as an anonymous visitor.
  if (!can(null, 'stats.read')) return fail(spec, 'statements.embed_not_public');
  const body = await db.selectFrom('body').select(['id']).where('code', '=', spec.params.body!).executeTakeFirst();
  if (!body) return fail(spec, 'statements.embed_unknown_body', { body: spec.params.body! });
  const { period, error } = parsePeriod(spec.params.from, spec.params.to, today);
  if (error) return fail(spec, 'statements.embed_bad_period');
  const card = await cachedReportCard(db, body.id, period, today);
  const asOf = (await lastRefresh(db)) ?? now.toISOString();
  if (spec.figure === 'overdue')
    return {
      ok: true,
      figure: {
        status: 'value',
        figure: 'overdue',
        value: card.overdueNow,
        percent: false,
        asOf,
        source: `/stats/bodies/${body.id}`,
      },
    };
  const r = card.figures.onTimeRate;
  const source = `/stats/bodies/${body.id}?from=${period.from}&to=${period.to}`;
  if (r.rate === null)
    return { ok: true, figure: { status: 'withheld', figure: 'on-time', min: MIN_SAMPLE, n: r.n, asOf, source } };
  return {
    ok: true,
    figure: {
      status: 'value',
      figure: 'on-time',
      value: Math.round(r.rate * 100),
      percent: true,
      x: r.x,
      n: r.n,
      asOf,
      source,
    },
  };
}

/** The period of a `cases` figure: the given dates, or the twelve months up to today. */
export function casesPeriod(params: Record<string, string>, today: string): { from: string; to: string } | null {
  if (params.from !== undefined && params.to !== undefined) {
    if (!isIsoDate(params.from) || !isIsoDate(params.to) || params.from > params.to) return null;
    return { from: params.from, to: params.to };
  }
  return yearEndingOn(today);
}

async function resolveCases(db: Executor, spec: EmbedSpec, now: Date, today: string): Promise<Resolution> {
  const violation = spec.params.violation!;
  const term = await db
    .selectFrom('thesaurus_term')
    .select('code')
    .where('thesaurus', '=', 'act_type')
    .where('code', '=', violation)
    .executeTakeFirst();
  if (!term) return fail(spec, 'statements.embed_unknown_violation', { violation });
  const period = casesPeriod(spec.params, today);
  if (!period) return fail(spec, 'statements.embed_bad_period');
  const row = await db
    .selectFrom('case_act as a')
    .innerJoin('hr_case as c', 'c.id', 'a.case_id')
    .select((eb) => eb.fn.count<number>('c.id').distinct().as('n'))
    .where('a.act_type', '=', violation)
    .where('a.start_date', '>=', period.from)
    .where('a.start_date', '<=', period.to)
    .where('c.state', 'in', ['verified', 'closed'])
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  const source = `/statements/figures/cases?violation=${encodeURIComponent(violation)}&from=${period.from}&to=${period.to}`;
  const asOf = now.toISOString();
  if (n < MIN_CASE_COUNT)
    return { ok: true, figure: { status: 'withheld', figure: 'cases', min: MIN_CASE_COUNT, asOf, source } };
  return { ok: true, figure: { status: 'value', figure: 'cases', value: n, percent: false, asOf, source } };
}

/** Reads a frozen figure back (null when the stored JSON is not a figure: shown as unavailable). */
export function parseStoredFigure(json: string): Figure | null {
  try {
    const v = JSON.parse(json) as Figure;
    return v &&
      (v.status === 'value' || v.status === 'withheld') &&
      typeof v.asOf === 'string' &&
      typeof v.source === 'string'
      ? v
      : null;
  } catch {
    return null;
  }
}
