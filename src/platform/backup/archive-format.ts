/**
 * The Achyk backup archive: one gzip stream of newline-delimited JSON, the same whichever database
 * wrote it, so an archive made on SQLite loads into PostgreSQL and back.
 *
 *   {"type":"header","format":"achyk-backup","version":1,"createdAt":…,"dialect":…,"migrations":[…],"tables":[{"name","rows"}],"totalRows":N}
 *   {"type":"table","name":"user","columns":["id",…],"primaryKey":["id"],"sequences":[{"column":"id","last":12}]}
 *   [1,"a@example.org",…]                      one line per row, values in column order
 *   {"type":"table-end","name":"user","rows":N,"sha256":"<SHA-256 of this table's row lines>"}
 *   … one block per table, in load order (parents before children) …
 *   {"type":"trailer","tables":N,"rows":N,"sha256":"<SHA-256 of every line before the trailer>"}
 *
 * Why this shape: JSON lines stream with bounded memory in both directions and can be read with
 * `zcat | head` in an emergency; per-table checksums name the damaged table; the trailer proves the
 * archive is complete (a truncated archive has none) and its digest also covers the header and the
 * table lines, which the per-table checksums do not.
 */

export const ARCHIVE_FORMAT = 'achyk-backup';
export const ARCHIVE_VERSION = 1;

/** Anything wrong with an archive file: damaged, truncated, not an archive, or from a newer Achyk. */
export class ArchiveError extends Error {}

/** A backup or restore that cannot go ahead (target not empty, unknown migrations …). */
export class RestoreRefusedError extends Error {}

export type DialectName = 'sqlite' | 'postgres';

export interface HeaderLine {
  type: 'header';
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  dialect: DialectName;
  /** names of the applied migrations (kysely_migration), sorted */
  migrations: string[];
  tables: { name: string; rows: number }[];
  totalRows: number;
}

export interface TableLine {
  type: 'table';
  name: string;
  columns: string[];
  primaryKey: string[];
  /**
   * The last id each auto-increment column handed out (SQLite sqlite_sequence, PostgreSQL identity
   * sequences). It can be above the largest id still present when the newest rows were deleted; a
   * restore keeps it, so ids are never reused and old audit entries keep pointing at what they named.
   */
  sequences: { column: string; last: number }[];
}

export interface TableEndLine {
  type: 'table-end';
  name: string;
  rows: number;
  sha256: string;
}

export interface TrailerLine {
  type: 'trailer';
  tables: number;
  rows: number;
  sha256: string;
}

/** A value as the drivers return it for the column types this project uses (and a few more, for safety). */
export type DbValue = string | number | bigint | null | Buffer | Uint8Array | Date | boolean;

/**
 * A value as written in a row line. The schema only uses integer, real, text and NULL, which are plain
 * JSON; the markers keep the rest lossless instead of silently corrupting it: blobs ($b64), integers
 * beyond 2^53 ($big), and the floats JSON cannot spell ($num: NaN, Infinity, -Infinity).
 */
export type ArchiveValue =
  string | number | null | { $b64: string } | { $big: string } | { $num: 'NaN' | 'Infinity' | '-Infinity' };

export function encodeValue(v: unknown, where: string): ArchiveValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    return { $num: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
  }
  if (typeof v === 'bigint') return { $big: v.toString() };
  // Booleans become 0/1: the schema stores flags as integers in both dialects (database.ts).
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') };
  // Timestamps are text in this schema; a real timestamp column (if one ever appears) keeps its instant.
  if (v instanceof Date) return v.toISOString();
  throw new ArchiveError(`${where}: cannot back up a value of type ${Object.prototype.toString.call(v)}`);
}

/** Whether a parsed JSON value is a valid archive value (checked for every row before a restore writes). */
export function isArchiveValue(v: unknown): v is ArchiveValue {
  if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v as object);
  if (keys.length !== 1) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.$b64 === 'string') return /^[A-Za-z0-9+/]*={0,2}$/.test(o.$b64);
  if (typeof o.$big === 'string') return /^-?\d+$/.test(o.$big);
  if (typeof o.$num === 'string') return ['NaN', 'Infinity', '-Infinity'].includes(o.$num);
  return false;
}

/** The driver value for an archive value (checked with isArchiveValue first). */
export function decodeValue(v: ArchiveValue): string | number | bigint | null | Buffer {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if ('$b64' in v) return Buffer.from(v.$b64, 'base64');
  if ('$big' in v) return BigInt(v.$big);
  return Number(v.$num);
}

/** `enc1:<keyId>:…` envelopes (field-encryption.ts): the key ids an archive needs to be readable. */
export const ENVELOPE_KEY_ID = /^enc1:([A-Za-z0-9_-]{1,64}):/;
