/** Public pages: the list, the draft with its articles and paragraphs, a version with its changes. */
import { formatDate } from '../../../platform/i18n/translate.js';
import { PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Phase } from '../phase.js';
import type { ParagraphRow } from '../queries.js';
import type { DiffPart, VersionDiff } from '../word-diff.js';
import { ConsultationLayout, articleLabel, Dates, PhaseBadge } from './parts.js';

export interface ListItem {
  id: number;
  title: string;
  bodyName: string;
  opensOn: string;
  closesOn: string;
  phase: Phase;
}

export function ListPage({ ctx, items, canManage }: { ctx: ViewContext; items: ListItem[]; canManage: boolean }) {
  const { t } = ctx;
  return (
    <ConsultationLayout ctx={ctx} title={t('consultations.title')}>
      <h1>{t('consultations.title')}</h1>
      <p class="lead">{t('consultations.intro')}</p>
      {canManage ? (
        <p>
          <a class="button" href="/consultations/new">
            {t('consultations.new')}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('consultations.none')}</p> : null}
      <ul class="cards">
        {items.map((c) => (
          <li>
            <h2>
              <a href={`/consultations/${c.id}`}>{c.title}</a>
            </h2>
            <p class="muted">{c.bodyName}</p>
            <p>
              <PhaseBadge ctx={ctx} phase={c.phase} />
            </p>
            <p>
              <Dates ctx={ctx} opensOn={c.opensOn} closesOn={c.closesOn} />
            </p>
          </li>
        ))}
      </ul>
    </ConsultationLayout>
  );
}

export interface ConsultationHeader {
  id: number;
  title: string;
  bodyName: string;
  summary: string;
  officialUrl: string | null;
  opensOn: string;
  closesOn: string;
  phase: Phase;
  reportPublishedAt: string | null;
}

/** Groups paragraphs into articles (consecutive paragraphs of the same article). */
export function groupArticles<
  P extends Pick<ParagraphRow, 'article_number' | 'article_heading' | 'chapter' | 'paragraph_number'>,
>(paragraphs: P[]): { number: string | null; heading: string; chapter: string | null; paragraphs: P[] }[] {
  const out: { number: string | null; heading: string; chapter: string | null; paragraphs: P[] }[] = [];
  for (const p of paragraphs) {
    const last = out[out.length - 1];
    if (last && last.number === p.article_number && p.paragraph_number !== 1) last.paragraphs.push(p);
    else out.push({ number: p.article_number, heading: p.article_heading, chapter: p.chapter, paragraphs: [p] });
  }
  return out;
}

