/**
 * The identifiable export of one case (JSON with names, for members only, after re-entering the
 * password) and the JSON API. The API never returns identity fields: persons appear by pseudonym.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { redirectTo } from '../../platform/http/page.js';
import { reauthUrl, recentlyAuthenticated } from '../../platform/http/reauth.js';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import { requireCase } from './access-check.js';
import { recordCaseRead } from './commands/access.js';
import { addAct } from './commands/record-act.js';
import { loadCaseDetail, type CaseDetail } from './case-detail.js';
import { listCasesFor } from './queries.js';
import { actJson } from './schema.js';

/** The case without identity fields (names, contacts, ID numbers, addresses, dates of birth). */
export function withoutIdentity(c: CaseDetail) {
  return {
    ...c,
    persons: c.persons.map((p) => ({
      id: p.id,
      pseudonym: p.pseudonym,
      sex: p.sex,
      ageGroup: p.ageGroup,
      groups: p.groups,
    })),
  };
}

const CaseSummary = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  state: Type.String(),
  title: Type.String(),
  access: Type.String(),
  updatedAt: Type.String(),
});

export async function caseExportRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;

  app.get<{ Params: { id: string } }>(
    '/cases/:id/export.json',
    { config: { policy: 'cases.use', confidential: true } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.export');
      if (!recentlyAuthenticated(request)) return redirectTo(reply, reauthUrl(`/cases/${row.id}/export.json`));
      const detail = await loadCaseDetail(db, cipher, row);
      await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'export', now: now() });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.reference}.json"`)
        .send(JSON.stringify({ exportedAt: now().toISOString(), case: detail }, null, 2));
    },
  );

  app.get<{ Querystring: { q?: string } }>(
    '/api/v1/cases',
    {
      config: { policy: 'cases.use', api: true },
      schema: {
        summary: 'Cases the token’s user may read (search by reference or title with q)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ cases: Type.Array(CaseSummary) }), ...apiErrorResponses },
      },
    },
    async (request) => {
      const cases = await listCasesFor(db, cipher, request.ctx.user!, request.query.q ?? '');
      return {
        cases: cases
          .filter((c) => c.access !== null)
          .map((c) => ({
            id: c.id,
            reference: c.reference,
            state: c.state,
            title: c.title ?? '',
            access: c.access ?? '',
            updatedAt: c.updatedAt,
          })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/cases/:id',
    {
      config: { policy: 'cases.use', api: true },
      schema: {
        summary: 'One case (persons by pseudonym; identity fields are never returned by the API)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ maxLength: 12 }) }),
        response: { 200: Type.Object({ case: Type.Object({}, { additionalProperties: true }) }), ...apiErrorResponses },
      },
    },
    async (request) => {
      const { row } = await requireCase(request, request.params.id, 'case.read');
      const detail = await loadCaseDetail(db, cipher, row);
      await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'api', now: now() });
      return { case: withoutIdentity(detail) };
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/v1/cases/:id/acts',
    {
      config: { policy: 'cases.use', api: true },
      schema: {
        summary: 'Records an act (type from the thesaurus, a victim of the case, dates with precision)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ maxLength: 12 }) }),
        body: actJson,
        response: { 201: Type.Object({ id: Type.Integer() }), ...apiErrorResponses },
      },
    },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      const b = request.body;
      const input = {
        ...(b as Record<string, string>),
        act_type: String(b.act_type),
        event_id: String(b.event_id),
        victim_id: b.victim_id === undefined ? undefined : String(b.victim_id),
        methods: (b.methods as string[] | undefined) ?? [],
      };
      const id = await db
        .transaction()
        .execute((trx) => addAct({ trx, cipher, caseId: row.id, userId: request.ctx.user!.id, now: now(), input }));
      return reply.code(201).send({ id });
    },
  );
}
