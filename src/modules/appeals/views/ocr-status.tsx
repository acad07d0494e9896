/** The text recognition status of a scanned document, said plainly next to it (files/ocr.ts). */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { AppealFile } from '../queries.js';

export function OcrStatus({
  ctx,
  file,
}: {
  ctx: ViewContext;
  file: Pick<AppealFile, 'ocr_status' | 'ocr_pages' | 'ocr_pages_total'>;
}) {
  if (!file.ocr_status) return null;
  return (
    <>
      {' '}
      <small class="ocr-status">
        {ctx.t(`appeals.ocr.${file.ocr_status}` as MessageKey, {
          pages: file.ocr_pages ?? 0,
          total: file.ocr_pages_total ?? 0,
        })}
      </small>
    </>
  );
}
