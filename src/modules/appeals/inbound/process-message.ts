/**
 * What happens to a message the SMTP receiver accepted: the raw message is stored with its SHA-256;
 * a reply to a valid signed address (`appeal-<id>-<hmac>@MAIL_DOMAIN`) goes onto that appeal's
 * timeline with its text and attachments and marks the appeal "answer received, awaiting
 * classification"; anything else (unknown or forged address, unknown appeal, malformed or too large)
 * goes to the holding pen that administrators sort. Nothing is dropped silently.
 */
import type { ParsedMail } from 'mailparser';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Db, Executor } from '../../../platform/db/database.js';
import { kyrgyzDateOf } from '../../calendar/index.js';
import { loadCalendar } from '../calendar-store.js';
import { attachFile } from '../commands/attach-file.js';
import { recordEvent } from '../commands/record-event.js';
import { addEvent } from '../commands/timeline.js';
import { safeFileName } from '../../../platform/files/safe-name.js';
import { extensionOf, isAllowedExtension, sniff } from '../../../platform/files/sniff.js';
import { storeBuffer } from '../../../platform/files/store.js';
import { extractText } from '../../../platform/files/extract-text.js';
import { canTransition } from '../lifecycle.js';
import { findAppeal, type Appeal } from '../queries.js';
import { checkReplyAddress } from '../reply-address.js';
import type { HoldReason } from './tables.js';
import './tables.js';

export interface InboundDeps {
  db: Db;
  cipher: FieldCipher;
  dataDir: string;
  mailDomain: string;
}

export interface InboundEnvelope {
  mailFrom: string;
  rcptTo: string[];
}

export type InboundResult =
  { status: 'attached'; id: number; appealId: number } | { status: 'held'; id: number; reason: HoldReason };

/** Longest reply text kept on the timeline; the raw message keeps everything. */
const MAX_TEXT = 100_000;

export async function processInbound(
  deps: InboundDeps,
  raw: Buffer,
  envelope: InboundEnvelope,
  opts: { tooLarge?: boolean; size?: number; now: Date },
): Promise<InboundResult> {
  const { db } = deps;
  const { now } = opts;
  const stored = storeBuffer(deps.dataDir, raw);
  const base = {
    received_at: now.toISOString(),
    mail_from: envelope.mailFrom.slice(0, 320),
    rcpt_to: envelope.rcptTo.join(', ').slice(0, 2000),
    size: opts.size ?? raw.length,
    sha256: stored.sha256,
    stored_name: stored.storedName,
    sorted_by: null,
    sorted_at: null,
  };
  const hold = async (
    reason: HoldReason,
    subject: string | null,
    appealId: number | null = null,
  ): Promise<InboundResult> =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('inbound_message')
        .values({ ...base, subject, status: 'held', hold_reason: reason, appeal_id: appealId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        actor: 'mail',
        action: 'mail.inbound_held',
        objectType: 'inbound_message',
        objectId: row.id,
        data: { reason, sha256: stored.sha256, size: base.size },
        at: now,
      });
      return { status: 'held' as const, id: row.id, reason };
    });

  if (opts.tooLarge) return hold('too_large', null);

  let parsed: ParsedMail;
  try {
    const { simpleParser } = await import('mailparser'); // Loaded on first use, not at start: the server's memory budget (docs/performance.md, RSS).
    parsed = await simpleParser(raw, { skipHtmlToText: false });
  } catch {
    return hold('malformed', null);
  }
  const subject = parsed.subject?.slice(0, 500) ?? null;
  // A message with none of the headers every e-mail carries (From, To, Date, Message-ID, Subject)
  // is not an e-mail message: mailparser accepts almost anything, so we check ourselves.
  const known = ['from', 'to', 'date', 'message-id', 'subject'];
  if (!parsed.headerLines.some((h) => known.includes(h.key) && /^[\x21-\x39\x3b-\x7e]+:/.test(h.line)))
    return hold('malformed', subject);

  const checks = envelope.rcptTo.map((to) => checkReplyAddress(deps.cipher, to, deps.mailDomain));
  const ok = checks.find((c) => c.kind === 'ok');
  if (!ok || ok.kind !== 'ok')
    return hold(checks.some((c) => c.kind === 'bad_signature') ? 'bad_signature' : 'unknown_address', subject);
  const appeal = await findAppeal(db, ok.appealId);
  if (!appeal) return hold('unknown_appeal', subject);
  if (appeal.state === 'draft') return hold('appeal_not_sent', subject, appeal.id);

  const files = await prepareAttachments(deps.dataDir, parsed);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('inbound_message')
      .values({ ...base, subject, status: 'attached', hold_reason: null, appeal_id: appeal.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await attachMessage({ trx, parsed, files, appeal, inboundId: row.id, actor: 'mail', now });
    await appendAudit(trx, {
      actor: 'mail',
      action: 'mail.inbound_attached',
      objectType: 'inbound_message',
      objectId: row.id,
      data: { appeal: appeal.id, sha256: stored.sha256 },
      at: now,
    });
    return { status: 'attached' as const, id: row.id, appealId: appeal.id };
  });
}

