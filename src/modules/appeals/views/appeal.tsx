/** One appeal: where it stands, what is due when and why, the timeline, and what can be recorded next. */
import type { FieldError } from '../../../platform/errors.js';
import { OcrStatus } from './ocr-status.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { CLASSIFICATIONS, ESCALATION_TARGETS, REFUSAL_REASONS } from '../kinds.js';

const EVENT_CHOICES = ['answer', 'register', 'extend', 'redirect', 'classify', 'close', 'note'] as const;
import type { ComputedStatus } from '../lifecycle.js';
import type { Appeal, AppealEvent, AppealFile } from '../queries.js';
import { DateText, Hash, StatusBadge, humanSize } from './common.js';
import { FileList, UploadForm } from './wizard.js';

export interface AppealPageView {
  appeal: Appeal;
  status: ComputedStatus;
  bodyName: string;
  redirectedToName: string | null;
  legalBasis: string | null;
  ruleSummary: string | null;
  disputed: boolean;
  workingDaysLeft: number | null;
  explanation: string[];
  registrationExplanation: string[];
  replyAddress: string | null;
  person: { name: string | null; contact: string | null } | null;
  events: (AppealEvent & { actorName: string })[];
  files: AppealFile[];
  parent: { id: number } | null;
  children: { id: number; state: string }[];
  allowed: {
    register: boolean;
    extend: boolean;
    redirect: boolean;
    answer: boolean;
    classify: boolean;
    close: boolean;
    escalate: boolean;
  };
}

function eventDetails(ctx: ViewContext, e: AppealEvent) {
  const data = JSON.parse(e.data) as Record<string, string | number | null>;
  const { t } = ctx;
  const parts: string[] = [];
  if (data.number) parts.push(t('appeals.registration_number') + ': ' + String(data.number));
  if (data.days) parts.push(t('appeals.extension_days') + ': ' + String(data.days));
  if (data.classification) parts.push(t(`appeals.classification.${data.classification}` as never));
  if (data.reason) parts.push(t(`appeals.refusal.${data.reason}` as never));
  if (data.target) parts.push(t(`appeals.target.${data.target}` as never));
  return parts.join('; ');
}

