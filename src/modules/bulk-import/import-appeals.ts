/**
 * Bulk import of appeals: an NGO moving its spreadsheet of paper appeals into Achyk, or the bench
 * generator filling a national-size database (bench/generate.ts). What a row becomes is the same as
 * if the appeal had been recorded by hand, each part written by the module that owns it: the appeal
 * and its timeline (appeals), its statistical fact and aggregate cells (stats), and when asked the
 * automatically redacted public copy with its search index entries (publication).
 *
 * Why not one `recordAppeal` call per row: at a million rows the per-row round trips dominate.
 * Here every batch is a handful of multi-row INSERTs in one transaction with one audit entry, and
 * everything a batch needs (bodies and their places, rules, calendar, redaction rules) is read once.
 *
 * All rows are validated before anything is written: a file with one bad line writes nothing.
 * Each batch is its own transaction; the aggregate cells touched are recomputed at the end (or by
 * the caller, for an import split over several calls). If an import stops half-way, the batches
 * written are complete appeals; `achyk stats rebuild` then brings the cells up to date.
 */
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Db, Executor } from '../../platform/db/database.js';
import {
  loadAppealImportContext,
  validateImportRows as validateAppealRows,
  writeImportedAppeals,
  type AppealImportContext,
  type DueMemo,
  type ImportAppealRow,
  type ImportFieldError,
} from '../appeals/index.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { placesOfBodies, type Place } from '../directory/index.js';
import { loadImportRedaction, publishImportedCopies, type RedactionInput } from '../publication/index.js';
import { recordImportedFacts, recomputeTouchedCells, type TouchedCells } from '../stats/index.js';

export { recomputeTouchedCells, type TouchedCells };

export const IMPORT_BATCH = 500;

/** Everything the import reads once: the bodies with their places, the rules and calendar, the global redaction rules. */
export interface ImportContext {
  bodies: Map<string, { id: number } & Place>;
  appeals: AppealImportContext;
  redaction: RedactionInput;
}

export async function loadImportContext(db: Executor): Promise<ImportContext> {
  return {
    bodies: await placesOfBodies(db),
    appeals: await loadAppealImportContext(db),
    redaction: await loadImportRedaction(db),
  };
}

export interface ImportOptions {
  /** the NGO user who owns the imported appeals (staff of the NGO may act on them) */
  ownerId: number;
  /** audit actor, e.g. 'user:3' or 'cli' */
  actor: string;
  now: Date;
  batchSize?: number;
  context?: ImportContext;
  /** collect the touched cells here and leave their recomputation to the caller ({@link recomputeTouchedCells}) */
  deferCells?: TouchedCells;
  onProgress?: (done: number) => void;
}

export interface ImportResult {
  imported: number;
  published: number;
  events: number;
  firstId: number | null;
  lastId: number | null;
  errors: ImportFieldError[];
}

/** Validates raw rows (parsed JSON values); line numbers start at `firstLine`. */
export function validateImportRows(
  values: unknown[],
  context: ImportContext,
  firstLine = 1,
): { rows: ImportAppealRow[]; errors: ImportFieldError[] } {
  return validateAppealRows(values, context.appeals, (code) => context.bodies.has(code), firstLine);
}

/**
 * Imports rows (parsed JSON values, validated here). Returns the field errors and writes nothing
 * when any row is invalid.
 *
 * @example
 * const r = await importAppeals(db, lines.map((l) => JSON.parse(l)), { ownerId: 3, actor: 'cli', now: new Date() });
 */
export async function importAppeals(db: Db, values: unknown[], opts: ImportOptions): Promise<ImportResult> {
  const context = opts.context ?? (await loadImportContext(db));
  const { rows, errors } = validateImportRows(values, context);
  const result: ImportResult = { imported: 0, published: 0, events: 0, firstId: null, lastId: null, errors };
  if (errors.length) return result;
  const cells: TouchedCells = opts.deferCells ?? new Map();
  const size = opts.batchSize ?? IMPORT_BATCH;
  const dueMemo: DueMemo = new Map();
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const r = await db.transaction().execute((trx) => writeBatch(trx, batch, context, opts, cells, dueMemo));
    result.imported += batch.length;
    result.published += r.published;
    result.events += r.events;
    result.firstId ??= r.firstId;
    result.lastId = r.lastId;
    opts.onProgress?.(result.imported);
  }
  if (!opts.deferCells) await recomputeTouchedCells(db, cells);
  return result;
}

async function writeBatch(
  trx: Executor,
  batch: ImportAppealRow[],
  context: ImportContext,
  opts: ImportOptions,
  cells: TouchedCells,
  dueMemo: DueMemo,
): Promise<{ published: number; events: number; firstId: number; lastId: number }> {
  const at = opts.now.toISOString();
  const place = (code: string) => context.bodies.get(code)!;
  const appeals = await writeImportedAppeals(trx, batch, {
    context: context.appeals,
    bodyId: (code) => place(code).id,
    ownerId: opts.ownerId,
    actor: opts.actor,
    now: opts.now,
    dueMemo,
  });

  await recordImportedFacts(
    trx,
    appeals.map((a) => ({
      id: a.id,
      body_id: a.bodyId,
      kind: a.row.kind,
      state: a.state,
      received_on: a.row.received_on,
      term_from: a.termFrom,
      due_date: a.due,
      answered_on: a.row.answered_on ?? null,
      classification: a.row.classification ?? null,
      refusal_reason: a.row.refusal_reason ?? null,
      updated_at: at,
      place: place(a.row.body),
    })),
    { today: kyrgyzDateOf(opts.now), calendar: context.appeals.calendar, cells },
  );

  const published = await publishImportedCopies(
    trx,
    appeals
      .filter((a) => a.row.publish)
      .map((a) => ({
        appealId: a.id,
        bodyId: a.bodyId,
        kind: a.row.kind,
        status: a.state,
        territoryId: place(a.row.body).oblast,
        receivedOn: a.row.received_on,
        subject: a.row.subject,
        text: a.row.text,
        events: a.events,
      })),
    { redaction: context.redaction, actor: opts.actor, now: opts.now },
  );

  const ids = appeals.map((a) => a.id);
  const events = appeals.reduce((n, a) => n + a.events.length, 0);
  await appendAudit(trx, {
    actor: opts.actor,
    action: 'appeals.import',
    objectType: 'appeal',
    objectId: ids[0]!,
    data: { count: ids.length, first: ids[0], last: ids[ids.length - 1], events, published },
    at: opts.now,
  });
  return { published, events, firstId: ids[0]!, lastId: ids[ids.length - 1]! };
}
