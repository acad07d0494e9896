/**
 * The consultations' JSON API: the list of published consultations with their phase and counts.
 * Each consultation's full report is the `report.json` download (`/consultations/<id>/report.json`),
 * linked from here, so that researchers and journalists can collect the results.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import { consultationPhase, PHASES } from './phase.js';
import { listConsultations } from './queries.js';

const ApiConsultation = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.Object({
    code: Type.String(),
    name: Type.Object({
      ky: Type.Union([Type.String(), Type.Null()]),
      ru: Type.Union([Type.String(), Type.Null()]),
      en: Type.Union([Type.String(), Type.Null()]),
    }),
  }),
  summary: Type.String(),
  officialUrl: Type.Union([Type.String(), Type.Null()]),
  opensOn: Type.String({ format: 'date' }),
  closesOn: Type.String({ format: 'date' }),
  phase: Type.Union(PHASES.map((p) => Type.Literal(p))),
  reportPublishedAt: Type.Union([Type.String(), Type.Null()]),
  reportUrl: Type.String(),
});

export async function consultationApiRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.achyk;
  app.get(
    '/api/v1/consultations',
    {
      config: { policy: 'consultations.list', api: true },
      schema: {
        summary: 'Published public consultations on draft laws',
        description:
          'Newest first. `phase` is computed at the time of the request (Bishkek calendar days). The report of each consultation is at `reportUrl` (JSON).',
        tags: ['consultations'],
        response: { 200: Type.Object({ consultations: Type.Array(ApiConsultation) }), 400: apiErrorResponses[400] },
      },
    },
    async () => {
      const at = now();
      const base = config.publicUrl.replace(/\/$/, '');
      const rows = await listConsultations(db, { includeDrafts: false });
      const consultations: Static<typeof ApiConsultation>[] = rows.map((c) => ({
        id: c.id,
        title: c.title,
        body: { code: c.body_code, name: { ky: c.body_name_ky, ru: c.body_name_ru, en: c.body_name_en } },
        summary: c.summary,
        officialUrl: c.official_url,
        opensOn: c.opens_on,
        closesOn: c.closes_on,
        phase: consultationPhase(c, at),
        reportPublishedAt: c.report_published_at,
        reportUrl: `${base}/consultations/${c.id}/report.json`,
      }));
      return { consultations };
    },
  );
}
