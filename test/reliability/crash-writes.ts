/**
 * The writes of the crash-safety suite and their checks. Writers create appeals (sent at once, so
 * the mail outbox and the job queue are written too), add notes to their timelines and upload
 * documents, all at the same time over loopback. A write counts as acknowledged only when the
 * client received a 2xx or 3xx answer; the ledger keeps what each acknowledged write created (ids,
 * texts, file names and SHA-256), and `verifySite` checks every one of them after the restart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { filesDir, storedPath } from '../../src/platform/files/store.js';
import { verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { api, BrowserClient } from './http-client.js';
import { withRuntime, type Site } from './site.js';

export interface AckedAppeal {
  id: number;
  subject: string;
  text: string;
}
export interface AckedEvent {
  appealId: number;
  eventId: number;
  text: string;
}
export interface AckedUpload {
  appealId: number;
  name: string;
  size: number;
  sha256: string;
}

export interface Ledger {
  appeals: AckedAppeal[];
  events: AckedEvent[];
  uploads: AckedUpload[];
  attempted: number;
  acknowledged: number;
  /** requests cut by the kill (connection reset or refused): never acknowledged */
  cut: number;
  /** 5xx answers while the database was down (PostgreSQL killed under a running server) */
  outage5xx: number;
  /** answers that should not happen: any 4xx, or a 5xx while everything was up */
  unexpected: string[];
}