export interface PreparedAttachment {
  name: string;
  mime: string;
  storedName: string;
  size: number;
  sha256: string;
  text: string | null;
}

/**
 * Stores a message's attachments (with SHA-256) and extracts their text, before the transaction
 * that records them: extraction can take seconds. Whatever the body sends is kept as evidence; a file
 * whose content does not match its name is served as an opaque download, never as what it claims.
 */
export async function prepareAttachments(dataDir: string, parsed: ParsedMail): Promise<PreparedAttachment[]> {
  const out: PreparedAttachment[] = [];
  for (const att of parsed.attachments ?? []) {
    const name = safeFileName(att.filename ?? 'attachment');
    const ext = extensionOf(name);
    const mime =
      (isAllowedExtension(ext) && sniff(ext, att.content.subarray(0, 65536), att.content.length <= 65536)) ||
      'application/octet-stream';
    const stored = storeBuffer(dataDir, att.content);
    out.push({ name, mime, ...stored, text: await extractText(mime, att.content) });
  }
  return out;
}

/**
 * Puts a parsed message on an appeal's timeline: its text as an answer (or as a plain "e-mail
 * received" entry when the appeal cannot take an answer, e.g. closed), its attachments as documents
 * with their SHA-256. Used for verified replies and by administrators sorting the holding pen.
 */
export async function attachMessage(p: {
  trx: Executor;
  parsed: ParsedMail;
  files: PreparedAttachment[];
  appeal: Appeal;
  inboundId: number;
  actor: string;
  now: Date;
}): Promise<number> {
  const { trx, parsed, appeal, now } = p;
  const calendar = await loadCalendar(trx);
  const subject = parsed.subject?.slice(0, 500) ?? '';
  const text = [subject, (parsed.text ?? '').slice(0, MAX_TEXT)].join('\n\n').trim();
  const today = kyrgyzDateOf(now);
  const on = appeal.received_on && today < appeal.received_on ? appeal.received_on : today;
  const eventId = canTransition(appeal.state, 'answer')
    ? await recordEvent({
        trx,
        appeal,
        input: { kind: 'answer', on, text, data: { inbound: p.inboundId } },
        actor: p.actor,
        calendar,
        now,
      })
    : await addEvent(trx, {
        appealId: appeal.id,
        kind: 'mail',
        actor: p.actor,
        text,
        data: { inbound: p.inboundId },
        now,
      });
  for (const f of p.files) {
    await attachFile({
      trx,
      appealId: appeal.id,
      eventId,
      originalName: f.name,
      storedName: f.storedName,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      extractedText: f.text,
      actor: p.actor,
      now,
    });
  }
  return eventId;
}
