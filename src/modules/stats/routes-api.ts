/**
 * The statistics API: a body's report card as JSON, for anonymous clients, from the same figures as
 * the report-card page (cached until the statistics version changes).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import { APPEAL_KINDS } from '../appeals/index.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { findBodyById } from '../directory/index.js';
import type { Figures } from './figures.js';
import { parsePeriod } from './period.js';
import { cachedReportCard } from './queries.js';
import { lastRefresh } from './refresh.js';

const Kind = Type.Union(APPEAL_KINDS.map((k) => Type.Literal(k)));
const Month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'YYYY-MM' });
const RateSchema = Type.Object({
  x: Type.Integer(),
  n: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]),
  low: Type.Union([Type.Number(), Type.Null()]),
  high: Type.Union([Type.Number(), Type.Null()]),
});
const FiguresSchema = Type.Object({
  received: Type.Integer(),
  answered: Type.Integer(),
  onTimeRate: RateSchema,
  medianWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
  p90WorkingDays: Type.Union([Type.Integer(), Type.Null()]),
});
const fig = (f: Figures): Static<typeof FiguresSchema> => ({
  received: f.received,
  answered: f.answered,
  onTimeRate: f.onTimeRate,
  medianWorkingDays: f.median,
  p90WorkingDays: f.p90,
});

export async function statsApiRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  app.get<{
    Params: { id: number };
    Querystring: { from?: string; to?: string; kind?: (typeof APPEAL_KINDS)[number] };
  }>(
    '/api/v1/stats/bodies/:id',
    {
      config: { policy: 'stats.read', api: true },
      schema: {
        summary: 'A body’s report card',
        description:
          'Computed from all sent appeals whose owners allow statistical use. Rates only from 10 cases, with a 95% Wilson interval; answer times in working days (nearest-rank median and 90th percentile). `from`/`to` are months (default: the last 12).',
        tags: ['statistics'],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false }),
        querystring: Type.Object(
          { from: Type.Optional(Month), to: Type.Optional(Month), kind: Type.Optional(Kind) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            bodyId: Type.Integer(),
            from: Type.String(),
            to: Type.String(),
            updatedAt: Type.Union([Type.String(), Type.Null()]),
            figures: FiguresSchema,
            overdueNow: Type.Integer(),
            byKind: Type.Array(Type.Object({ kind: Type.String(), figures: FiguresSchema })),
            outcomes: Type.Record(Type.String(), Type.Integer()),
            refusalReasons: Type.Record(Type.String(), Type.Integer()),
            trend: Type.Array(
              Type.Object({
                month: Type.String(),
                received: Type.Integer(),
                answered: Type.Integer(),
                onTime: Type.Integer(),
                late: Type.Integer(),
              }),
            ),
          }),
          ...apiErrorResponses,
        },
      },
    },
    async (request) => {
      const body = await findBodyById(db, request.params.id);
      if (!body) throw notFound();
      const today = kyrgyzDateOf(now());
      const { period, error, field } = parsePeriod(request.query.from, request.query.to, today);
      if (error) throw new AppError('invalid', 'error.invalid', {}, [{ field: field ?? 'from', message: error }]);
      const card = await cachedReportCard(db, body.id, period, today, request.query.kind);
      return {
        bodyId: body.id,
        from: period.from,
        to: period.to,
        updatedAt: await lastRefresh(db),
        figures: fig(card.figures),
        overdueNow: card.overdueNow,
        byKind: card.byKind.map((k) => ({ kind: k.kind, figures: fig(k.figures) })),
        outcomes: card.totals.outcomes,
        refusalReasons: card.totals.reasons,
        trend: card.trend,
      };
    },
  );
}
