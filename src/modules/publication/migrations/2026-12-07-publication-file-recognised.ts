/** Public documents: whether their text was recognised automatically from a scan (OCR). Frozen. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication_file').addColumn('recognised', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
