/** The period report (page, CSV) and the module's stylesheet. Coordinators only; no names ever appear. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { FieldError } from '../../platform/errors.js';
import { AppError } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { isIsoDate } from '../calendar/index.js';
import { buildCaseReport, defaultPeriod, type ReportFilters } from './reports/build-report.js';
import { labelReport } from './reports/labels.js';
import { CASES_CSS, CASES_CSS_URL } from './views/cases-css.js';
import { territoryOpts } from './routes-cases.js';
import { CASE_STATES } from './tables.js';
import { isTerm, labelsFor, optionsFor } from './thesaurus/queries.js';
import { lbl } from './views/names.js';
import { ReportPage } from './views/report.js';
import { parseRecordId } from '../../platform/http/validation.js';

const KEYS = ['from', 'to', 'territory_id', 'act_type', 'state'] as const;

async function readFilters(
  request: FastifyRequest,
): Promise<{ input: Record<string, string>; errors: FieldError[]; filters: Partial<ReportFilters>; query: string }> {
  const raw = (request.query ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const input: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!(KEYS as readonly string[]).includes(k))
      errors.push({ field: k.slice(0, 40), message: 'validation.unknown_field', params: { field: k.slice(0, 40) } });
    else if (typeof v === 'string') input[k] = v.trim().slice(0, 100);
  }
  const f: Partial<ReportFilters> = {};
  const period = defaultPeriod(request.server.achyk.now());
  if (input.from) {
    if (isIsoDate(input.from)) f.from = input.from;
    else errors.push({ field: 'from', message: 'validation.date' });
  }
  if (input.to) {
    if (isIsoDate(input.to)) f.to = input.to;
    else errors.push({ field: 'to', message: 'validation.date' });
  }
  if (f.from && f.to && f.to < f.from) errors.push({ field: 'to', message: 'cases.error.end_before_start' });
  const territoryId = parseRecordId(input.territory_id);
  if (input.territory_id) {
    if (territoryId !== null) f.territoryId = territoryId;
    else errors.push({ field: 'territory_id', message: 'validation.choice' });
  }
  if (input.act_type) {
    if (await isTerm(request.server.achyk.db, 'act_type', input.act_type)) f.actType = input.act_type;
    else
      errors.push({
        field: 'act_type',
        message: 'cases.error.unknown_term',
        params: { code: input.act_type.slice(0, 60) },
      });
  }
  if (input.state) {
    if (input.state === 'verified' || (CASE_STATES as readonly string[]).includes(input.state))
      f.state = input.state as ReportFilters['state'];
    else errors.push({ field: 'state', message: 'validation.choice' });
  }
  input.from ||= period.from;
  input.to ||= period.to;
  const query = new URLSearchParams(Object.entries(input).filter(([, v]) => v)).toString();
  return { input, errors, filters: f, query };
}

export async function caseReportRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  app.get(CASES_CSS_URL, { config: { policy: 'public' } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(CASES_CSS),
  );

  app.get('/cases/reports', { config: { policy: 'cases.report' } }, async (request, reply) => {
    const { input, errors, filters, query } = await readFilters(request);
    const locale = request.ctx.locale;
    const [labels, territories, actTypes] = await Promise.all([
      labelsFor(db, locale),
      territoryOpts(db, locale),
      optionsFor(db, 'act_type', locale),
    ]);
    const report = errors.length ? null : await buildCaseReport(db, { filters, now: now() });
    const sections = report ? labelReport(report, labels, request.ctx.t, locale) : null;
    return sendPage(
      reply,
      <ReportPage
        ctx={viewContext(request)}
        report={report}
        sections={sections}
        labels={labels}
        input={input}
        errors={errors}
        territories={territories}
        actTypes={actTypes}
        query={query}
      />,
      errors.length ? 422 : 200,
    );
  });

  app.get('/cases/reports.csv', { config: { policy: 'cases.report' } }, async (request, reply) => {
    const { errors, filters } = await readFilters(request);
    if (errors.length) throw new AppError('invalid', 'error.invalid', {}, errors);
    const { t, locale } = request.ctx;
    const labels = await labelsFor(db, locale);
    const r = await buildCaseReport(db, { filters, now: now() });
    const s = labelReport(r, labels, t, locale);
    const rows: (string | number)[][] = [['section', 'code', 'label', 'count']];
    rows.push([
      'period',
      `${r.filters.from}/${r.filters.to}`,
      t('cases.report_period', { from: r.filters.from, to: r.filters.to }),
      '',
    ]);
    rows.push(
      ['total_acts', '', '', r.totals.acts],
      ['total_victims', '', '', r.totals.victims],
      ['total_cases', '', '', r.totals.cases],
    );
    rows.push(['sdg_16_10_1_total', '', t('cases.sdg_title'), r.sdg16101.total]);
    const sections: [string, typeof s.byType][] = [
      ['sdg_16_10_1_by_violation', s.sdgByViolation],
      ['sdg_16_10_1_by_group', s.sdgByGroup],
      ['by_type', s.byType],
      ['by_territory', s.byTerritory],
      ['by_sex', s.bySex],
      ['by_age_group', s.byAgeGroup],
      ['by_vulnerable_group', s.byGroup],
      ['by_perpetrator', s.byPerpetrator],
      ['by_outcome', s.byOutcome],
    ];
    for (const [name, list] of sections) for (const x of list) rows.push([name, x.key, x.label, x.count]);
    for (const c of r.summaries)
      for (const a of c.acts)
        rows.push([
          'case_act',
          c.reference,
          `${lbl(labels, 'act_type', a.type)}; ${a.date.slice(0, a.precision === 'year' ? 4 : a.precision === 'month' ? 7 : 10)}; ${a.victim}`,
          1,
        ]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="cases-report-${r.filters.from}-${r.filters.to}.csv"`)
      .send(`\ufeff${stringify(rows)}`);
  });
}
