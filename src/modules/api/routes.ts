/** The JSON API skeleton: health, the OpenAPI document, and who the token belongs to. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { ApiErrorSchema } from '../../platform/http/api-errors.js';

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const { db, conn } = app.achyk;

  app.get(
    '/api/v1/health',
    {
      config: { policy: 'public', api: true },
      schema: {
        summary: 'Health check: the server answers and the database is reachable',
        tags: ['system'],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: conn.dialect };
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { policy: 'api.token', api: true },
      schema: {
        summary: 'The account the API token belongs to',
        tags: ['accounts'],
        security: [{ bearer: [] }],
        response: {
          200: Type.Object({ id: Type.Integer(), displayName: Type.String(), role: Type.String() }),
          401: ApiErrorSchema,
        },
      },
    },
    async (request) => {
      const u = request.ctx.user;
      if (!u) throw new AppError('unauthenticated');
      return { id: u.id, displayName: u.displayName, role: u.role };
    },
  );

  app.get('/api/v1/openapi.json', { config: { policy: 'public', api: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
