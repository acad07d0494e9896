/** One paragraph with its comments, replies and answers, and the comment form (works without JavaScript). */
import type { FieldError } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/translate.js';
import { ErrorSummary, PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Phase } from '../phase.js';
import type { CommentView } from '../queries.js';
import { COMMENT_MAX } from '../schema.js';
import { ConsultationLayout, articleLabel, CommentItem, FieldErrorText, ModerateForm, PhaseBadge } from './parts.js';

export type CommentGate = 'ok' | 'sign_in' | 'confirm_email' | 'not_open' | 'closed' | 'old_version';

export interface ParagraphPageProps {
  ctx: ViewContext;
  consultation: { id: number; title: string; phase: Phase; opensOn: string; closesOn: string };
  paragraph: {
    id: number;
    anchor: string;
    articleNumber: string | null;
    articleHeading: string;
    paragraphNumber: number;
    text: string;
    versionNumber: number;
  };
  comments: CommentView[];
  gate: CommentGate;
  canAnswer: boolean;
  canModerate: boolean;
  signedIn: boolean;
  errors: FieldError[];
  input: Record<string, string>;
  /** the id of a comment whose form failed (its reply form gets the errors) */
  message?: string | null;
}

export function ParagraphPage(p: ParagraphPageProps) {
  const { ctx, consultation: c, paragraph: para } = p;
  const { t } = ctx;
  const label = `${articleLabel(ctx, para.articleNumber, para.articleHeading)} · ${t('consultations.paragraph_n', { n: para.paragraphNumber })}`;
  const top = p.comments.filter((x) => x.parentId === null);
  const repliesOf = (id: number) => p.comments.filter((x) => x.parentId === id);
  const open = p.gate === 'ok';
  return (
    <ConsultationLayout ctx={ctx} title={`${label} · ${c.title}`}>
      <p>
        <a
          href={`/consultations/${c.id}${p.gate === 'old_version' ? `/versions/${para.versionNumber}` : ''}#${para.anchor}`}
        >
          ← {t('consultations.back_to_draft')}
        </a>
      </p>
      <h1>{c.title}</h1>
      <p>
        <PhaseBadge ctx={ctx} phase={c.phase} /> · {t('consultations.version_n', { n: para.versionNumber })}
      </p>
      <section class="paragraph focus" id={para.anchor} aria-labelledby="h-para">
        <h2 id="h-para">{label}</h2>
        <p class="para-text">{para.text}</p>
      </section>
      {p.message ? (
        <p class="flash" role="status">
          {p.message}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <section aria-labelledby="h-comments">
        <h2 id="h-comments">
          {t('consultations.comments')} ({top.filter((x) => x.status === 'visible').length})
        </h2>
        {top.length === 0 ? <p>{t('consultations.no_comments')}</p> : null}
        {top.map((x) => (
          <CommentItem
            ctx={ctx}
            comment={x}
            replies={repliesOf(x.id)}
            actions={{
              canReply: open,
              canFlag: p.signedIn && p.gate !== 'sign_in' && p.gate !== 'confirm_email',
              canAnswer: p.canAnswer,
              canModerate: p.canModerate,
              consultationId: c.id,
            }}
          />
        ))}
      </section>
      <section aria-labelledby="h-your">
        <h2 id="h-your">{t('consultations.your_comment')}</h2>
        <Gate ctx={ctx} gate={p.gate} consultation={c} para={para} />
        {open ? (
          <CommentForm ctx={ctx} consultationId={c.id} paragraphId={para.id} errors={p.errors} input={p.input} />
        ) : null}
      </section>
    </ConsultationLayout>
  );
}

function Gate({
  ctx,
  gate,
  consultation: c,
  para,
}: {
  ctx: ViewContext;
  gate: CommentGate;
  consultation: ParagraphPageProps['consultation'];
  para: ParagraphPageProps['paragraph'];
}) {
  const { t } = ctx;
  switch (gate) {
    case 'ok':
      return null;
    case 'sign_in':
      return (
        <p class="notice">
          <a href={`/login?next=${encodeURIComponent(`/consultations/${c.id}/paragraphs/${para.id}`)}`}>
            {t('consultations.signin_to_comment')}
          </a>
        </p>
      );
    case 'confirm_email':
      return <p class="notice">{t('consultations.confirm_email_to_comment')}</p>;
    case 'not_open':
      return <p class="notice">{t('consultations.not_open_yet', { date: formatDate(ctx.locale, c.opensOn) })}</p>;
    case 'closed':
      return <p class="notice">{t('consultations.closed_notice', { date: formatDate(ctx.locale, c.closesOn) })}</p>;
    case 'old_version':
      return <p class="notice">{t('consultations.error_old_version')}</p>;
  }
}

function CommentForm({
  ctx,
  consultationId,
  paragraphId,
  errors,
  input,
}: {
  ctx: ViewContext;
  consultationId: number;
  paragraphId: number;
  errors: FieldError[];
  input: Record<string, string>;
}) {
  const { t } = ctx;
  const format = input.format ?? 'text';
  const stance = input.stance ?? '';
  const invalidField = (f: string) => (errors.some((e) => e.field === f) ? true : undefined);
  return (
    <PostForm
      ctx={ctx}
      action={`/consultations/${consultationId}/paragraphs/${paragraphId}/comments`}
      id="comment-form"
    >
      <fieldset class={errors.some((e) => e.field === 'stance') ? 'field field-error' : 'field'} id="field-stance">
        <legend>{t('consultations.comment.stance')}</legend>
        <FieldErrorText ctx={ctx} errors={errors} field="stance" />
        {(['support', 'oppose', 'neutral'] as const).map((s) => (
          <div class="checkbox">
            <input type="radio" id={`stance-${s}`} name="stance" value={s} checked={stance === s} />
            <label for={`stance-${s}`}>{t(`consultations.stance.${s}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class={errors.some((e) => e.field === 'body') ? 'field field-error' : 'field'}>
        <label for="field-body">{t('consultations.comment.body')}</label>
        <p class="hint" id="field-body-hint">
          {t('consultations.comment.body_hint', { max: COMMENT_MAX })}
        </p>
        <FieldErrorText ctx={ctx} errors={errors} field="body" />
        <textarea
          id="field-body"
          name="body"
          rows={6}
          aria-describedby="field-body-hint"
          aria-invalid={invalidField('body')}
        >
          {input.body ?? ''}
        </textarea>
      </div>
      <fieldset class="field">
        <legend>{t('consultations.comment.format')}</legend>
        {(['text', 'markdown'] as const).map((f) => (
          <div class="checkbox">
            <input type="radio" id={`format-${f}`} name="format" value={f} checked={format === f} />
            <label for={`format-${f}`}>{t(`consultations.comment.format_${f}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class={errors.some((e) => e.field === 'proposed_wording') ? 'field field-error' : 'field'}>
        <label for="field-proposed_wording">{t('consultations.comment.proposed_wording')}</label>
        <FieldErrorText ctx={ctx} errors={errors} field="proposed_wording" />
        <textarea
          id="field-proposed_wording"
          name="proposed_wording"
          rows={4}
          aria-invalid={invalidField('proposed_wording')}
        >
          {input.proposed_wording ?? ''}
        </textarea>
      </div>
      <div class="field checkbox">
        <input type="checkbox" id="field-show_name" name="show_name" value="1" checked={input.show_name === '1'} />
        <label for="field-show_name">{t('consultations.comment.show_name')}</label>
      </div>
      <button type="submit">{t('consultations.comment.submit')}</button>
    </PostForm>
  );
}

export function ModerationPage({
  ctx,
  consultation,
  comments,
}: {
  ctx: ViewContext;
  consultation: { id: number; title: string };
  comments: (CommentView & { paragraphLabel: string })[];
}) {
  const { t } = ctx;
  return (
    <ConsultationLayout ctx={ctx} title={`${t('consultations.moderation')} · ${consultation.title}`}>
      <p>
        <a href={`/consultations/${consultation.id}`}>← {consultation.title}</a>
      </p>
      <h1>{t('consultations.moderation')}</h1>
      {comments.length === 0 ? <p>{t('consultations.moderation_none')}</p> : null}
      {comments.map((c) => (
        <article class="comment" id={`comment-${c.id}`}>
          <p class="comment-meta">
            <a href={`/consultations/${consultation.id}/paragraphs/${c.paragraphId}#comment-${c.id}`}>
              {c.paragraphLabel}
            </a>{' '}
            · {t('consultations.flags_count', { count: c.unresolvedFlags })} ·{' '}
            {c.status === 'pending_review'
              ? t('consultations.hidden_pending')
              : c.status === 'hidden'
                ? t('consultations.hidden_by_moderator')
                : ''}
          </p>
          <p class="pre">{c.body}</p>
          <ModerateForm ctx={ctx} comment={c} consultationId={consultation.id} />
        </article>
      ))}
    </ConsultationLayout>
  );
}
