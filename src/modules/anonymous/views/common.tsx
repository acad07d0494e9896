/** Pieces shared by the reporter's and the staff's pages. */
import type { ViewContext } from '../../../platform/render/view-context.js';
import { MAX_FILE_BYTES, MAX_FILES } from '../files/upload.js';
import type { ReportState, Topic } from '../tables.js';

export interface FileView {
  id?: number;
  name: string;
  size?: number;
  removed: string[];
  keptProperties: boolean;
}

/** What was removed from each file, or what could not be (told to the reporter after uploading). */
export function CleaningReport({ ctx, files }: { ctx: ViewContext; files: FileView[] }) {
  const { t } = ctx;
  if (files.length === 0) return null;
  return (
    <ul class="cleaning-report">
      {files.map((f) => (
        <li>
          <strong>{f.name}</strong>
          {': '}
          {f.removed.length > 0
            ? t('anonymous.files.removed', {
                what: f.removed.map((r) => t(`anonymous.meta.${r as 'exif'}`)).join(', '),
              })
            : f.keptProperties
              ? t('anonymous.files.kept_properties')
              : t('anonymous.files.nothing_found')}
        </li>
      ))}
    </ul>
  );
}

/** The file input with its limits and the warning about document properties. */
export function FilesField({ ctx, error }: { ctx: ViewContext; error?: string }) {
  const { t } = ctx;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="field-files">{t('anonymous.field.files')}</label>
      <p class="hint" id="field-files-hint">
        {t('anonymous.files.hint', { max: MAX_FILES, size: `${MAX_FILE_BYTES / 1024 / 1024} MB` })}{' '}
        {t('anonymous.files.warning')}
      </p>
      {error ? (
        <p class="error" id="field-files-error">
          {error}
        </p>
      ) : null}
      <input
        id="field-files"
        type="file"
        name="files"
        multiple
        accept=".jpg,.jpeg,.png,.pdf,.docx,.odt,.txt"
        aria-describedby={error ? 'field-files-hint field-files-error' : 'field-files-hint'}
      />
    </div>
  );
}

export function topicLabel(ctx: ViewContext, topic: Topic): string {
  return ctx.t(`anonymous.topic.${topic}`);
}

export function stateLabel(ctx: ViewContext, state: ReportState): string {
  return ctx.t(`anonymous.state.${state}`);
}

export function bodyLabel(
  ctx: ViewContext,
  b: { name_ky: string | null; name_ru: string | null; name_en: string | null },
): string {
  return b[`name_${ctx.locale}`] ?? b.name_ky ?? b.name_ru ?? b.name_en ?? '';
}

/** Text with its line breaks kept (inline styles are forbidden by the CSP, so no white-space rule). */
export function MultiLine({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}
