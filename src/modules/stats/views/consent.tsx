/** The statistics consent, a section of the owner's publication page (added through publication's extension point). */
import { PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export function ConsentSection({ ctx, appealId, included }: { ctx: ViewContext; appealId: number; included: boolean }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('publication.consent')}</h2>
      <p>{included ? t('publication.consent_yes') : t('publication.consent_no')}</p>
      <PostForm ctx={ctx} action={`/appeals/${appealId}/publication/consent`}>
        <input type="hidden" name="include" value={included ? '0' : '1'} />
        <button type="submit">{included ? t('publication.consent_off') : t('publication.consent_on')}</button>
      </PostForm>
    </>
  );
}
