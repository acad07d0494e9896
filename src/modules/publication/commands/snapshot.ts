/**
 * The public copy of an appeal, exactly as the public will see it: the preview shows it, publishing
 * stores it. Gathers the redaction inputs (the appeal's people decrypted here, server-side, only to
 * find them in the text; the owner's choices; the rules in scope) and redacts every public text.
 */
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Appeal } from '../../appeals/index.js';
import type { Span } from '../redaction/patterns.js';
import { redactText, type RedactionInput } from '../redaction/redact.js';

/** Timeline events the public sees (dates); only answers carry text. Notes stay private. */
export const PUBLIC_EVENT_KINDS = ['sent', 'recorded', 'registered', 'extended', 'redirected', 'answer', 'classified', 'closed'] as const;

export interface PublicSnapshot {
  subject: string;
  text: string;
  events: { eventId: number; kind: string; onDate: string; text: string | null }[];
  files: { fileId: number; name: string; text: string | null; originalSafe: boolean }[];
  /** the automatic suggestions found in the original texts (for the review page) */
  suggestions: { kind: Span['kind']; value: string; kept: boolean }[];
  /** how many passages were redacted in all (audit) */
  redactions: number;
}

/** Everything the redaction of this appeal depends on. */
export async function redactionInput(db: Executor, cipher: FieldCipher, a: Appeal): Promise<RedactionInput> {
  const owner = await db.selectFrom('user').select(['display_name', 'email']).where('id', '=', a.owner_id).executeTakeFirst();
  const knownNames = [owner?.display_name, owner?.email, cipher.decryptNullable(a.person_name_enc, 'appeal.person_name'), cipher.decryptNullable(a.person_contact_enc, 'appeal.person_contact')].filter(
    (x): x is string => !!x,
  );
  const choices = await db.selectFrom('redaction_choice').select(['kind', 'value']).where('appeal_id', '=', a.id).orderBy('id').execute();
  const rules = await db
    .selectFrom('redaction_rule')
    .select(['pattern', 'is_regex', 'replacement'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('scope', '=', 'global'), eb.and([eb('scope', '=', 'body'), eb('scope_id', '=', a.body_id)]), eb.and([eb('scope', '=', 'appeal'), eb('scope_id', '=', a.id)])]))
    .orderBy('id')
    .execute();
  return {
    knownNames,
    keep: choices.filter((c) => c.kind === 'keep').map((c) => c.value),
    manual: choices.filter((c) => c.kind === 'redact').map((c) => c.value),
    rules,
  };
}

export async function buildSnapshot(db: Executor, cipher: FieldCipher, a: Appeal): Promise<PublicSnapshot> {
  const input = await redactionInput(db, cipher, a);
  const keep = new Set(input.keep.map((k) => k.toLocaleLowerCase()));
  const found = new Map<string, Span['kind']>();
  let redactions = 0;
  const run = (text: string) => {
    const r = redactText(text, input);
    for (const s of r.suggestions) found.set(text.slice(s.start, s.end), s.kind);
    redactions += r.spans.length;
    return r.text;
  };
  const events = await db
    .selectFrom('appeal_event')
    .select(['id', 'kind', 'on_date', 'text'])
    .where('appeal_id', '=', a.id)
    .where('kind', 'in', [...PUBLIC_EVENT_KINDS])
    .orderBy('id')
    .execute();
  const files = await db.selectFrom('appeal_file').select(['id', 'original_name', 'extracted_text']).where('appeal_id', '=', a.id).orderBy('id').execute();
  const safe = new Set(
    (await db.selectFrom('redaction_choice').select('value').where('appeal_id', '=', a.id).where('kind', '=', 'safe_file').execute()).map((r) => r.value),
  );
  return {
    subject: run(a.subject),
    text: run(a.text),
    events: events.map((e) => ({ eventId: e.id, kind: e.kind, onDate: e.on_date, text: e.kind === 'answer' && e.text ? run(e.text) : null })),
    files: files.map((f) => ({ fileId: f.id, name: run(f.original_name), text: f.extracted_text ? run(f.extracted_text) : null, originalSafe: safe.has(String(f.id)) })),
    suggestions: [...found].map(([value, kind]) => ({ kind, value, kept: keep.has(value.toLocaleLowerCase()) })),
    redactions,
  };
}