export function newLedger(): Ledger {
  return { appeals: [], events: [], uploads: [], attempted: 0, acknowledged: 0, cut: 0, outage5xx: 0, unexpected: [] };
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const marker = () => crypto.randomBytes(6).toString('hex');
/** Cyrillic and Latin text of a random length (JSON and form bodies of varied sizes). */
function someText(min: number, max: number): string {
  const words = ['өтүнүч', 'арыз', 'жооп', 'мөөнөт', 'обращение', 'жалоба', 'срок', 'ответ', 'appeal', 'deadline'];
  const n = min + Math.floor(Math.random() * (max - min));
  return Array.from({ length: n }, () => pick(words)).join(' ');
}

export interface WriteRun {
  /** stops the writers after their request in flight */
  stop(): void;
  /** set when the kill happens: answers after it are judged as answers during an outage */
  markOutage(): void;
  done: Promise<void>;
}

/**
 * Starts `workers` concurrent writers as the citizen (API token for appeals and notes, a signed-in
 * browser for uploads). A writer stops at its first cut connection (the server is gone) or at stop().
 */
export function startWriters(
  site: Site,
  browser: BrowserClient,
  ledger: Ledger,
  opts: { workers: number; label: string },
): WriteRun {
  let stopped = false;
  let outage = false;
  const token = site.citizen.token;

  async function one(worker: number, n: number): Promise<'ok' | 'cut'> {
    const tag = `${opts.label}-w${worker}-${n}-${marker()}`;
    const r = Math.random();
    ledger.attempted++;
    try {
      if (ledger.appeals.length === 0 || r < 0.4) {
        const subject = `Crash test ${tag}`;
        const text = `${someText(5, 400)} ${tag}`;
        const res = await api(site.url, token, 'POST', '/api/v1/appeals', {
          bodyId: site.bodyId,
          kind: 'application',
          language: 'ky',
          subject,
          text,
          toAddress: 'reception@body.example.org',
          send: true,
        });
        if (!judge(res.status, 201, `create appeal ${tag}`, res.body)) return 'ok';
        ledger.appeals.push({ id: (JSON.parse(res.body) as { id: number }).id, subject, text });
      } else if (r < 0.7) {
        const appeal = pick(ledger.appeals);
        const text = `Note ${tag} ${someText(1, 50)}`;
        const res = await api(site.url, token, 'POST', `/api/v1/appeals/${appeal.id}/events`, { kind: 'note', text });
        if (!judge(res.status, 201, `note on appeal ${appeal.id}`, res.body)) return 'ok';
        const ev = (JSON.parse(res.body) as { events: { id: number; text: string | null }[] }).events.find(
          (e) => e.text === text,
        );
        if (!ev) ledger.unexpected.push(`note on appeal ${appeal.id}: 201 but the answer does not list the note`);
        else ledger.events.push({ appealId: appeal.id, eventId: ev.id, text });
      } else {
        const appeal = pick(ledger.appeals);
        // Up to 3 MB so that the kill often lands in the middle of an upload.
        const size =
          Math.random() < 0.5 ? 1 + Math.floor(Math.random() * 4096) : Math.floor(Math.random() * 3_000_000) + 1;
        const content = Buffer.from(
          crypto
            .randomBytes(Math.ceil((size * 3) / 4))
            .toString('base64')
            .slice(0, size),
          'latin1',
        );
        const name = `${tag}.txt`;
        const form = new FormData();
        form.append('file', new Blob([content], { type: 'text/plain' }), name);
        const res = await browser.postMultipart(`/appeals/${appeal.id}/files`, form);
        if (!judge(res.status, 303, `upload to appeal ${appeal.id}`, res.body)) return 'ok';
        ledger.uploads.push({
          appealId: appeal.id,
          name,
          size: content.length,
          sha256: crypto.createHash('sha256').update(content).digest('hex'),
        });
      }
      ledger.acknowledged++;
      return 'ok';
    } catch {
      // fetch failed: the connection was cut or refused; the write was not acknowledged.
      ledger.cut++;
      return 'cut';
    }
  }

  /** True when the answer acknowledges the write; records answers that should not happen. */
  function judge(status: number, expected: number, what: string, body: string): boolean {
    if (status === expected) return true;
    if (status >= 500 && outage) ledger.outage5xx++;
    else ledger.unexpected.push(`${what}: ${status} (expected ${expected}) ${body.slice(0, 300)}`);
    return false;
  }

  const done = Promise.all(
    Array.from({ length: opts.workers }, async (_, w) => {
      for (let n = 0; !stopped; n++) {
        if ((await one(w, n)) === 'cut') return;
      }
    }),
  ).then(() => undefined);
  return {
    stop: () => {
      stopped = true;
    },
    markOutage: () => {
      outage = true;
    },
    done,
  };
}

export interface Verification {
  problems: string[];
  auditRows: number;
  /** whole files on disk that no row refers to (uploads cut after the file was stored) */
  orphanFiles: number;
  /** `.part` files of uploads cut while streaming */
  partialFiles: number;
  integrity: string;
}

function sha256File(p: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
}

/**
 * Checks the site after a restart (the server idle): every acknowledged write is present and whole,
 * every stored document matches its recorded SHA-256, the audit chain verifies, and SQLite's
 * integrity_check passes. Also asks the server itself for every acknowledged appeal of the round.
 */
export async function verifySite(site: Site, ledger: Ledger, roundAppeals: AckedAppeal[]): Promise<Verification> {
  const problems: string[] = [];
  const result = await withRuntime(site, async (runtime) => {
    const db = runtime.conn.db;
    const appeals = new Map(
      (await db.selectFrom('appeal').select(['id', 'subject', 'text', 'state']).execute()).map((a) => [a.id, a]),
    );
    for (const a of ledger.appeals) {
      const row = appeals.get(a.id);
      if (!row) problems.push(`acknowledged appeal ${a.id} is missing`);
      else if (row.subject !== a.subject || row.text !== a.text)
        problems.push(`acknowledged appeal ${a.id} has a different subject or text`);
      else if (row.state === 'draft') problems.push(`acknowledged appeal ${a.id} (sent) is a draft again`);
    }
    const events = new Map(
      (
        await db.selectFrom('appeal_event').select(['id', 'appeal_id', 'text']).where('kind', '=', 'note').execute()
      ).map((e) => [e.id, e]),
    );
    for (const e of ledger.events) {
      const row = events.get(e.eventId);
      if (!row || row.appeal_id !== e.appealId || row.text !== e.text)
        problems.push(`acknowledged note ${e.eventId} on appeal ${e.appealId} is missing or changed`);
    }
    const files = await db
      .selectFrom('appeal_file')
      .select(['id', 'appeal_id', 'original_name', 'stored_name', 'size', 'sha256'])
      .execute();
    const byName = new Map(files.map((f) => [`${f.appeal_id}/${f.original_name}`, f]));
    for (const u of ledger.uploads) {
      const row = byName.get(`${u.appealId}/${u.name}`);
      if (!row) problems.push(`acknowledged upload ${u.name} on appeal ${u.appealId} is missing`);
      else if (row.sha256 !== u.sha256 || row.size !== u.size)
        problems.push(`acknowledged upload ${u.name}: stored SHA-256 or size differs from what was sent`);
    }
    // Every document row, acknowledged or not: its file is on disk and whole.
    const referenced = new Set<string>();
    for (const f of files) {
      referenced.add(f.stored_name);
      const p = storedPath(site.dataDir, f.stored_name);
      if (!fs.existsSync(p)) problems.push(`document ${f.id} (${f.original_name}): the file is missing on disk`);
      else if (sha256File(p) !== f.sha256)
        problems.push(`document ${f.id} (${f.original_name}): the file on disk does not match its SHA-256`);
    }
    let orphanFiles = 0;
    let partialFiles = 0;
    const dir = filesDir(site.dataDir);
    if (fs.existsSync(dir)) {
      for (const sub of fs.readdirSync(dir))
        for (const name of fs.readdirSync(path.join(dir, sub))) {
          if (name.endsWith('.part')) partialFiles++;
          else if (!referenced.has(name)) orphanFiles++;
        }
    }
    const audit = await verifyAuditChain(db);
    if (!audit.ok) problems.push(`audit chain: ${audit.problem}`);
    let integrity = 'not applicable (PostgreSQL)';
    if (runtime.conn.sqlite) {
      const rows = runtime.conn.sqlite.pragma('integrity_check') as { integrity_check: string }[];
      integrity = rows.map((r) => r.integrity_check).join('; ');
      if (integrity !== 'ok') problems.push(`SQLite integrity_check: ${integrity}`);
      const fk = runtime.conn.sqlite.pragma('foreign_key_check') as unknown[];
      if (fk.length) problems.push(`SQLite foreign_key_check: ${fk.length} row(s) point to missing rows`);
    } else {
      // Every sent appeal has its audit entry (written in the same transaction as the appeal).
      const unaudited = await db
        .selectFrom('appeal')
        .select(sql<number>`count(*)`.as('n'))
        .where('state', '!=', 'draft')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('audit_event')
                .select('seq')
                .where('object_type', '=', 'appeal')
                .whereRef('object_id', '=', sql<string>`cast(appeal.id as text)`),
            ),
          ),
        )
        .executeTakeFirstOrThrow();
      if (Number(unaudited.n) > 0) problems.push(`${unaudited.n} sent appeal(s) without an audit entry`);
    }
    return { auditRows: audit.checked, orphanFiles, partialFiles, integrity };
  });
  // The server's own view of the round's acknowledged appeals, notes and documents.
  const notesOf = new Map<number, Set<number>>();
  for (const e of ledger.events)
    (notesOf.get(e.appealId) ?? notesOf.set(e.appealId, new Set()).get(e.appealId)!).add(e.eventId);
  const uploadsOf = new Map<number, Set<string>>();
  for (const u of ledger.uploads)
    (uploadsOf.get(u.appealId) ?? uploadsOf.set(u.appealId, new Set()).get(u.appealId)!).add(`${u.name}:${u.sha256}`);
  for (const a of roundAppeals) {
    const res = await api(site.url, site.citizen.token, 'GET', `/api/v1/appeals/${a.id}`);
    if (res.status !== 200) {
      problems.push(`GET /api/v1/appeals/${a.id} after the restart: ${res.status}`);
      continue;
    }
    const body = JSON.parse(res.body) as {
      subject: string;
      events: { id: number }[];
      files: { name: string; sha256: string }[];
    };
    const ids = new Set(body.events.map((e) => e.id));
    const names = new Set(body.files.map((f) => `${f.name}:${f.sha256}`));
    for (const id of notesOf.get(a.id) ?? [])
      if (!ids.has(id)) problems.push(`the server does not show note ${id} on appeal ${a.id}`);
    for (const n of uploadsOf.get(a.id) ?? [])
      if (!names.has(n)) problems.push(`the server does not show document ${n} on appeal ${a.id}`);
  }
  return { problems, ...result };
}
