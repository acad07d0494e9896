/**
 * Parts of the publication page: the confirmation step (every capitalised word sequence and number
 * left visible, each with one button to hide it and one to confirm it safe: plain forms, no script)
 * and the documents (original marked safe, recognised text checked, recognition status).
 */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { PublicSnapshot, SnapshotFile } from '../commands/snapshot.js';

export function ReviewSection(p: {
  ctx: ViewContext;
  base: string;
  snapshot: PublicSnapshot;
  choices: { id: number; kind: string; value: string }[];
}) {
  const { ctx } = p;
  const { t } = ctx;
  const open = p.snapshot.review.filter((r) => !r.confirmed);
  const confirmed = p.choices.filter((c) => c.kind === 'safe');
  return (
    <section id="field-review" aria-labelledby="review-title" tabIndex={-1}>
      <h2 id="review-title">{t('publication.review_title')}</h2>
      <p>{t('publication.review_lead')}</p>
      {open.length === 0 ? (
        <p class="notice">{t('publication.review_none')}</p>
      ) : (
        <>
          <p>
            <strong>{t('publication.review_open', { count: open.length })}</strong>
          </p>
          <ul class="review-list">
            {open.map((r) => (
              <li>
                <span class="review-value">
                  {r.value}
                  {r.count > 1 ? <span class="muted"> ×{r.count}</span> : null}
                </span>
                <PostForm ctx={ctx} action={`${p.base}/choices`} class="inline">
                  <input type="hidden" name="kind" value="redact" />
                  <input type="hidden" name="value" value={r.value} />
                  <button type="submit" aria-label={t('publication.review_hide_label', { value: r.value })}>
                    {t('publication.review_hide')}
                  </button>
                </PostForm>
                <PostForm ctx={ctx} action={`${p.base}/choices`} class="inline">
                  <input type="hidden" name="kind" value="safe" />
                  <input type="hidden" name="value" value={r.value} />
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t('publication.review_safe_label', { value: r.value })}
                  >
                    {t('publication.review_safe')}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        </>
      )}
      {confirmed.length ? (
        <details>
          <summary>{t('publication.review_confirmed', { count: confirmed.length })}</summary>
          <ul class="review-list">
            {confirmed.map((c) => (
              <li>
                <span class="review-value">{c.value}</span>
                <PostForm ctx={ctx} action={`${p.base}/choices/${c.id}/delete`} class="inline">
                  <button type="submit" class="secondary">
                    {t('publication.undo')}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ocrStatusText(ctx: ViewContext, f: SnapshotFile): string | null {
  if (!f.ocrStatus) return null;
  return ctx.t(`appeals.ocr.${f.ocrStatus}` as MessageKey, { pages: f.ocrPages ?? 0, total: f.ocrPagesTotal ?? 0 });
}

export function FilesSection(p: {
  ctx: ViewContext;
  base: string;
  files: SnapshotFile[];
  safeFiles: Set<number>;
  checkedOcr: Set<number>;
  canMarkSafe: boolean;
}) {
  const { ctx } = p;
  const { t } = ctx;
  if (p.files.length === 0) return null;
  return (
    <>
      <h2>{t('publication.files')}</h2>
      <ul>
        {p.files.map((f) => {
          const status = ocrStatusText(ctx, f);
          const retry = f.ocrStatus && f.ocrStatus !== 'queued' && f.ocrStatus !== 'done';
          return (
            <li>
              {f.name}: {p.safeFiles.has(f.fileId) ? t('publication.file_safe') : t('publication.file_text_only')}
              {!p.safeFiles.has(f.fileId) && p.canMarkSafe ? (
                <PostForm ctx={ctx} action={`${p.base}/choices`} class="inline">
                  <input type="hidden" name="kind" value="safe_file" />
                  <input type="hidden" name="value" value={String(f.fileId)} />{' '}
                  <button type="submit" class="secondary">
                    {t('publication.mark_safe')}
                  </button>
                </PostForm>
              ) : null}
              {status ? <p class="hint">{status}</p> : null}
              {f.recognised ? (
                p.checkedOcr.has(f.fileId) ? (
                  <p class="hint">{t('publication.ocr_checked')}</p>
                ) : (
                  <>
                    <p class="hint">{t('publication.file_withheld')}</p>
                    <PostForm ctx={ctx} action={`${p.base}/choices`}>
                      <input type="hidden" name="kind" value="ocr_checked" />
                      <input type="hidden" name="value" value={String(f.fileId)} />
                      <button type="submit" class="secondary">
                        {t('publication.ocr_mark_checked')}
                      </button>
                    </PostForm>
                  </>
                )
              ) : null}
              {f.ocrStatus ? <p class="hint">{t('publication.scan_image_note')}</p> : null}
              {retry ? (
                <PostForm ctx={ctx} action={`${p.base}/files/${f.fileId}/ocr`}>
                  <button type="submit" class="secondary">
                    {t('publication.ocr_retry')}
                  </button>
                </PostForm>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
