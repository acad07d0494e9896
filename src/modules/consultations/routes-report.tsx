/** The report of a consultation: a printable page, CSV and JSON, all from `buildReport`. */
import type { FastifyInstance } from 'fastify';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { flashFor, readableConsultation } from './access.js';
import { bodyName } from './queries.js';
import { buildReport, reportCsv } from './report.js';
import { CONSULTATIONS_CSS, CSS_PATH } from './styles.js';
import { ReportPage } from './views/report.js';

type IdParams = { Params: { id: string } };

export async function consultationReportRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  app.get(CSS_PATH, { config: { policy: 'consultations.list' } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(CONSULTATIONS_CSS),
  );

  app.get<IdParams>(
    '/consultations/:id/report',
    { config: { policy: 'consultations.list' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      const r = await buildReport(db, c, now());
      return sendPage(
        reply,
        <ReportPage
          ctx={viewContext(request, flashFor(request))}
          report={r}
          bodyName={bodyName(c, request.ctx.locale)}
        />,
      );
    },
  );

  app.get<IdParams>(
    '/consultations/:id/report.csv',
    { config: { policy: 'consultations.list' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      const r = await buildReport(db, c, now());
      return reply
        .header('content-disposition', `attachment; filename="consultation-${c.id}-report.csv"`)
        .type('text/csv; charset=utf-8')
        .send(reportCsv(r));
    },
  );

  app.get<IdParams>(
    '/consultations/:id/report.json',
    { config: { policy: 'consultations.list' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      const r = await buildReport(db, c, now());
      return reply
        .header('content-disposition', `attachment; filename="consultation-${c.id}-report.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(r, null, 2));
    },
  );
}
