/**
 * The public JSON API of published appeals: search and the newest published appeals. Anonymous
 * clients may use it; every answer goes through the same visibility rule as the pages. (A body's
 * statistics are the stats module's: stats/routes-api.ts.)
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { APPEAL_KINDS } from '../appeals/index.js';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import { latestPublished } from './queries.js';
import { MAX_QUERY, searchPublic, statusGroup, WINDOW } from './search.js';
import { MAX_ID } from '../../platform/http/validation.js';
import { redactionApiRoutes } from './routes-redaction-api.js';

const Kind = Type.Union(APPEAL_KINDS.map((k) => Type.Literal(k)));

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
  const { db, config } = app.achyk;
  await app.register(redactionApiRoutes);

  app.get<{
    Querystring: {
      q?: string;
      page?: number;
      body?: number;
      kind?: string;
      status?: 'open' | 'answered' | 'closed';
      territory?: number;
      year?: number;
    };
  }>(
    '/api/v1/search',
    {
      config: { policy: 'publication.public', api: true },
      schema: {
        summary: 'Search published appeals, answers and documents',
        description:
          'Folded search (Latin transliteration, н/ң, о/ө, у/ү, ё/е). Snippets are redacted text; `marks` are the matching words.',
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
            more: Type.Boolean({
              description: `more texts matched than the ${WINDOW} newest read: refine the query or filter`,
            }),
            page: Type.Integer(),
            pages: Type.Integer(),
            hits: Type.Array(
              Type.Object({
                appealId: Type.Integer(),
                url: Type.String(),
                type: Type.String(),
                title: Type.String(),
                snippet: Type.String(),
                marks: Type.Array(Type.String()),
                bodyId: Type.Integer(),
                kind: Type.String(),
                status: Type.String(),
                year: Type.Integer(),
              }),
            ),
            facets: Type.Record(
              Type.String(),
              Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
            ),
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
        description:
          'Only `published=true` is served here: private appeals are never listed by this route (owners use their own pages).',
        tags: ['publication'],
        querystring: Type.Object(
          {
            published: Type.Literal(true),
            body: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ page: Type.Integer(), appeals: Type.Array(PublicAppeal) }),
          ...apiErrorResponses,
        },
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
