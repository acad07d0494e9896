/**
 * The tamper-evident audit log (SECURITY.md): each row's hash is
 * SHA-256(prev_hash || canonical JSON of the row), appended in the same transaction as the change it
 * records. The single `audit_head` row is locked while appending (PostgreSQL `FOR UPDATE`; SQLite
 * serialises writers anyway), so concurrent transactions cannot fork the chain.
 *
 * `data` must never hold confidential content: ids, field names and counts only.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { canonicalJson } from './canonical-json.js';

export interface AuditEntry {
  /** 'user:12', 'system', 'anonymous', 'cli' */
  actor: string;
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  data?: Record<string, unknown>;
  at?: Date;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  data: string;
}

export function hashAuditRow(prevHash: string, row: AuditRow): string {
  return crypto.createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export async function appendAudit(trx: Executor, entry: AuditEntry): Promise<number> {
  const headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  const head = isPostgres(trx)
    ? await headQuery.forUpdate().executeTakeFirstOrThrow()
    : await headQuery.executeTakeFirstOrThrow();
  const row: AuditRow = {
    seq: head.seq + 1,
    at: (entry.at ?? new Date()).toISOString(),
    actor: entry.actor,
    action: entry.action,
    object_type: entry.objectType ?? null,
    object_id: entry.objectId == null ? null : String(entry.objectId),
    data: canonicalJson(entry.data ?? {}),
  };
  const hash = hashAuditRow(head.hash, row);
  await trx
    .insertInto('audit_event')
    .values({ ...row, prev_hash: head.hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  return row.seq;
}

/**
 * Writes an entry in its own transaction: for events that have no change of their own
 * (failed sign-ins, denied access, reads of confidential records).
 */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  if (db.isTransaction) {
    await appendAudit(db, entry);
    return;
  }
  await (db as import('kysely').Kysely<import('../db/database.js').Database>)
    .transaction()
    .execute((trx) => appendAudit(trx, entry));
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
  /** Hash of the last verified row: copied off the server, it anchors the chain (see checkAuditAnchor). */
  headHash: string | null;
}

/**
 * Recomputes the chain from the first row and names the first bad row: a changed field (hash
 * mismatch), a deleted or reordered row (sequence or prev_hash break), a truncated tail (the head
 * records more rows than remain), rows added beyond the head.
 *
 * Safe on a live server without holding a transaction open: it checks the rows up to the head as it
 * was when the check began (a row and the head are written in one transaction, so every row up to it
 * exists), and rows appended meanwhile are left for the next check instead of being mistaken for
 * tampering or read forever.
 */
export async function verifyAuditChain(
  db: Executor,
  onProgress?: (done: number, total: number) => void,
): Promise<AuditVerification> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const upTo = head ? head.seq : Number.MAX_SAFE_INTEGER;
  const total = Number(
    (
      await db
        .selectFrom('audit_event')
        .select(sql<number>`count(*)`.as('n'))
        .where('seq', '<=', upTo)
        .executeTakeFirstOrThrow()
    ).n,
  );
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 5000;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          headHash: null,
          firstBadSeq: r.seq,
          problem: `row ${r.seq} follows row ${expectedSeq - 1}: rows are missing or reordered`,
        };
      }
      if (r.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          headHash: null,
          firstBadSeq: r.seq,
          problem: `row ${r.seq} does not link to the row before it (deleted, inserted or reordered rows)`,
        };
      }
      const { prev_hash: _p, hash, ...fields } = r;
      if (hashAuditRow(prevHash, fields) !== hash) {
        return {
          ok: false,
          checked,
          headHash: null,
          firstBadSeq: r.seq,
          problem: `row ${r.seq} was changed after it was written (hash mismatch)`,
        };
      }
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
    after = rows[rows.length - 1]!.seq;
    onProgress?.(checked, total);
  }
  if (head && (head.seq !== checked || head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      headHash: null,
      firstBadSeq: checked + 1,
      problem: `the chain ends at row ${checked} but the head records row ${head.seq}: the tail was truncated or the head altered`,
    };
  }
  if (head) {
    // Rows beyond the head: the last row is read before the head, so a row appended meanwhile has
    // moved the head past it (same transaction); only a row written outside the log stays beyond.
    const last = await db
      .selectFrom('audit_event')
      .select(sql<number | null>`max(seq)`.as('seq'))
      .executeTakeFirstOrThrow();
    const now = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
    if (last.seq !== null && Number(last.seq) > now.seq) {
      return {
        ok: false,
        checked,
        headHash: null,
        firstBadSeq: now.seq + 1,
        problem: `row ${Number(last.seq)} lies beyond the head (row ${now.seq}): rows were added outside the log`,
      };
    }
  }
  return { ok: true, checked, firstBadSeq: null, problem: null, headHash: checked > 0 ? prevHash : null };
}

/**
 * An anchor is "SEQ:HASH" as printed by a past `achyk audit verify` and kept where the server cannot
 * write. The chain holds it when row SEQ still exists with that hash: this catches what the chain
 * alone cannot, a tail truncated together with a rewritten audit_head.
 */
export async function checkAuditAnchor(db: Executor, anchor: string): Promise<{ ok: boolean; problem: string | null }> {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(anchor.trim());
  if (!m) return { ok: false, problem: 'the anchor must look like SEQ:HASH (as printed by audit verify)' };
  const seq = Number(m[1]);
  const row = await db.selectFrom('audit_event').select('hash').where('seq', '=', seq).executeTakeFirst();
  if (!row) return { ok: false, problem: `row ${seq} of the anchor is missing: the log was truncated` };
  if (row.hash !== m[2])
    return { ok: false, problem: `row ${seq} no longer has the anchored hash: the log was rewritten` };
  return { ok: true, problem: null };
}
