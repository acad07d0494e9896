/**
 * What a backup needs to know about the database it reads from or writes to, asked of the database
 * itself (not of the `Database` type) so that every table is included, also those a module adds later.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from './archive-format.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Kysely's own bookkeeping: the target's migrator writes these itself, so they are never copied. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

interface RawTable {
  name: string;
  /** tables this one references (foreign keys), itself excluded */
  parents: string[];
}

/**
 * Every table except the migration tables, in an order that satisfies foreign keys when loading:
 * creation order (SQLite: sqlite_master by rowid; PostgreSQL: pg_class by oid) as the base, then a
 * stable topological sort over the foreign keys, because a key added later by ALTER TABLE may point
 * at a table created after its own. Self-references are left to deferred checks (module guide).
 */
export async function listTables(db: AnyDb, dialect: DialectName): Promise<TableInfo[]> {
  const raw = dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  const ordered = loadOrder(raw.map((t) => ({ name: t.name, parents: t.parents })));
  const byName = new Map(raw.map((t) => [t.name, t]));
  return ordered.map((name) => {
    const t = byName.get(name)!;
    return { name, columns: t.columns, primaryKey: t.primaryKey };
  });
}

export function loadOrder(tables: RawTable[]): string[] {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const out: string[] = [];
  let remaining = [...tables];
  while (remaining.length > 0) {
    const next = remaining.find((t) => t.parents.every((p) => p === t.name || placed.has(p) || !names.has(p)));
    // A cycle of foreign keys: take the earliest created table; its checks are deferred on load.
    const pick = next ?? remaining[0]!;
    placed.add(pick.name);
    out.push(pick.name);
    remaining = remaining.filter((t) => t !== pick);
  }
  return out;
}

async function sqliteTables(db: AnyDb): Promise<(RawTable & TableInfo)[]> {
  // sqlite_% tables (sqlite_sequence for AUTOINCREMENT, sqlite_stat1) belong to SQLite itself.
  // Virtual tables (FTS5 search indexes) and their shadow tables hold derived data that the
  // owning module rebuilds (their insert triggers fire during a restore); PostgreSQL has no such tables,
  // so copying them would also make an SQLite archive unloadable there.
  const tables = await sql<{ name: string }>`
    select m.name from sqlite_master m join pragma_table_list t on t.name = m.name and t.schema = 'main'
    where m.type = 'table' and t.type = 'table' and m.name not like 'sqlite\_%' escape '\\' order by m.rowid`.execute(
    db,
  );
  const out: (RawTable & TableInfo)[] = [];
  for (const { name } of tables.rows) {
    if (MIGRATION_TABLES.includes(name)) continue;
    // table_info leaves out generated columns, which cannot be inserted anyway.
    const cols = await sql<{
      name: string;
      pk: number;
    }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const fks = await sql<{
      parent: string;
    }>`select distinct "table" as parent from pragma_foreign_key_list(${name})`.execute(db);
    out.push({
      name,
      columns: cols.rows.map((c) => c.name),
      primaryKey: cols.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      parents: fks.rows.map((f) => f.parent).filter((p) => p !== name),
    });
  }
  return out;
}

async function postgresTables(db: AnyDb): Promise<(RawTable & TableInfo)[]> {
  // current_schema() is where Kysely's unqualified table names resolve (normally "public").
  const tables = await sql<{ oid: number; name: string }>`
    select c.oid::int8 as oid, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition order by c.oid`.execute(db);
  const out: (RawTable & TableInfo)[] = [];
  for (const { oid, name } of tables.rows) {
    if (MIGRATION_TABLES.includes(name)) continue;
    // Stored generated columns (attgenerated 's') are computed by the server and cannot be inserted.
    const cols = await sql<{ name: string }>`
      select attname as name from pg_attribute
      where attrelid = ${oid}::int8::oid and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`.execute(db);
    const pk = await sql<{ name: string }>`
      select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${oid}::int8::oid and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
    const fks = await sql<{ parent: string }>`
      select distinct p.relname as parent from pg_constraint k join pg_class p on p.oid = k.confrelid
      where k.conrelid = ${oid}::int8::oid and k.contype = 'f'`.execute(db);
    out.push({
      name,
      columns: cols.rows.map((c) => c.name),
      primaryKey: pk.rows.map((c) => c.name),
      parents: fks.rows.map((f) => f.parent).filter((p) => p !== name),
    });
  }
  return out;
}

/** Names of the applied migrations, sorted; empty when the database was never migrated. */
export async function appliedMigrations(db: AnyDb, dialect: DialectName): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? await sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
      : await sql<{ n: number }>`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relname = 'kysely_migration'`.execute(db);
  if (Number(exists.rows[0]?.n ?? 0) === 0) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Row count of one table (names come from listTables, never from input). */
export async function countRows(db: AnyDb, table: string): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The last value each auto-increment column of the table handed out (see TableLine.sequences).
 * SQLite keeps one counter per AUTOINCREMENT table (for its INTEGER PRIMARY KEY); PostgreSQL one
 * sequence per identity or serial column. Sequences are not transactional: the value may be newer than
 * the snapshot, which only means the restored counter is a little higher.
 */
export async function sequenceState(
  db: AnyDb,
  dialect: DialectName,
  table: TableInfo,
): Promise<{ column: string; last: number }[]> {
  if (dialect === 'sqlite') {
    if (table.primaryKey.length !== 1) return [];
    const hasSeq = await sql<{
      n: number;
    }>`select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_sequence'`.execute(db);
    if (Number(hasSeq.rows[0]?.n ?? 0) === 0) return [];
    const r = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table.name}`.execute(db);
    const seq = r.rows[0]?.seq;
    return seq == null ? [] : [{ column: table.primaryKey[0]!, last: Number(seq) }];
  }
  const out: { column: string; last: number }[] = [];
  for (const { column, seq } of await postgresSequences(db, table.name)) {
    // pg_sequence_last_value is NULL until the sequence hands out its first value.
    const r = await sql<{ last: number | null }>`select pg_sequence_last_value(${seq}::regclass) as last`.execute(db);
    const last = r.rows[0]?.last;
    if (last != null) out.push({ column, last: Number(last) });
  }
  return out;
}

/** Identity and serial columns of a PostgreSQL table with their sequences. */
export async function postgresSequences(db: AnyDb, table: string): Promise<{ column: string; seq: string }[]> {
  const r = await sql<{ column: string; seq: string }>`
    select a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null
    order by a.attnum`.execute(db);
  return r.rows;
}