function ConsultationIntro({ ctx, consultation: c }: { ctx: ViewContext; consultation: ConsultationHeader }) {
  const { t } = ctx;
  return (
    <>
      <h1>{c.title}</h1>
      <dl class="facts">
        <dt>{t('consultations.field.body')}</dt>
        <dd>{c.bodyName}</dd>
        <dt>{t('consultations.phase')}</dt>
        <dd>
          <PhaseBadge ctx={ctx} phase={c.phase} />
        </dd>
        <dt>{t('consultations.dates_label')}</dt>
        <dd>
          <Dates ctx={ctx} opensOn={c.opensOn} closesOn={c.closesOn} />
        </dd>
        {c.officialUrl ? (
          <>
            <dt>{t('consultations.official_text')}</dt>
            <dd>
              <a href={c.officialUrl} rel="noopener noreferrer nofollow">
                {c.officialUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p class="pre">{c.summary}</p>
    </>
  );
}

export interface VersionLink {
  number: number;
  createdAt: string;
  changeNote: string | null;
}

export interface DocumentProps {
  ctx: ViewContext;
  consultation: ConsultationHeader;
  version: { number: number; splitOk: boolean; current: boolean } | null;
  versions: VersionLink[];
  paragraphs: ParagraphRow[];
  counts: Map<number, number>;
  following: boolean | null;
  canManage: boolean;
  canModerate: boolean;
  hearings: {
    id: number;
    held_on: string;
    place: string;
    participants: number;
    minutes_name: string | null;
    minutes_length: number | null;
  }[];
  diff?: VersionDiff | null;
  previousNumber?: number | null;
}

/** The draft (current or an earlier version): articles, paragraphs with anchors, comment counts and links. */
export function DocumentPage(p: DocumentProps) {
  const { ctx, consultation: c } = p;
  const { t } = ctx;
  const title =
    p.version && !p.version.current ? `${c.title} · ${t('consultations.version_n', { n: p.version.number })}` : c.title;
  const diffByAnchor = new Map((p.diff?.changes ?? []).map((ch) => [ch.paragraph.anchor, ch]));
  return (
    <ConsultationLayout ctx={ctx} title={title}>
      <ConsultationIntro ctx={ctx} consultation={c} />
      <nav class="actions" aria-label={t('consultations.title')}>
        <a href={`/consultations/${c.id}/report`}>{t('consultations.report')}</a>
        {p.canManage ? <a href={`/consultations/${c.id}/manage`}>{t('consultations.edit')}</a> : null}
        {p.canModerate ? <a href={`/consultations/${c.id}/moderation`}>{t('consultations.moderation')}</a> : null}
      </nav>
      {p.following !== null ? (
        <PostForm ctx={ctx} action={`/consultations/${c.id}/${p.following ? 'unfollow' : 'follow'}`} class="follow">
          {p.following ? <p class="muted">{t('consultations.following')}</p> : null}
          <button type="submit" class="secondary">
            {p.following ? t('consultations.unfollow') : t('consultations.follow')}
          </button>
        </PostForm>
      ) : null}
      {c.phase === 'announced' ? (
        <p class="notice">{t('consultations.not_open_yet', { date: formatDate(ctx.locale, c.opensOn) })}</p>
      ) : null}
      {c.phase === 'closed' || c.phase === 'report' ? (
        <p class="notice">{t('consultations.closed_notice', { date: formatDate(ctx.locale, c.closesOn) })}</p>
      ) : null}
      {p.version && !p.version.current ? <p class="notice">{t('consultations.old_version_notice')}</p> : null}
      {p.version ? <h2>{t('consultations.version_n', { n: p.version.number })}</h2> : null}
      {p.version && !p.version.splitOk ? <p class="notice">{t('consultations.split_none')}</p> : null}
      {p.diff && p.previousNumber ? <DiffSummary ctx={ctx} diff={p.diff} from={p.previousNumber} /> : null}
      <div class="draft">
        {groupArticles(p.paragraphs).map((a, i, all) => (
          <section class="article" aria-labelledby={`art-${i}`}>
            {a.chapter && a.chapter !== all[i - 1]?.chapter ? <p class="chapter">{a.chapter}</p> : null}
            <h3 id={`art-${i}`}>{articleLabel(ctx, a.number, a.heading)}</h3>
            {a.paragraphs.map((para) => {
              const n = p.counts.get(para.id) ?? 0;
              const change = diffByAnchor.get(para.anchor);
              return (
                <div
                  class={`paragraph${change && change.kind !== 'same' ? ` diff-${change.kind}` : ''}`}
                  id={para.anchor}
                >
                  <p class="para-no">
                    <a href={`#${para.anchor}`}>{t('consultations.paragraph_n', { n: para.paragraph_number })}</a>
                    {change && change.kind !== 'same' ? (
                      <span class="diff-label">
                        {' '}
                        ·{' '}
                        {change.kind === 'moved'
                          ? t('consultations.diff.moved', { from: articleLabel(ctx, change.from.articleNumber, '') })
                          : t(`consultations.diff.${change.kind}`)}
                      </span>
                    ) : null}
                  </p>
                  {change && change.kind === 'changed' ? (
                    <DiffText ctx={ctx} parts={change.parts} />
                  ) : (
                    <p class="para-text">{para.text}</p>
                  )}
                  <p class="para-links">
                    <a href={`/consultations/${c.id}/paragraphs/${para.id}`}>
                      {c.phase === 'open' && p.version?.current
                        ? t('consultations.comment_here')
                        : t('consultations.read_comments')}
                    </a>{' '}
                    <span class="muted">({t('consultations.comments_count', { count: n })})</span>
                  </p>
                </div>
              );
            })}
          </section>
        ))}
      </div>
      {p.diff && p.diff.removed.length ? (
        <section aria-labelledby="h-removed">
          <h2 id="h-removed">{t('consultations.diff.removed')}</h2>
          {p.diff.removed.map((r) => (
            <p class="diff-removed-para">
              <del>{r.text}</del>
            </p>
          ))}
        </section>
      ) : null}
      {p.versions.length > 1 ? (
        <section aria-labelledby="h-versions">
          <h2 id="h-versions">{t('consultations.versions')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li>
                <a href={`/consultations/${c.id}/versions/${v.number}`}>
                  {t('consultations.version_n', { n: v.number })}
                </a>{' '}
                · {formatDate(ctx.locale, v.createdAt)}
                {v.changeNote ? ` · ${v.changeNote}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <HearingsList ctx={ctx} consultationId={c.id} hearings={p.hearings} />
    </ConsultationLayout>
  );
}

export function HearingsList({
  ctx,
  consultationId,
  hearings,
}: {
  ctx: ViewContext;
  consultationId: number;
  hearings: DocumentProps['hearings'];
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="h-hearings">
      <h2 id="h-hearings">{t('consultations.hearings')}</h2>
      {hearings.length === 0 ? <p>{t('consultations.hearings_none')}</p> : null}
      {hearings.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('consultations.hearing.held_on')}</th>
                <th scope="col">{t('consultations.hearing.place')}</th>
                <th scope="col">{t('consultations.hearing.participants')}</th>
                <th scope="col">{t('consultations.hearing.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {hearings.map((h) => (
                <tr>
                  <td>{formatDate(ctx.locale, h.held_on)}</td>
                  <td>{h.place}</td>
                  <td>{h.participants}</td>
                  <td>
                    {h.minutes_length ? (
                      <a href={`/consultations/${consultationId}/hearings/${h.id}/minutes`}>
                        {t('consultations.hearing.download')}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function DiffSummary({ ctx, diff, from }: { ctx: ViewContext; diff: VersionDiff; from: number }) {
  const same = diff.changes.filter((c) => c.kind === 'same').length;
  return (
    <section class="notice" aria-labelledby="h-diff">
      <h2 id="h-diff">{ctx.t('consultations.diff_title', { from })}</h2>
      <ul>
        {(['changed', 'added', 'moved'] as const).map((k) => (
          <li>
            {ctx.t(`consultations.diff.${k}`, { from: '…' })}: {diff.changes.filter((c) => c.kind === k).length}
          </li>
        ))}
        <li>
          {ctx.t('consultations.diff.removed')}: {diff.removed.length}
        </li>
        <li>{ctx.t('consultations.diff.unchanged_count', { count: same })}</li>
      </ul>
    </section>
  );
}

/** Word-level changes as <del>/<ins>, readable without colour (screen readers announce the labels). */
export function DiffText({ ctx, parts }: { ctx: ViewContext; parts: DiffPart[] }) {
  return (
    <p class="para-text diff">
      {parts.map((part) =>
        part.type === 'same' ? (
          part.text
        ) : part.type === 'removed' ? (
          <del aria-label={ctx.t('consultations.diff.deleted_words')}>{part.text}</del>
        ) : (
          <ins aria-label={ctx.t('consultations.diff.inserted_words')}>{part.text}</ins>
        ),
      )}
    </p>
  );
}
