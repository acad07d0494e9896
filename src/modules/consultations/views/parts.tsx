/** Small view pieces shared by the consultation pages. Pure functions of their props. */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../platform/errors.js';
import { Layout } from '../../../platform/render/layout.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/translate.js';
import { PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { renderCommentHtml } from '../comment-text.js';
import type { Phase } from '../phase.js';
import type { CommentView } from '../queries.js';
import { CSS_PATH } from '../styles.js';

/**
 * The one layout with the module's stylesheet: a <link> in the body is valid HTML and allowed by the
 * CSP (same origin), so the shared layout needs no change.
 */
export function ConsultationLayout({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <link rel="stylesheet" href={CSS_PATH} />
      <div class="consultation-page">{children}</div>
    </Layout>
  );
}

export function articleLabel(ctx: ViewContext, number: string | null, heading: string): string {
  if (number === null) return ctx.t('consultations.preamble');
  const label = ctx.t('consultations.article_n', { n: number });
  return heading ? `${label}. ${heading}` : label;
}

export function PhaseBadge({ ctx, phase }: { ctx: ViewContext; phase: Phase }) {
  return <span class={`phase phase-${phase}`}>{ctx.t(`consultations.phase.${phase}`)}</span>;
}

export function Dates({ ctx, opensOn, closesOn }: { ctx: ViewContext; opensOn: string; closesOn: string }) {
  return (
    <>{ctx.t('consultations.dates', { from: formatDate(ctx.locale, opensOn), to: formatDate(ctx.locale, closesOn) })}</>
  );
}

export function authorLabel(ctx: ViewContext, c: { authorName: string | null; participantNo: number }): string {
  return c.authorName ?? ctx.t('consultations.participant_n', { n: c.participantNo });
}

/** Comment text rendered by the safe renderer (raw HTML off), so it may be inserted as HTML. */
export function CommentText({ format, body }: { format: 'text' | 'markdown'; body: string }) {
  return <div class="comment-text" dangerouslySetInnerHTML={{ __html: renderCommentHtml(body, format) }} />;
}

/** A per-field error message, linked from the error summary. */
export function FieldErrorText({ ctx, errors, field }: { ctx: ViewContext; errors: FieldError[]; field: string }) {
  const e = errors.find((x) => x.field === field);
  return e ? (
    <p class="error" id={`field-${field}-error`}>
      {ctx.t(e.message, e.params)}
    </p>
  ) : null;
}

export interface CommentActions {
  /** show the reply form (signed in, open, top-level comment) */
  canReply: boolean;
  canFlag: boolean;
  canAnswer: boolean;
  canModerate: boolean;
  consultationId: number;
}

/** One comment with its stance, proposed wording, answer, and the forms that act on it. */
export function CommentItem({
  ctx,
  comment: c,
  replies,
  actions,
}: {
  ctx: ViewContext;
  comment: CommentView;
  replies: CommentView[];
  actions: CommentActions;
}) {
  const { t } = ctx;
  const hiddenText =
    c.status === 'pending_review'
      ? t('consultations.hidden_pending')
      : c.status === 'hidden'
        ? t('consultations.hidden_by_moderator')
        : null;
  const showBody = !hiddenText || actions.canModerate;
  const base = `/consultations/${actions.consultationId}/comments/${c.id}`;
  return (
    <article
      class={`comment${c.status !== 'visible' ? ' comment-hidden' : ''}`}
      id={`comment-${c.id}`}
      aria-labelledby={`comment-${c.id}-by`}
    >
      <header class="comment-meta">
        <strong id={`comment-${c.id}-by`}>{authorLabel(ctx, c)}</strong>
        {c.stance ? <span class={`stance stance-${c.stance}`}>{t(`consultations.stance.${c.stance}`)}</span> : null}
        <time dateTime={c.createdAt}>{formatDateTime(ctx.locale, c.createdAt)}</time>
      </header>
      {hiddenText ? <p class="notice">{hiddenText}</p> : null}
      {showBody ? (
        <>
          <CommentText format={c.format} body={c.body} />
          {c.proposedWording ? (
            <div class="proposed">
              <p class="label">{t('consultations.proposed_wording')}</p>
              <blockquote>{c.proposedWording}</blockquote>
            </div>
          ) : null}
        </>
      ) : null}
      {c.answer ? (
        <div class={`answer answer-${c.answer.outcome}`}>
          <p class="label">
            {t('consultations.answer')}: <strong>{t(`consultations.outcome.${c.answer.outcome}`)}</strong>
          </p>
          <p class="pre">{c.answer.reasons}</p>
        </div>
      ) : null}
      {replies.length ? (
        <section class="replies" aria-label={t('consultations.replies')}>
          {replies.map((r) => (
            <CommentItem
              ctx={ctx}
              comment={r}
              replies={[]}
              actions={{ ...actions, canReply: false, canAnswer: false }}
            />
          ))}
        </section>
      ) : null}
      {actions.canReply && c.parentId === null && c.status === 'visible' ? (
        <details class="action">
          <summary>{t('consultations.reply')}</summary>
          <PostForm ctx={ctx} action={`${base}/replies`}>
            <div class="field">
              <label for={`reply-${c.id}`}>{t('consultations.reply.body')}</label>
              <textarea id={`reply-${c.id}`} name="body" rows={4} required></textarea>
            </div>
            <input type="hidden" name="format" value="markdown" />
            <div class="field checkbox">
              <input type="checkbox" id={`reply-${c.id}-name`} name="show_name" value="1" />
              <label for={`reply-${c.id}-name`}>{t('consultations.comment.show_name')}</label>
            </div>
            <button type="submit">{t('consultations.reply.submit')}</button>
          </PostForm>
        </details>
      ) : null}
      {actions.canAnswer && c.parentId === null ? (
        <details class="action" open={!c.answer}>
          <summary>{t('consultations.answer')}</summary>
          <PostForm ctx={ctx} action={`${base}/answer`}>
            <fieldset>
              <legend>{t('consultations.answer.outcome')}</legend>
              {(['accepted', 'partly_accepted', 'rejected'] as const).map((o) => (
                <div class="checkbox">
                  <input
                    type="radio"
                    id={`answer-${c.id}-${o}`}
                    name="outcome"
                    value={o}
                    checked={c.answer?.outcome === o}
                  />
                  <label for={`answer-${c.id}-${o}`}>{t(`consultations.outcome.${o}`)}</label>
                </div>
              ))}
            </fieldset>
            <div class="field">
              <label for={`answer-${c.id}-reasons`}>{t('consultations.answer.reasons')}</label>
              <textarea id={`answer-${c.id}-reasons`} name="reasons" rows={3}>
                {c.answer?.reasons ?? ''}
              </textarea>
            </div>
            <button type="submit">{t('consultations.answer.submit')}</button>
          </PostForm>
        </details>
      ) : null}
      {actions.canFlag && c.status === 'visible' ? (
        <details class="action">
          <summary>{t('consultations.flag')}</summary>
          <PostForm ctx={ctx} action={`${base}/flag`}>
            <div class="field">
              <label for={`flag-${c.id}`}>{t('consultations.flag_reason')}</label>
              <input type="text" id={`flag-${c.id}`} name="reason" maxLength={500} />
            </div>
            <button type="submit" class="secondary">
              {t('consultations.flag')}
            </button>
          </PostForm>
        </details>
      ) : null}
      {actions.canModerate ? <ModerateForm ctx={ctx} comment={c} consultationId={actions.consultationId} /> : null}
    </article>
  );
}

export function ModerateForm({
  ctx,
  comment: c,
  consultationId,
}: {
  ctx: ViewContext;
  comment: CommentView;
  consultationId: number;
}) {
  const { t } = ctx;
  return (
    <details class="action moderate">
      <summary>
        {t('consultations.moderation')}
        {c.unresolvedFlags ? ` · ${t('consultations.flags_count', { count: c.unresolvedFlags })}` : ''}
      </summary>
      <PostForm ctx={ctx} action={`/consultations/${consultationId}/comments/${c.id}/moderate`}>
        <div class="field">
          <label for={`mod-${c.id}`}>{t('consultations.mod_reason')}</label>
          <input type="text" id={`mod-${c.id}`} name="reason" maxLength={500} required />
        </div>
        {c.status !== 'hidden' ? (
          <button type="submit" name="action" value="hide" class="secondary">
            {t('consultations.mod_hide')}
          </button>
        ) : null}{' '}
        {c.status !== 'visible' || c.unresolvedFlags ? (
          <button type="submit" name="action" value="restore" class="secondary">
            {t('consultations.mod_restore')}
          </button>
        ) : null}
      </PostForm>
    </details>
  );
}
