/**
 * The public JSON API: search, published appeals, and a body's statistics. Anonymous clients may
 * use it; every answer goes through the same visibility rule and figures as the pages.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { APPEAL_KINDS } from '../appeals/kinds.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { apiErrorResponses } from '../api/routes.js';
import { findBodyById } from '../directory/queries.js';
import { parsePeriod } from '../stats/period.js';
import { cachedReportCard } from '../stats/queries.js';
import { lastRefresh } from '../stats/refresh.js';
import type { Figures } from '../stats/figures.js';
import { latestPublished } from './queries.js';
import { MAX_QUERY, searchPublic, statusGroup, WINDOW } from './search.js';
import { MAX_ID } from '../../platform/http/validation.js';
import { redactionApiRoutes } from './routes-redaction-api.js';

const Kind = Type.Union(APPEAL_KINDS.map((k) => Type.Literal(k)));
const Month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'YYYY-MM' });

const RateSchema = Type.Object({ x: Type.Integer(), n: Type.Integer(), rate: Type.Union([Type.Number(), Type.Null()]), low: Type.Union([Type.Number(), Type.Null()]), high: Type.Union([Type.Number(), Type.Null()]) });
const FiguresSchema = Type.Object({ received: Type.Integer(), answered: Type.Integer(), onTimeRate: RateSchema, medianWorkingDays: Type.Union([Type.Integer(), Type.Null()]), p90WorkingDays: Type.Union([Type.Integer(), Type.Null()]) });
const fig = (f: Figures): Static<typeof FiguresSchema> => ({ received: f.received, answered: f.answered, onTimeRate: f.onTimeRate, medianWorkingDays: f.median, p90WorkingDays: f.p90 });

const PublicAppeal = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  bodyId: Type.Integer(),
  kind: Type.String(),
  status: Type.String(),
  receivedOn: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  answeredOn: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.String(),
  subject: Type.String(),
  text: Type.String(),
});

export async function publicationApiRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.achyk;
  await app.register(redactionApiRoutes);

  app.get<{ Params: { id: number }; Querystring: { from?: string; to?: string; kind?: (typeof APPEAL_KINDS)[number] } }>(
    '/api/v1/stats/bodies/:id',
    {
      config: { policy: 'stats.read', api: true },
      schema: {
        summary: 'A body’s report card',
        description:
          'Computed from all sent appeals whose owners allow statistical use. Rates only from 10 cases, with a 95% Wilson interval; answer times in working days (nearest-rank median and 90th percentile). `from`/`to` are months (default: the last 12).',
        tags: ['statistics'],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false }),
        querystring: Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month), kind: Type.Optional(Kind) }, { additionalProperties: false }),
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
            trend: Type.Array(Type.Object({ month: Type.String(), received: Type.Integer(), answered: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() })),
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

  app.get<{ Querystring: { q?: string; page?: number; body?: number; kind?: string; status?: 'open' | 'answered' | 'closed'; territory?: number; year?: number } }>(
    '/api/v1/search',
    {
      config: { policy: 'publication.public', api: true },
      schema: {
        summary: 'Search published appeals, answers and documents',
        description: 'Folded search (Latin transliteration, н/ң, о/ө, у/ү, ё/е). Snippets are redacted text; `marks` are the matching words.',
        tags: ['publication'],
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: MAX_QUERY })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
            body: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
            kind: Type.Optional(Kind),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('closed')])),
            territory: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
            year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer({ description: 'appeals found; a lower bound when `more` is true' }),
            more: Type.Boolean({ description: `more texts matched than the ${WINDOW} newest read: refine the query or filter` }),
            page: Type.Integer(),
            pages: Type.Integer(),
            hits: Type.Array(Type.Object({ appealId: Type.Integer(), url: Type.String(), type: Type.String(), title: Type.String(), snippet: Type.String(), marks: Type.Array(Type.String()), bodyId: Type.Integer(), kind: Type.String(), status: Type.String(), year: Type.Integer() })),
            facets: Type.Record(Type.String(), Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }))),
          }),
          ...apiErrorResponses,
        },
      },
    },
    async (request) => {
      const { q, page, ...filters } = request.query;
      const r = await searchPublic(db, q ?? '', filters, page ?? 1);
      return {
        total: r.total,
        more: r.more,
        page: r.page,
        pages: r.pages,
        hits: r.hits.map((h) => ({
          appealId: h.appealId,
          url: `${config.publicUrl}/published/${h.appealId}`,
          type: h.docType,
          title: h.title,
          snippet: h.snippet.map((s) => s.text).join(''),
          marks: h.snippet.filter((s) => s.mark).map((s) => s.text),
          bodyId: h.bodyId,
          kind: h.kind,
          status: h.status,
          year: h.year,
        })),
        facets: r.facets,
      };
    },
  );

  app.get<{ Querystring: { published: boolean; body?: number; page?: number } }>(
    '/api/v1/appeals',
    {
      config: { policy: 'publication.public', api: true },
      schema: {
        summary: 'Published appeals (redacted), newest first',
        description: 'Only `published=true` is served here: private appeals are never listed by this route (owners use their own pages).',
        tags: ['publication'],
        querystring: Type.Object({ published: Type.Literal(true), body: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ page: Type.Integer(), appeals: Type.Array(PublicAppeal) }), ...apiErrorResponses },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const rows = await latestPublished(db, { bodyId: request.query.body, limit: 50, offset: (page - 1) * 50 });
      return {
        page,
        appeals: rows.map((r) => ({
          id: r.id,
          url: `${config.publicUrl}/published/${r.id}`,
          bodyId: r.body_id,
          kind: r.kind,
          status: statusGroup(r.state),
          receivedOn: r.received_on,
          dueDate: r.due_date,
          answeredOn: r.answered_on,
          publishedAt: r.published_at,
          subject: r.subject,
          text: r.text,
        })),
      };
    },
  );
}
