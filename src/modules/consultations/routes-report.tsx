/** The report of a consultation: a printable page, CSV and JSON, all from `buildReport`. */
import type { FastifyInstance } from 'fastify';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { flashFor, readableConsultation } from './access.js';
import { bodyName } from './queries.js';
import { buildReport, reportCsv } from './report.js';
import { ReportPage } from './views/report.js';

/**
 * A4 print stylesheet, served as a file (the CSP allows only same-origin stylesheets, no inline
 * styles): no navigation or forms, black on white, page breaks kept out of comments.
 */
export const REPORT_CSS = `@page { size: A4; margin: 18mm 16mm; }
.report-comment { border-left: 3px solid #d0d7de; padding-left: .75rem; margin: .75rem 0; }
.report-reply { margin-left: 1.5rem; }
.report-paragraph blockquote.para-text { margin: .25rem 0 .5rem; padding: .5rem; background: #f3f5f7; }
table.tally td, table.tally th { text-align: right; }
table.tally td:first-child, table.tally th:first-child { text-align: left; }
@media print {
  .site-header, .site-footer, .skip, .lang-switch, .no-print, .demo-banner, .flash { display: none !important; }
  body { font-size: 10.5pt; color: #000; background: #fff; }
  main { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  .report-comment, .report-reply, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .report-article { break-before: auto; }
  .table-wrap { overflow: visible; }
}
`;

type IdParams = { Params: { id: string } };

export async function consultationReportRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  app.get('/consultations/report.css', { config: { policy: 'consultations.list' } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(REPORT_CSS),
  );

  app.get<IdParams>('/consultations/:id/report', { config: { policy: 'consultations.list' } }, async (request, reply) => {
    const c = await readableConsultation(request, request.params.id);
    const r = await buildReport(db, c, now());
    return sendPage(reply, <ReportPage ctx={viewContext(request, flashFor(request))} r={r} bodyName={bodyName(c, request.ctx.locale)} />);
  });

  app.get<IdParams>('/consultations/:id/report.csv', { config: { policy: 'consultations.list' } }, async (request, reply) => {
    const c = await readableConsultation(request, request.params.id);
    const r = await buildReport(db, c, now());
    return reply
      .header('content-disposition', `attachment; filename="consultation-${c.id}-report.csv"`)
      .type('text/csv; charset=utf-8')
      .send(reportCsv(r));
  });

  app.get<IdParams>('/consultations/:id/report.json', { config: { policy: 'consultations.list' } }, async (request, reply) => {
    const c = await readableConsultation(request, request.params.id);
    const r = await buildReport(db, c, now());
    return reply
      .header('content-disposition', `attachment; filename="consultation-${c.id}-report.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(r, null, 2));
  });
}
