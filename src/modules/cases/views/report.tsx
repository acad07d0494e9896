/** The period report page: filters, totals, charts with tables, SDG 16.10.1, pseudonymised summaries. */
import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import { CASES_CSS_URL } from './cases-css.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { CaseReport } from '../reports/build-report.js';
import { perpetratorLabel, type ReportSections } from '../reports/labels.js';
import type { Labels, Option } from '../thesaurus/queries.js';
import { BarChart } from './bar-chart.js';
import { SelectField } from './form-bits.js';
import { fuzzyText, lbl, nameOf } from './names.js';

export interface ReportPageProps {
  ctx: ViewContext;
  report: CaseReport | null;
  sections: ReportSections | null;
  labels: Labels;
  input: Record<string, string>;
  errors: FieldError[];
  territories: Option[];
  actTypes: Option[];
  query: string;
}

export function ReportPage(p: ReportPageProps) {
  const { ctx, report: r, sections: s, labels } = p;
  const { t, locale } = ctx;
  const states: Option[] = [
    { value: 'verified', label: t('cases.state_verified_closed') },
    ...(['intake', 'documented', 'closed'] as const).map((x) => ({ value: x, label: t(`cases.state.${x}`) })),
  ];
  return (
    <Layout ctx={ctx} title={t('cases.reports')}>
      <link rel="stylesheet" href={CASES_CSS_URL} />
      <div class="report">
        <h1>{t('cases.reports')}</h1>
        <p>{t('cases.report_intro')}</p>
        <ErrorSummary ctx={ctx} errors={p.errors} />
        <form method="get" action="/cases/reports" class="report-filters">
          <Field
            ctx={ctx}
            name="from"
            label={t('cases.from')}
            value={p.input.from}
            errors={p.errors}
            inputmode="numeric"
          />
          <Field ctx={ctx} name="to" label={t('cases.to')} value={p.input.to} errors={p.errors} inputmode="numeric" />
          <SelectField
            ctx={ctx}
            name="territory_id"
            label={t('cases.territory')}
            options={p.territories}
            value={p.input.territory_id}
            errors={p.errors}
            empty={t('cases.all')}
          />
          <SelectField
            ctx={ctx}
            name="act_type"
            label={t('cases.act_type')}
            options={p.actTypes}
            value={p.input.act_type}
            errors={p.errors}
            empty={t('cases.all')}
          />
          <SelectField
            ctx={ctx}
            name="state"
            label={t('cases.state')}
            options={states}
            value={p.input.state}
            errors={p.errors}
            empty={t('cases.all')}
          />
          <div class="field">
            <button type="submit">{t('cases.show_report')}</button>
          </div>
        </form>
        {r && s ? (
          <>
            <p class="report-actions">
              <a href={`/cases/reports.csv${p.query ? `?${p.query}` : ''}`} download>
                {t('cases.csv')}
              </a>{' '}
              · <span class="muted">{t('cases.print')}</span>
            </p>
            <h2>{t('cases.report_period', { from: r.filters.from, to: r.filters.to })}</h2>
            <p class="muted">{formatDateTime(locale, r.generatedAt)}</p>
            <p>
              <strong>
                {t('cases.totals', { acts: r.totals.acts, victims: r.totals.victims, cases: r.totals.cases })}
              </strong>
            </p>
            <section class="sdg" aria-labelledby="h-sdg">
              <h2 id="h-sdg">{t('cases.sdg_title')}</h2>
              <p>{t('cases.sdg_intro')}</p>
              <p>
                <strong>{t('cases.sdg_total', { n: r.sdg16101.total })}</strong>
              </p>
              <BarChart ctx={ctx} id="sdg-violation" title={t('cases.sdg_title')} bars={s.sdgByViolation} />
              <BarChart ctx={ctx} id="sdg-group" title={t('cases.by_group')} bars={s.sdgByGroup} />
            </section>
            <BarChart ctx={ctx} id="by-type" title={t('cases.by_type')} bars={s.byType} />
            <BarChart ctx={ctx} id="by-territory" title={t('cases.by_territory')} bars={s.byTerritory} />
            <BarChart ctx={ctx} id="by-sex" title={t('cases.by_sex')} bars={s.bySex} />
            <BarChart ctx={ctx} id="by-age" title={t('cases.by_age')} bars={s.byAgeGroup} />
            <BarChart ctx={ctx} id="by-group" title={t('cases.by_group')} bars={s.byGroup} />
            <BarChart ctx={ctx} id="by-perpetrator" title={t('cases.by_perpetrator')} bars={s.byPerpetrator} />
            <BarChart ctx={ctx} id="by-outcome" title={t('cases.by_outcome')} bars={s.byOutcome} />
            <section aria-labelledby="h-summaries">
              <h2 id="h-summaries">{t('cases.summaries')}</h2>
              {r.summaries.map((c) => (
                <article class="summary-case">
                  <h3>
                    {c.reference} — {t(`cases.state.${c.state}`)}
                    {c.territoryId ? ` — ${nameOf(r.territories[c.territoryId], locale)}` : ''}
                  </h3>
                  <p>
                    <strong>{t('cases.summary_acts')}:</strong>{' '}
                    {c.acts
                      .map(
                        (a) =>
                          `${lbl(labels, 'act_type', a.type)} (${fuzzyText(t, locale, { date: a.date, precision: a.precision, label: a.label })}, ${a.victim})`,
                      )
                      .join('; ')}
                  </p>
                  <p>
                    <strong>{t('cases.summary_victims')}:</strong>{' '}
                    {c.victims
                      .map(
                        (v) =>
                          `${v.pseudonym}: ${[t(`cases.sex.${v.sex as 'male'}`), t(`cases.age.${v.ageGroup as 'adult'}`), ...v.groups.map((g) => lbl(labels, 'vulnerable_group', g))].join(', ')}`,
                      )
                      .join('; ')}
                  </p>
                  {c.perpetrators.length ? (
                    <p>
                      <strong>{t('cases.summary_perpetrators')}:</strong>{' '}
                      {c.perpetrators
                        .map((x) =>
                          x.bodyId
                            ? `${nameOf(r.bodies[x.bodyId], locale)} (${perpetratorLabel(t, x.kind)})`
                            : `${x.pseudonym ?? ''} (${perpetratorLabel(t, x.kind)})`,
                        )
                        .join('; ')}
                    </p>
                  ) : null}
                  {c.interventions.length ? (
                    <p>
                      <strong>{t('cases.interventions')}:</strong>{' '}
                      {c.interventions
                        .map(
                          (i) =>
                            `${lbl(labels, 'intervention_type', i.kind)} ${i.onDate}${i.response ? ` — ${lbl(labels, 'state_response', i.response)}` : ''}`,
                        )
                        .join('; ')}
                    </p>
                  ) : null}
                </article>
              ))}
            </section>
          </>
        ) : null}
      </div>
    </Layout>
  );
}
