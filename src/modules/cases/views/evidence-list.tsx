/** The evidence files of a case: fingerprint, uploader, download, verification and chain of custody. */
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { EvidenceView } from '../case-detail.js';
import { formatBytes } from './names.js';

export function EvidenceList(p: { ctx: ViewContext; caseId: number; evidence: EvidenceView[]; canEdit: boolean }) {
  const { ctx } = p;
  const { t, locale } = ctx;
  return (
    <>
      {p.evidence.map((e) => (
        <article class="evidence" id={`evidence-${e.id}`}>
          <h3>{e.originalName}</h3>
          <dl class="facts">
            <dt>{t('cases.size')}</dt>
            <dd>{formatBytes(e.size)}</dd>
            <dt>SHA-256</dt>
            <dd>
              <code class="hash">{e.sha256}</code>
            </dd>
            <dt>{t('cases.uploaded')}</dt>
            <dd>
              {formatDateTime(locale, e.uploadedAt)}, {e.uploadedBy}
            </dd>
          </dl>
          {e.lastVerifiedOk === 0 ? (
            <p class="error" role="alert">
              {t('cases.verify_bad')}
            </p>
          ) : null}
          <p>
            <a href={`/cases/${p.caseId}/evidence/${e.id}/download`} download>
              {t('cases.download')}
            </a>
          </p>
          {p.canEdit ? (
            <PostForm ctx={ctx} action={`/cases/${p.caseId}/evidence/${e.id}/verify`} class="inline">
              <button type="submit" class="secondary">
                {t('cases.verify')}
              </button>
            </PostForm>
          ) : null}
          <h4>{t('cases.custody')}</h4>
          <ol class="custody">
            {e.custody.map((x) => (
              <li>
                {formatDateTime(locale, x.at)} — {x.actor} — {t(`cases.custody.${x.action as 'upload'}`)}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </>
  );
}
