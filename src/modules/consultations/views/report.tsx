/** The consultation report: printable on A4 (a print stylesheet), with CSV and JSON downloads. */
import { formatDate, formatDateTime } from '../../../platform/i18n/translate.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { ConsultationReport, ReportAuthor, ReportParagraph, Tally } from '../report.js';
import { ConsultationLayout, articleLabel, CommentText, PhaseBadge } from './parts.js';

const who = (ctx: ViewContext, a: ReportAuthor) => a.name ?? ctx.t('consultations.participant_n', { n: a.participant });

function TallyRow({ tally, label, scope }: { ctx: ViewContext; tally: Tally; label: string; scope?: boolean }) {
  return (
    <tr>
      {scope ? <th scope="row">{label}</th> : <td>{label}</td>}
      <td>{tally.comments}</td>
      <td>{tally.support}</td>
      <td>{tally.oppose}</td>
      <td>{tally.neutral}</td>
      <td>{tally.answered}</td>
      <td>{tally.accepted}</td>
      <td>{tally.partly_accepted}</td>
      <td>{tally.rejected}</td>
    </tr>
  );
}

function TallyHead({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <thead>
      <tr>
        <th scope="col">{t('consultations.location')}</th>
        <th scope="col">{t('consultations.count.comments')}</th>
        <th scope="col">{t('consultations.stance.support')}</th>
        <th scope="col">{t('consultations.stance.oppose')}</th>
        <th scope="col">{t('consultations.stance.neutral')}</th>
        <th scope="col">{t('consultations.count.answered')}</th>
        <th scope="col">{t('consultations.outcome.accepted')}</th>
        <th scope="col">{t('consultations.outcome.partly_accepted')}</th>
        <th scope="col">{t('consultations.outcome.rejected')}</th>
      </tr>
    </thead>
  );
}

function ParagraphBlock({
  ctx,
  paragraph: p,
  showVersion,
}: {
  ctx: ViewContext;
  paragraph: ReportParagraph;
  showVersion?: boolean;
}) {
  const { t } = ctx;
  return (
    <section class="report-paragraph" id={`r-${p.anchor}-${p.versionNumber}`}>
      <h4>
        {showVersion
          ? `${t('consultations.version_n', { n: p.versionNumber })} · ${articleLabel(ctx, p.articleNumber, '')} · `
          : ''}
        {t('consultations.paragraph_n', { n: p.paragraphNumber })}
      </h4>
      <blockquote class="para-text">{p.text}</blockquote>
      {p.comments.length === 0 ? <p class="muted">{t('consultations.no_comments')}</p> : null}
      {p.comments.map((c) => (
        <div class="report-comment">
          <p class="comment-meta">
            <strong>{who(ctx, c.author)}</strong> ·{' '}
            <span class={`stance stance-${c.stance}`}>{t(`consultations.stance.${c.stance}`)}</span> ·{' '}
            {formatDateTime(ctx.locale, c.createdAt)}
          </p>
          <CommentText format={c.format} body={c.body} />
          {c.proposedWording ? (
            <div class="proposed">
              <p class="label">{t('consultations.proposed_wording')}</p>
              <blockquote>{c.proposedWording}</blockquote>
            </div>
          ) : null}
          <p class="answer">
            <strong>{t('consultations.answer')}:</strong>{' '}
            {c.answer
              ? `${t(`consultations.outcome.${c.answer.outcome}`)}. ${c.answer.reasons}`
              : t('consultations.unanswered')}
          </p>
          {c.replies.map((r) => (
            <div class="report-reply">
              <p class="comment-meta">
                <strong>{who(ctx, r.author)}</strong> · {formatDateTime(ctx.locale, r.createdAt)}
              </p>
              <CommentText format={r.format} body={r.body} />
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

export function ReportPage({
  ctx,
  report: r,
  bodyName,
}: {
  ctx: ViewContext;
  report: ConsultationReport;
  bodyName: string;
}) {
  const { t } = ctx;
  const c = r.consultation;
  const title = t('consultations.report_title', { title: c.title });
  return (
    <ConsultationLayout ctx={ctx} title={title}>
      <p class="no-print">
        <a href={`/consultations/${c.id}`}>← {c.title}</a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('consultations.field.body')}</dt>
        <dd>{bodyName}</dd>
        <dt>{t('consultations.dates_label')}</dt>
        <dd>
          {t('consultations.dates', {
            from: formatDate(ctx.locale, c.opensOn),
            to: formatDate(ctx.locale, c.closesOn),
          })}
        </dd>
        <dt>{t('consultations.phase')}</dt>
        <dd>
          <PhaseBadge ctx={ctx} phase={r.phase} />
        </dd>
        {r.currentVersion ? (
          <>
            <dt>{t('consultations.versions')}</dt>
            <dd>{t('consultations.current_version', { n: r.currentVersion })}</dd>
          </>
        ) : null}
      </dl>
      <p class={r.final ? 'muted' : 'notice'}>
        {r.final && r.reportPublishedAt
          ? t('consultations.report_published_on', { date: formatDate(ctx.locale, r.reportPublishedAt) })
          : t('consultations.report_interim')}
      </p>
      <p class="no-print">
        <a href={`/consultations/${c.id}/report.csv`} download>
          {t('consultations.download_csv')}
        </a>{' '}
        · <a href={`/consultations/${c.id}/report.json`}>{t('consultations.download_json')}</a> ·{' '}
        <span class="muted">{t('consultations.print_hint')}</span>
      </p>
      {r.conclusion ? (
        <section aria-labelledby="h-conclusion">
          <h2 id="h-conclusion">{t('consultations.report_conclusion')}</h2>
          <p class="pre">{r.conclusion}</p>
        </section>
      ) : null}
      <section aria-labelledby="h-totals">
        <h2 id="h-totals">{t('consultations.report_totals')}</h2>
        <div class="table-wrap">
          <table class="tally">
            <TallyHead ctx={ctx} />
            <tbody>
              <TallyRow ctx={ctx} tally={r.totals} label={t('consultations.report_totals')} scope />
              {r.articles.map((a) => (
                <TallyRow ctx={ctx} tally={a.tally} label={articleLabel(ctx, a.number, '')} scope />
              ))}
            </tbody>
          </table>
        </div>
        <p class="muted">{t('consultations.report_hidden', { count: r.totals.hidden })}</p>
      </section>
      {r.articles.map((a, i) => (
        <section class="report-article" aria-labelledby={`h-a-${i}`}>
          <h3 id={`h-a-${i}`}>{articleLabel(ctx, a.number, a.heading)}</h3>
          {a.paragraphs.map((p) => (
            <ParagraphBlock ctx={ctx} paragraph={p} />
          ))}
        </section>
      ))}
      {r.earlier.length ? (
        <section aria-labelledby="h-earlier">
          <h2 id="h-earlier">{t('consultations.report_earlier')}</h2>
          {r.earlier.map((p) => (
            <ParagraphBlock ctx={ctx} paragraph={p} showVersion />
          ))}
        </section>
      ) : null}
      {r.hearings.length ? (
        <section aria-labelledby="h-hearings">
          <h2 id="h-hearings">{t('consultations.hearings')}</h2>
          <ul>
            {r.hearings.map((h) => (
              <li>
                {formatDate(ctx.locale, h.heldOn)} · {h.place} · {t('consultations.hearing.participants')}:{' '}
                {h.participants}
                {h.minutesSha256 ? <span class="muted"> · SHA-256 {h.minutesSha256}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </ConsultationLayout>
  );
}