export function AppealPage(p: {
  ctx: ViewContext;
  view: AppealPageView;
  errors: FieldError[];
  form?: string;
  input?: Record<string, string>;
  notice?: string | null;
}) {
  const { t, locale } = p.ctx;
  const { view: v } = p;
  const a = v.appeal;
  const errs = (form: string) => (p.form === form ? p.errors : []);
  const inp = (form: string) => (p.form === form ? (p.input ?? {}) : {});
  const isEventForm = p.form !== undefined && p.form !== 'file' && p.form !== 'escalate';
  const eventErrors = isEventForm ? p.errors : [];
  const ev: Record<string, string | undefined> = isEventForm ? (p.input ?? {}) : {};
  return (
    <Layout ctx={p.ctx} title={a.subject || t('appeals.untitled')}>
      <p>
        <a href="/appeals">{t('appeals.my_title')}</a>
      </p>
      <h1>{a.subject || t('appeals.untitled')}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.form === undefined || (p.form === 'escalate' && !v.allowed.escalate) ? (
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
      ) : null}
      {a.state !== 'draft' ? (
        <p>
          <a href={`/appeals/${a.id}/publication`}>{t('publication.manage_link')}</a>
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('appeals.status_label')}</dt>
        <dd>
          <StatusBadge ctx={p.ctx} status={v.status} />
        </dd>
        <dt>{t('appeals.to_body')}</dt>
        <dd>{v.bodyName}</dd>
        {v.redirectedToName ? (
          <>
            <dt>{t('appeals.redirected_to')}</dt>
            <dd>
              {v.redirectedToName} (<DateText ctx={p.ctx} date={a.redirected_on} />)
            </dd>
          </>
        ) : null}
        <dt>{t('appeals.kind_label')}</dt>
        <dd>{t(`appeals.kind.${a.kind}`)}</dd>
        <dt>{t('appeals.received_on')}</dt>
        <dd>
          <DateText ctx={p.ctx} date={a.received_on} />
        </dd>
        <dt>{t('appeals.registration_number')}</dt>
        <dd>{a.registration_number ?? '—'}</dd>
        <dt>{t('appeals.registration_due')}</dt>
        <dd>
          <DateText ctx={p.ctx} date={a.registration_due} />
          {a.registered_on ? (
            <>
              {' '}
              ({t('appeals.registered_on')}: <DateText ctx={p.ctx} date={a.registered_on} />)
            </>
          ) : null}
        </dd>
        <dt>{t('appeals.answer_due')}</dt>
        <dd>
          <strong>
            <DateText ctx={p.ctx} date={a.due_date} />
          </strong>
          {v.workingDaysLeft !== null && ['sent', 'registered', 'extended', 'redirected'].includes(a.state) ? (
            <>
              {' '}
              —{' '}
              {v.workingDaysLeft >= 0
                ? t('appeals.days_left', { count: v.workingDaysLeft })
                : t('appeals.days_overdue', { count: -v.workingDaysLeft })}
            </>
          ) : null}
        </dd>
        {v.legalBasis ? (
          <>
            <dt>{t('appeals.legal_basis')}</dt>
            <dd>
              {v.legalBasis}
              {v.ruleSummary ? <> ({v.ruleSummary})</> : null}
              {v.disputed ? (
                <>
                  {' '}
                  — <em>{t('appeals.rule_disputed')}</em>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {v.replyAddress ? (
          <>
            <dt>{t('appeals.reply_address')}</dt>
            <dd>
              <code>{v.replyAddress}</code>
            </dd>
          </>
        ) : null}
        {v.person ? (
          <>
            <dt>{t('appeals.on_behalf')}</dt>
            <dd>
              {v.person.name ?? '—'}
              {v.person.contact ? `, ${v.person.contact}` : ''} <small>({t('appeals.confidential')})</small>
            </dd>
          </>
        ) : null}
        {v.parent ? (
          <>
            <dt>{t('appeals.escalates')}</dt>
            <dd>
              <a href={`/appeals/${v.parent.id}`}>A-{v.parent.id}</a>
            </dd>
          </>
        ) : null}
        {v.children.length ? (
          <>
            <dt>{t('appeals.escalations')}</dt>
            <dd>
              {v.children.map((c) => (
                <>
                  <a href={`/appeals/${c.id}`}>A-{c.id}</a> ({t(`appeals.state.${c.state}` as never)}){' '}
                </>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {a.state === 'draft' ? (
        <p>
          <a class="button" href={`/appeals/${a.id}/edit`}>
            {t('appeals.continue_draft')}
          </a>
        </p>
      ) : null}
      {v.explanation.length ? (
        <details open>
          <summary>{t('appeals.why_this_date')}</summary>
          <ol>
            {v.explanation.map((line) => (
              <li>{line}</li>
            ))}
          </ol>
        </details>
      ) : null}

      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline">{t('appeals.timeline')}</h2>
        <ol class="timeline">
          {v.events.map((e) => {
            const files = v.files.filter((f) => f.event_id === e.id);
            const details = eventDetails(p.ctx, e);
            return (
              <li id={`event-${e.id}`}>
                <p>
                  <strong>{t(`appeals.event.${e.kind}` as never)}</strong> — <DateText ctx={p.ctx} date={e.on_date} /> ·{' '}
                  {e.actorName} · <small>{formatDateTime(locale, e.created_at)}</small>
                </p>
                {details ? <p>{details}</p> : null}
                {e.text ? <pre class="message">{e.text}</pre> : null}
                {files.length ? (
                  <ul>
                    {files.map((f) => (
                      <li>
                        <a href={`/appeals/${a.id}/files/${f.id}`}>{f.original_name}</a> ({humanSize(f.size)}, SHA-256{' '}
                        <Hash value={f.sha256} />)
                        <OcrStatus ctx={p.ctx} file={f} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="h-docs">
        <h2 id="h-docs">{t('appeals.step.documents')}</h2>
        <FileList ctx={p.ctx} appealId={a.id} files={v.files} />
        <UploadForm ctx={p.ctx} appealId={a.id} next={`/appeals/${a.id}`} errors={errs('file')} />
      </section>

      {a.state !== 'draft' ? (
        <section aria-labelledby="h-record">
          <h2 id="h-record">{t('appeals.record_title')}</h2>
          <ErrorSummary ctx={p.ctx} errors={eventErrors} />
          <PostForm ctx={p.ctx} action={`/appeals/${a.id}/events`}>
            <fieldset id="field-kind">
              <legend>{t('appeals.what_happened')}</legend>
              {EVENT_CHOICES.filter((k) => k === 'note' || v.allowed[k]).map((k) => (
                <div class="choice">
                  <input type="radio" name="kind" id={`ev-${k}`} value={k} checked={(ev.kind ?? 'note') === k} />
                  <label for={`ev-${k}`}>{t(`appeals.record.${k}`)}</label>
                </div>
              ))}
            </fieldset>
            <Field
              ctx={p.ctx}
              name="on"
              type="date"
              label={t('appeals.event_date')}
              hint={t('appeals.event_date_hint')}
              value={ev.on}
              errors={eventErrors}
            />
            {v.allowed.register ? (
              <Field
                ctx={p.ctx}
                name="number"
                label={t('appeals.registration_number')}
                hint={t('appeals.only_for_register')}
                value={ev.number}
                errors={eventErrors}
              />
            ) : null}
            {v.allowed.extend ? (
              <Field
                ctx={p.ctx}
                name="days"
                label={t('appeals.extension_days')}
                hint={t('appeals.only_for_extend')}
                value={ev.days}
                errors={eventErrors}
                inputmode="numeric"
              />
            ) : null}
            {v.allowed.redirect ? (
              <Field
                ctx={p.ctx}
                name="body_id"
                label={t('appeals.redirect_body')}
                hint={t('appeals.redirect_body_hint')}
                value={ev.body_id}
                errors={eventErrors}
              />
            ) : null}
            {v.allowed.classify ? (
              <>
                <fieldset id="field-classification">
                  <legend>{t('appeals.classification_label')}</legend>
                  {CLASSIFICATIONS.map((c) => (
                    <div class="choice">
                      <input
                        type="radio"
                        name="classification"
                        id={`cl-${c}`}
                        value={c}
                        checked={ev.classification === c}
                      />
                      <label for={`cl-${c}`}>{t(`appeals.classification.${c}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <div class={eventErrors.some((e) => e.field === 'refusal_reason') ? 'field field-error' : 'field'}>
                  <label for="field-refusal_reason">{t('appeals.refusal_reason')}</label>
                  {eventErrors.some((e) => e.field === 'refusal_reason') ? (
                    <p class="error">{t('appeals.error.refusal_reason_required')}</p>
                  ) : null}
                  <select name="refusal_reason" id="field-refusal_reason">
                    <option value="">—</option>
                    {REFUSAL_REASONS.map((r) => (
                      <option value={r} selected={ev.refusal_reason === r}>
                        {t(`appeals.refusal.${r}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </>
            ) : null}
            <Field
              ctx={p.ctx}
              name="text"
              label={t('appeals.event_text')}
              hint={t('appeals.event_text_hint')}
              value={ev.text}
              errors={eventErrors}
              multiline
            />
            <button type="submit">{t('common.save')}</button>
          </PostForm>
        </section>
      ) : null}

      {v.allowed.escalate ? (
        <section aria-labelledby="h-escalate">
          <h2 id="h-escalate">{t('appeals.escalate_title')}</h2>
          <p>{t('appeals.escalate_intro')}</p>
          <ErrorSummary ctx={p.ctx} errors={errs('escalate')} />
          <PostForm ctx={p.ctx} action={`/appeals/${a.id}/escalate`} class="narrow">
            <fieldset id="field-target">
              <legend>{t('appeals.escalate_to')}</legend>
              {ESCALATION_TARGETS.map((x, i) => (
                <div class="choice">
                  <input
                    type="radio"
                    name="target"
                    id={`target-${x}`}
                    value={x}
                    checked={(inp('escalate').target ?? (i === 0 ? x : '')) === x}
                  />
                  <label for={`target-${x}`}>{t(`appeals.target.${x}`)}</label>
                </div>
              ))}
            </fieldset>
            <button type="submit">{t('appeals.escalate_button')}</button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
