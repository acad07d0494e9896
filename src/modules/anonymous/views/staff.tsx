/** The staff inbox and the page of one report (coordinators and lawyers). */
import type { FieldError } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { InboxRow } from '../queries.js';
import { REPORT_STATES, type ConsentPart, type ReportState, type Topic } from '../tables.js';
import { CleaningReport, MultiLine, stateLabel, topicLabel, type FileView } from './common.js';
import type { BodyOption } from './reporter.js';

export interface InboxView {
  rows: (InboxRow & { expiresAt: string | null })[];
  state: ReportState | '';
  mine: boolean;
}

export function InboxPage({ ctx, view: v }: { ctx: ViewContext; view: InboxView }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('anonymous.inbox.title')}>
      <h1>{t('anonymous.inbox.title')}</h1>
      <form method="get" action="/anonymous-reports" class="inline">
        <label for="filter-state">{t('anonymous.status.state')}</label>{' '}
        <select id="filter-state" name="state">
          <option value="">{t('anonymous.inbox.all')}</option>
          {REPORT_STATES.map((s) => (
            <option value={s} selected={v.state === s}>
              {stateLabel(ctx, s)}
            </option>
          ))}
        </select>{' '}
        <input type="checkbox" id="filter-mine" name="mine" value="1" checked={v.mine} />{' '}
        <label for="filter-mine">{t('anonymous.inbox.mine')}</label>{' '}
        <button type="submit" class="secondary">
          {t('anonymous.inbox.filter')}
        </button>
      </form>
      {v.rows.length === 0 ? (
        <p>{t('anonymous.inbox.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('anonymous.inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('anonymous.inbox.reference')}</th>
                <th scope="col">{t('anonymous.field.topic')}</th>
                <th scope="col">{t('anonymous.status.state')}</th>
                <th scope="col">{t('anonymous.inbox.received')}</th>
                <th scope="col">{t('anonymous.inbox.activity')}</th>
                <th scope="col">{t('anonymous.status.expiry')}</th>
                <th scope="col">{t('anonymous.inbox.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/anonymous-reports/${r.id}`}>{t('anonymous.reference', { id: r.id })}</a>
                    {r.staff_unread ? <strong> {t('anonymous.inbox.new_activity')}</strong> : null}
                  </th>
                  <td>{topicLabel(ctx, r.topic)}</td>
                  <td>{stateLabel(ctx, r.state)}</td>
                  <td>{formatDate(ctx.locale, r.created_at)}</td>
                  <td>{formatDateTime(ctx.locale, r.last_activity_at)}</td>
                  <td>{r.expiresAt ? formatDate(ctx.locale, r.expiresAt) : t('anonymous.inbox.kept')}</td>
                  <td>{r.assignee ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface ReportView {
  id: number;
  topic: Topic;
  state: ReportState;
  createdAt: string;
  lastActivityAt: string;
  expiresAt: string | null;
  kept: boolean;
  assignedTo: number | null;
  body: BodyOption | null;
  what: string;
  when: string | null;
  where: string | null;
  consented: ConsentPart[];
  files: (FileView & { id: number; mime: string; size: number; by: 'reporter' | 'staff' })[];
  messages: { author: 'reporter' | 'staff'; staffName: string | null; text: string; at: string }[];
  convertedCaseId: number | null;
  convertedAppealId: number | null;
}

export interface ReportPageProps {
  ctx: ViewContext;
  view: ReportView;
  staff: { id: number; display_name: string }[];
  bodyResults: BodyOption[] | null;
  bodyQuery: string;
  errors: FieldError[];
  canCase: boolean;
  canAppeal: boolean;
}

function PartBoxes({ ctx, parts, idPrefix }: { ctx: ViewContext; parts: ConsentPart[]; idPrefix: string }) {
  return (
    <>
      {parts.map((part) => (
        <div>
          <input type="checkbox" name={`part_${part}`} id={`${idPrefix}-${part}`} value="1" checked />
          <label for={`${idPrefix}-${part}`}>{ctx.t(`anonymous.part.${part}`)}</label>
        </div>
      ))}
    </>
  );
}

export function ReportPage(p: ReportPageProps) {
  const { ctx, view: v, errors } = p;
  const { t } = ctx;
  const bodyOptions = [
    ...(v.body && v.consented.includes('institution') && !p.bodyResults?.some((b) => b.id === v.body!.id)
      ? [v.body]
      : []),
    ...(p.bodyResults ?? []),
  ];
  return (
    <Layout ctx={ctx} title={t('anonymous.reference', { id: v.id })}>
      <p>
        <a href="/anonymous-reports">{t('anonymous.inbox.title')}</a>
      </p>
      <h1>
        {t('anonymous.reference', { id: v.id })}: {topicLabel(ctx, v.topic)}
      </h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{t('anonymous.status.state')}</dt>
        <dd id="report-state">{stateLabel(ctx, v.state)}</dd>
        <dt>{t('anonymous.inbox.received')}</dt>
        <dd>{formatDateTime(ctx.locale, v.createdAt)}</dd>
        <dt>{t('anonymous.inbox.activity')}</dt>
        <dd>{formatDateTime(ctx.locale, v.lastActivityAt)}</dd>
        <dt>{t('anonymous.status.expiry')}</dt>
        <dd id="report-expiry">
          {v.expiresAt
            ? t('anonymous.staff.expires', { date: formatDate(ctx.locale, v.expiresAt) })
            : t('anonymous.inbox.kept')}
        </dd>
        <dt>{t('anonymous.field.body')}</dt>
        <dd>{v.body ? v.body.name : t('anonymous.body.not_given')}</dd>
        <dt>{t('anonymous.staff.consent')}</dt>
        <dd>
          {v.consented.length
            ? v.consented.map((c) => t(`anonymous.part.${c}`)).join(', ')
            : t('anonymous.staff.no_consent')}
        </dd>
        {v.convertedCaseId ? (
          <>
            <dt>{t('anonymous.staff.case')}</dt>
            <dd>
              <a href={`/cases/${v.convertedCaseId}`}>{t('anonymous.staff.open_case')}</a>
            </dd>
          </>
        ) : null}
        {v.convertedAppealId ? (
          <>
            <dt>{t('anonymous.staff.appeal')}</dt>
            <dd>
              <a href={`/appeals/${v.convertedAppealId}`}>{t('anonymous.staff.open_appeal')}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t('anonymous.field.what')}</h2>
      <p>
        <MultiLine text={v.what} />
      </p>
      {v.when || v.where ? (
        <dl class="facts">
          {v.when ? (
            <>
              <dt>{t('anonymous.field.when')}</dt>
              <dd>{v.when}</dd>
            </>
          ) : null}
          {v.where ? (
            <>
              <dt>{t('anonymous.field.where')}</dt>
              <dd>{v.where}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <h2>{t('anonymous.status.files')}</h2>
      {v.files.length === 0 ? (
        <p>{t('anonymous.status.no_files')}</p>
      ) : (
        <ul>
          {v.files.map((f) => (
            <li>
              <a href={`/anonymous-reports/${v.id}/files/${f.id}`}>{f.name}</a> ({Math.ceil(f.size / 1024)} KB) —{' '}
              <CleaningReport ctx={ctx} files={[f]} />
            </li>
          ))}
        </ul>
      )}

      <h2>{t('anonymous.status.messages')}</h2>
      {v.messages.length === 0 ? <p>{t('anonymous.status.no_messages')}</p> : null}
      <ol class="messages">
        {v.messages.map((m) => (
          <li>
            <p class="meta">
              <strong>
                {m.author === 'staff' ? (m.staffName ?? t('anonymous.author.staff')) : t('anonymous.author.reporter')}
              </strong>
              , {formatDateTime(ctx.locale, m.at)}
            </p>
            <p>
              <MultiLine text={m.text} />
            </p>
          </li>
        ))}
      </ol>
      <PostForm ctx={ctx} action={`/anonymous-reports/${v.id}/message`}>
        <Field
          ctx={ctx}
          name="message"
          label={t('anonymous.staff.write')}
          hint={t('anonymous.staff.write_hint')}
          errors={errors}
          multiline
        />
        <p>
          <button type="submit">{t('anonymous.status.send_reply')}</button>
        </p>
      </PostForm>

      <h2>{t('anonymous.staff.handling')}</h2>
      <PostForm ctx={ctx} action={`/anonymous-reports/${v.id}/triage`} class="inline">
        <label for="field-state">{t('anonymous.status.state')}</label>{' '}
        <select id="field-state" name="state">
          {REPORT_STATES.map((s) => (
            <option value={s} selected={v.state === s}>
              {stateLabel(ctx, s)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          {t('anonymous.staff.triage')}
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`/anonymous-reports/${v.id}/assign`} class="inline">
        <label for="field-assignee">{t('anonymous.inbox.assignee')}</label>{' '}
        <select id="field-assignee" name="assignee">
          <option value="">{t('anonymous.staff.nobody')}</option>
          {p.staff.map((s) => (
            <option value={String(s.id)} selected={v.assignedTo === s.id}>
              {s.display_name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          {t('anonymous.staff.assign')}
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`/anonymous-reports/${v.id}/keep`} class="inline">
        <input type="hidden" name="keep" value={v.kept ? '0' : '1'} />
        <button type="submit" class="secondary">
          {v.kept ? t('anonymous.staff.release') : t('anonymous.staff.keep')}
        </button>
      </PostForm>

      <h2>{t('anonymous.staff.convert')}</h2>
      {v.consented.length === 0 ? (
        <p>{t('anonymous.staff.convert_none')}</p>
      ) : (
        <p>{t('anonymous.staff.convert_hint')}</p>
      )}
      {p.canCase ? (
        <PostForm ctx={ctx} action={`/anonymous-reports/${v.id}/convert-case`}>
          <fieldset>
            <legend>{t('anonymous.staff.to_case')}</legend>
            <PartBoxes ctx={ctx} parts={v.consented} idPrefix="case-part" />
          </fieldset>
          <p>
            <button type="submit">{t('anonymous.staff.to_case')}</button>
          </p>
        </PostForm>
      ) : null}
      {p.canAppeal ? (
        <>
          <form method="get" action={`/anonymous-reports/${v.id}`} class="inline">
            <label for="body-q">{t('anonymous.staff.find_body')}</label>{' '}
            <input id="body-q" name="body_q" type="search" value={p.bodyQuery} />{' '}
            <button type="submit" class="secondary">
              {t('anonymous.body.find')}
            </button>
          </form>
          <PostForm ctx={ctx} action={`/anonymous-reports/${v.id}/convert-appeal`}>
            <fieldset id="field-body_id">
              <legend>{t('anonymous.staff.appeal_body')}</legend>
              {bodyOptions.length === 0 ? <p class="hint">{t('anonymous.staff.appeal_body_hint')}</p> : null}
              {bodyOptions.map((b, i) => (
                <div>
                  <input
                    type="radio"
                    name="body_id"
                    id={`appeal-body-${b.id}`}
                    value={String(b.id)}
                    checked={i === 0}
                  />
                  <label for={`appeal-body-${b.id}`}>{b.name}</label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('anonymous.staff.to_appeal')}</legend>
              <PartBoxes ctx={ctx} parts={v.consented} idPrefix="appeal-part" />
            </fieldset>
            <p>
              <button type="submit" disabled={bodyOptions.length === 0}>
                {t('anonymous.staff.to_appeal')}
              </button>
            </p>
          </PostForm>
        </>
      ) : null}
    </Layout>
  );
}
