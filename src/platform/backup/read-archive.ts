/**
 * Reads an archive as a stream of checked events. Every check a restore relies on happens here, as
 * the bytes go by: gzip integrity (zlib checks the CRC and length at the end of the stream), the
 * header, the order and shape of the tables, every row's width and value types, every table's row
 * count and SHA-256, and the trailer, which proves the archive is complete. The first problem throws
 * an ArchiveError; nothing after it is yielded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  isArchiveValue,
  type ArchiveValue,
  type HeaderLine,
  type TableEndLine,
  type TableLine,
  type TrailerLine,
} from './archive-format.js';

export type ArchiveEvent =
  | { kind: 'header'; header: HeaderLine }
  | { kind: 'table'; table: TableLine }
  /** rows of the current table, as many as one chunk of input held */
  | { kind: 'rows'; table: TableLine; rows: ArchiveValue[][] }
  | { kind: 'table-end'; table: TableLine; end: TableEndLine }
  | { kind: 'trailer'; trailer: TrailerLine };

const ROW_BATCH = 1000;

/**
 * Checks the 10-byte gzip header beyond what zlib does. zlib checks the magic, method and flags, but
 * no checksum covers the modification time, the extra-flags byte or the OS byte, so a damaged byte
 * there would pass unnoticed. They carry no data; still, "one flipped byte anywhere is refused" is
 * the promise operators can rely on, so the header must be exactly as Node's zlib writes it: no file
 * name or other fields, time 0, extra flags of a compression level, a known OS code.
 * (An archive recompressed with another tool is refused too; `achyk backup` output is used as is.)
 */
async function checkGzipHeader(file: string): Promise<void> {
  let head: Buffer;
  try {
    const fh = await fs.promises.open(file, 'r');
    try {
      head = Buffer.alloc(10);
      const { bytesRead } = await fh.read(head, 0, 10, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw describeReadError(file, err as NodeJS.ErrnoException);
  }
  if (head.length === 0) throw new ArchiveError(`${file} is empty`);
  if (head.length < 10)
    throw new ArchiveError(`${file} is truncated: the compressed data ends early (an interrupted copy?)`);
  const os = head[9]!;
  const ok =
    head[0] === 0x1f &&
    head[1] === 0x8b &&
    head[2] === 8 &&
    head[3] === 0 &&
    head.readUInt32LE(4) === 0 &&
    [0, 2, 4].includes(head[8]!) &&
    (os <= 13 || os === 255);
  if (!ok)
    throw new ArchiveError(
      `${file} is damaged or not an Achyk backup: its gzip header is not the one achyk backup writes`,
    );
}

/** Decompressed text of the archive, line by line (without the newline). */
async function* archiveLines(file: string): AsyncGenerator<string> {
  await checkGzipHeader(file);
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const text = rest + chunk;
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield line;
    }
  } catch (err) {
    throw describeReadError(file, err as NodeJS.ErrnoException);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (rest !== '') throw new ArchiveError(`${file} is truncated: its last line is incomplete`);
}

function describeReadError(file: string, err: NodeJS.ErrnoException): ArchiveError {
  if (err.code === 'ENOENT') return new ArchiveError(`${file} does not exist`);
  if (err.code === 'EACCES') return new ArchiveError(`${file} cannot be read (permission denied)`);
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message)) {
    return new ArchiveError(`${file} is truncated: the compressed data ends early (an interrupted copy?)`);
  }
  if (err.code === 'Z_DATA_ERROR') return new ArchiveError(`${file} is damaged or not an Achyk backup: ${err.message}`);
  return new ArchiveError(`${file} cannot be read: ${err.message}`);
}

