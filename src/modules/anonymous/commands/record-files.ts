/** Records prepared (already cleaned, encrypted and written) files on a report, in the caller's transaction. */
import type { Executor } from '../../../platform/db/database.js';
import type { PreparedFile } from '../files/upload.js';

export async function recordFiles(
  trx: Executor,
  reportId: number,
  files: PreparedFile[],
  by: 'reporter' | 'staff',
  now: Date,
): Promise<void> {
  for (const f of files) {
    await trx
      .insertInto('anonymous_file')
      .values({
        report_id: reportId,
        stored_name: f.storedName,
        key_enc: f.keyEnc,
        name_enc: f.nameEnc,
        sha256_enc: f.sha256Enc,
        mime: f.mime,
        size: f.size,
        removed: f.removed.join(','),
        kept_properties: f.keptProperties ? 1 : 0,
        uploaded_by: by,
        created_at: now.toISOString(),
      })
      .execute();
  }
}
