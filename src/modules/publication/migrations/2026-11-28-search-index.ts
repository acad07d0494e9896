/**
 * A real text index for public search (docs/performance.md "Search"). Frozen.
 *
 * Search matches each query term at the start of a word of the folded search key
 * (`search_key LIKE '% term%'`), which no B-tree can answer: at a million appeals every search read
 * the whole search_doc table (about 0.5-1 s on SQLite).
 *
 * - SQLite: an FTS5 index over `search_doc.search_key` (external content: the text is stored once,
 *   in search_doc), kept in step by triggers, so every writer (publishing, withdrawing, the bulk
 *   import, a restore) keeps it right without knowing it exists. The key is already folded and
 *   stemmed by search-key.ts, so the plain `unicode61` tokenizer only splits on spaces; a prefix
 *   query `"term"*` is exactly "a word of the key starts with term". Prefix indexes of 2-4
 *   characters answer short prefixes without scanning the term list.
 * - PostgreSQL: a trigram GIN index (pg_trgm, a trusted extension since PostgreSQL 13) answers the
 *   same LIKE query unchanged.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index search_doc_key_trgm_idx on search_doc using gin (search_key gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table search_doc_fts using fts5(search_key, content='search_doc', content_rowid='id', tokenize='unicode61', prefix='2 3 4')`.execute(db);
  await sql`create trigger search_doc_fts_insert after insert on search_doc begin
    insert into search_doc_fts(rowid, search_key) values (new.id, new.search_key);
  end`.execute(db);
  await sql`create trigger search_doc_fts_delete after delete on search_doc begin
    insert into search_doc_fts(search_doc_fts, rowid, search_key) values ('delete', old.id, old.search_key);
  end`.execute(db);
  await sql`create trigger search_doc_fts_update after update on search_doc begin
    insert into search_doc_fts(search_doc_fts, rowid, search_key) values ('delete', old.id, old.search_key);
    insert into search_doc_fts(rowid, search_key) values (new.id, new.search_key);
  end`.execute(db);
  await sql`insert into search_doc_fts(search_doc_fts) values ('rebuild')`.execute(db);
}