function parseJson(line: string, lineNo: number, file: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ArchiveError(`${file} is damaged: line ${lineNo} is not valid JSON`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function checkHeader(v: unknown, file: string): HeaderLine {
  const bad = (why: string) => new ArchiveError(`${file} is not a valid Achyk backup: ${why}`);
  if (!isObject(v) || v.type !== 'header' || v.format !== ARCHIVE_FORMAT)
    throw bad('it does not start with an Achyk backup header');
  if (typeof v.version !== 'number') throw bad('the header has no format version');
  if (v.version > ARCHIVE_VERSION)
    throw bad(
      `it was made by a newer version of Achyk (archive format ${v.version}; this version reads ${ARCHIVE_VERSION}). Upgrade Achyk first`,
    );
  if (v.version !== ARCHIVE_VERSION) throw bad(`unknown archive format ${v.version}`);
  if (v.dialect !== 'sqlite' && v.dialect !== 'postgres') throw bad('the header names no source database');
  if (typeof v.createdAt !== 'string' || !isStringList(v.migrations)) throw bad('the header is incomplete');
  const tables = v.tables;
  if (!Array.isArray(tables) || !tables.every((t) => isObject(t) && typeof t.name === 'string' && isCount(t.rows)))
    throw bad('the header has no valid table list');
  const names = new Set(tables.map((t) => (t as { name: string }).name));
  if (names.size !== tables.length) throw bad('the header lists a table twice');
  const sum = tables.reduce((s: number, t) => s + (t as { rows: number }).rows, 0);
  if (!isCount(v.totalRows) || v.totalRows !== sum) throw bad('the header row total does not add up');
  return v as unknown as HeaderLine;
}

/** Streams the archive's checked events; throws ArchiveError at the first problem. */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEvent> {
  const whole = crypto.createHash('sha256');
  let header: HeaderLine | null = null;
  let tableIndex = 0;
  let table: TableLine | null = null;
  let tableHash: crypto.Hash | null = null;
  let tableRows = 0;
  let totalRows = 0;
  let trailer: TrailerLine | null = null;
  let lineNo = 0;
  let pending: ArchiveValue[][] = [];

  for await (const line of archiveLines(file)) {
    lineNo++;
    if (trailer) {
      if (line === '') continue;
      throw new ArchiveError(`${file} is damaged: it has data after its final line`);
    }
    if (!header) {
      header = checkHeader(parseJson(line, lineNo, file), file);
      whole.update(line + '\n');
      yield { kind: 'header', header };
      continue;
    }
    if (table && line.startsWith('[')) {
      const row = parseJson(line, lineNo, file);
      if (!Array.isArray(row) || row.length !== table.columns.length || !row.every(isArchiveValue)) {
        throw new ArchiveError(
          `${file} is damaged: row ${tableRows + 1} of table ${table.name} (line ${lineNo}) does not match the table's ${table.columns.length} columns`,
        );
      }
      tableHash!.update(line + '\n');
      whole.update(line + '\n');
      tableRows++;
      pending.push(row);
      // Hand rows on in bounded batches, so a table of millions of rows never sits in memory.
      if (pending.length >= ROW_BATCH) {
        yield { kind: 'rows', table, rows: pending };
        pending = [];
      }
      continue;
    }
    if (pending.length > 0) {
      yield { kind: 'rows', table: table!, rows: pending };
      pending = [];
    }
    const v = parseJson(line, lineNo, file);
    if (!isObject(v)) throw new ArchiveError(`${file} is damaged: unexpected content at line ${lineNo}`);
    if (table) {
      if (v.type !== 'table-end' || v.name !== table.name)
        throw new ArchiveError(`${file} is damaged: table ${table.name} does not end where it should (line ${lineNo})`);
      const expected = header.tables[tableIndex]!.rows;
      const digest = tableHash!.digest('hex');
      if (v.rows !== tableRows || tableRows !== expected) {
        throw new ArchiveError(
          `${file} is damaged: table ${table.name} has ${tableRows} rows but the archive says ${expected}`,
        );
      }
      if (v.sha256 !== digest)
        throw new ArchiveError(`${file} is damaged: the checksum of table ${table.name} does not match its rows`);
      whole.update(line + '\n');
      totalRows += tableRows;
      yield { kind: 'table-end', table, end: v as unknown as TableEndLine };
      table = null;
      tableHash = null;
      tableIndex++;
      continue;
    }
    if (v.type === 'table') {
      const expected = header.tables[tableIndex];
      if (!expected || v.name !== expected.name)
        throw new ArchiveError(`${file} is damaged: table ${String(v.name)} is not the one the header announces next`);
      const cols = v.columns;
      if (!isStringList(cols) || cols.length === 0 || new Set(cols).size !== cols.length)
        throw new ArchiveError(`${file} is damaged: table ${expected.name} has no valid column list`);
      if (!isStringList(v.primaryKey) || !v.primaryKey.every((k) => cols.includes(k)))
        throw new ArchiveError(`${file} is damaged: table ${expected.name} has no valid primary key`);
      const seqs = v.sequences;
      if (
        !Array.isArray(seqs) ||
        !seqs.every((q) => isObject(q) && typeof q.column === 'string' && cols.includes(q.column) && isCount(q.last))
      ) {
        throw new ArchiveError(`${file} is damaged: table ${expected.name} has no valid sequence list`);
      }
      table = v as unknown as TableLine;
      tableHash = crypto.createHash('sha256');
      tableRows = 0;
      whole.update(line + '\n');
      yield { kind: 'table', table };
      continue;
    }
    if (v.type === 'trailer') {
      if (tableIndex !== header.tables.length)
        throw new ArchiveError(`${file} is damaged: it ends after ${tableIndex} of ${header.tables.length} tables`);
      if (v.tables !== header.tables.length || v.rows !== totalRows || v.rows !== header.totalRows)
        throw new ArchiveError(`${file} is damaged: its final line does not match its contents`);
      if (v.sha256 !== whole.digest('hex'))
        throw new ArchiveError(
          `${file} is damaged: the archive checksum does not match (the header or a table line was changed)`,
        );
      trailer = v as unknown as TrailerLine;
      yield { kind: 'trailer', trailer };
      continue;
    }
    throw new ArchiveError(`${file} is damaged: unexpected content at line ${lineNo}`);
  }
  if (!header) throw new ArchiveError(`${file} is empty`);
  if (!trailer) {
    throw new ArchiveError(
      `${file} is truncated: it ends ${table ? `inside table ${table.name}` : `after ${tableIndex} of ${header.tables.length} tables`}, without its final line`,
    );
  }
}
