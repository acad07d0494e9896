/**
 * Text recognition (OCR) of scanned documents: where a document's text came from ('document': its
 * own text layer; 'ocr': recognised automatically from the image) and how recognition went (queued,
 * done, empty, partial, failed, timeout, unavailable), with the pages read out of the pages there
 * are. Existing documents with text got it from their own text layer. Frozen.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeal_file').addColumn('text_source', 'text').execute();
  await db.schema.alterTable('appeal_file').addColumn('ocr_status', 'text').execute();
  await db.schema.alterTable('appeal_file').addColumn('ocr_pages', 'integer').execute();
  await db.schema.alterTable('appeal_file').addColumn('ocr_pages_total', 'integer').execute();
  await db.updateTable('appeal_file').set({ text_source: 'document' }).where(sql`extracted_text`, 'is not', null).execute();
}
