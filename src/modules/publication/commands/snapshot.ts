/**
 * The public copy of an appeal, exactly as the public will see it: the preview shows it, publishing
 * stores it. Gathers the redaction inputs (the appeal's known identities decrypted here, server-side,
 * only to find them in the text; the owner's choices; the rules in scope), redacts every public text
 * together (a name found in one is hidden in all), and lists what is left for a person to confirm.
 *
 * Known identities: the owner (name, e-mail), the person the appeal is filed for and their contact,
 * the same of the appeal it escalates, and every person of the human-rights cases it belongs to.
 *
 * Documents: the text of a document is public only in redacted form; a text recognised by OCR only
 * after someone checked it against the scan (choice 'ocr_checked'), and the original file only when
 * staff marked it safe ('safe_file').
 */
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Appeal } from '../../appeals/index.js';
import { casePeopleOfAppeals } from '../../cases/index.js';
import type { Span } from '../redaction/patterns.js';
import { MAX_PUBLIC_TEXT, redactTexts, type RedactionInput } from '../redaction/redact.js';
import { remainingItems, type ReviewItem } from '../redaction/review.js';

/** Timeline events the public sees (dates); only answers carry text. Notes stay private. */
export const PUBLIC_EVENT_KINDS = [
  'sent',
  'recorded',
  'registered',
  'extended',
  'redirected',
  'answer',
  'classified',
  'closed',
] as const;

export interface SnapshotFile {
  fileId: number;
  name: string;
  /** redacted text as published (null: none, or withheld until checked) */
  text: string | null;
  originalSafe: boolean;
  /** the text was recognised automatically from a scan */
  recognised: boolean;
  /** recognised text not yet checked against the scan: shown in the preview only */
  withheld: string | null;
  ocrStatus: string | null;
  ocrPages: number | null;
  ocrPagesTotal: number | null;
}

export interface PublicSnapshot {
  subject: string;
  text: string;
  events: { eventId: number; kind: string; onDate: string; text: string | null }[];
  files: SnapshotFile[];
  /** the automatic suggestions found in the original texts (for the review page) */
  suggestions: { kind: Span['kind']; value: string; kept: boolean }[];
  /** capitalised sequences and numbers left visible, each confirmed safe or not */
  review: (ReviewItem & { confirmed: boolean })[];
  /** how many passages were redacted in all (audit) */
  redactions: number;
}

/** What an update that only hides more may publish: the events and documents already public. */
export interface PublishedScope {
  events: Set<number>;
  /** documents already public, and whether their text was */
  files: Map<number, boolean>;
}

/** The identities that are always hidden in this appeal's public copy (decrypted; never rendered). */
export async function knownIdentities(db: Executor, cipher: FieldCipher, a: Appeal): Promise<string[]> {
  const appeals: Pick<Appeal, 'id' | 'owner_id' | 'person_name_enc' | 'person_contact_enc'>[] = [a];
  if (a.parent_id) {
    const parent = await db
      .selectFrom('appeal')
      .select(['id', 'owner_id', 'person_name_enc', 'person_contact_enc'])
      .where('id', '=', a.parent_id)
      .executeTakeFirst();
    if (parent) appeals.push(parent);
  }
  const out: string[] = [];
  for (const x of appeals) {
    const owner = await db
      .selectFrom('user')
      .select(['display_name', 'email'])
      .where('id', '=', x.owner_id)
      .executeTakeFirst();
    for (const v of [
      owner?.display_name,
      owner?.email,
      cipher.decryptNullable(x.person_name_enc, 'appeal.person_name'),
      cipher.decryptNullable(x.person_contact_enc, 'appeal.person_contact'),
    ])
      if (v) out.push(v);
  }
  out.push(
    ...(await casePeopleOfAppeals(
      db,
      cipher,
      appeals.map((x) => x.id),
    )),
  );
  return out;
}

/** Everything the redaction of this appeal depends on. */
export async function redactionInput(db: Executor, cipher: FieldCipher, a: Appeal): Promise<RedactionInput> {
  const knownNames = await knownIdentities(db, cipher, a);
  const choices = await db
    .selectFrom('redaction_choice')
    .select(['kind', 'value'])
    .where('appeal_id', '=', a.id)
    .orderBy('id')
    .execute();
  const rules = await db
    .selectFrom('redaction_rule')
    .select(['pattern', 'is_regex', 'replacement'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('scope', '=', 'global'),
        eb.and([eb('scope', '=', 'body'), eb('scope_id', '=', a.body_id)]),
        eb.and([eb('scope', '=', 'appeal'), eb('scope_id', '=', a.id)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return {
    knownNames,
    keep: choices.filter((c) => c.kind === 'keep').map((c) => c.value),
    manual: choices.filter((c) => c.kind === 'redact').map((c) => c.value),
    rules,
    language: a.language === 'ru' || a.language === 'en' ? a.language : 'ky',
  };
}

/**
 * Builds the public copy. With `scope`, only what is already public is included (an update after
 * a new redaction or rule: it may only hide more, never publish a new answer or document text).
 */
export async function buildSnapshot(
  db: Executor,
  cipher: FieldCipher,
  a: Appeal,
  scope?: PublishedScope,
): Promise<PublicSnapshot> {
  const input = await redactionInput(db, cipher, a);
  const choices = await db
    .selectFrom('redaction_choice')
    .select(['kind', 'value'])
    .where('appeal_id', '=', a.id)
    .execute();
  const keep = new Set(input.keep.map((k) => k.trim().toLocaleLowerCase()));
  const confirmedSafe = new Set(
    choices.filter((c) => c.kind === 'safe' || c.kind === 'keep').map((c) => c.value.trim().toLocaleLowerCase()),
  );
  const safeFiles = new Set(choices.filter((c) => c.kind === 'safe_file').map((c) => c.value));
  const checkedOcr = new Set(choices.filter((c) => c.kind === 'ocr_checked').map((c) => c.value));
  const events = (
    await db
      .selectFrom('appeal_event')
      .select(['id', 'kind', 'on_date', 'text'])
      .where('appeal_id', '=', a.id)
      .where('kind', 'in', [...PUBLIC_EVENT_KINDS])
      .orderBy('id')
      .execute()
  ).filter((e) => !scope || scope.events.has(e.id));
  const files = (
    await db
      .selectFrom('appeal_file')
      .select(['id', 'original_name', 'extracted_text', 'text_source', 'ocr_status', 'ocr_pages', 'ocr_pages_total'])
      .where('appeal_id', '=', a.id)
      .orderBy('id')
      .execute()
  ).filter((f) => !scope || scope.files.has(f.id));

  // Every text of the appeal, redacted together; then which of them are public.
  const texts: string[] = [a.subject, a.text];
  const answerAt = new Map<number, number>();
  for (const e of events) if (e.kind === 'answer' && e.text) answerAt.set(e.id, texts.push(e.text) - 1);
  const nameAt = new Map<number, number>();
  const textAt = new Map<number, number>();
  for (const f of files) {
    nameAt.set(f.id, texts.push(f.original_name) - 1);
    if (f.extracted_text) textAt.set(f.id, texts.push(f.extracted_text) - 1);
  }
  const red = redactTexts(texts, input);
  const isPublicText = (f: (typeof files)[number]) =>
    (f.text_source !== 'ocr' || checkedOcr.has(String(f.id))) && (!scope || scope.files.get(f.id) === true);
  const publicTexts = [
    0,
    1,
    ...answerAt.values(),
    ...nameAt.values(),
    ...files.filter((f) => textAt.has(f.id) && isPublicText(f)).map((f) => textAt.get(f.id)!),
  ];

  const found = new Map<string, Span['kind']>();
  let redactions = 0;
  for (const i of publicTexts) {
    const r = red[i]!;
    for (const s of r.suggestions) found.set(texts[i]!.slice(s.start, s.end), s.kind);
    redactions += r.spans.length;
  }
  const review = remainingItems(
    publicTexts.map((i) => ({ text: texts[i]!.slice(0, MAX_PUBLIC_TEXT), spans: red[i]!.spans })),
  );
  return {
    subject: red[0]!.text,
    text: red[1]!.text,
    events: events.map((e) => ({
      eventId: e.id,
      kind: e.kind,
      onDate: e.on_date,
      text: answerAt.has(e.id) ? red[answerAt.get(e.id)!]!.text : null,
    })),
    files: files.map((f) => {
      const at = textAt.get(f.id);
      const pub = at !== undefined && isPublicText(f);
      return {
        fileId: f.id,
        name: red[nameAt.get(f.id)!]!.text,
        text: pub ? red[at]!.text : null,
        originalSafe: safeFiles.has(String(f.id)),
        recognised: f.text_source === 'ocr',
        withheld: at !== undefined && !pub ? red[at]!.text : null,
        ocrStatus: f.ocr_status,
        ocrPages: f.ocr_pages,
        ocrPagesTotal: f.ocr_pages_total,
      };
    }),
    suggestions: [...found].map(([value, kind]) => ({ kind, value, kept: keep.has(value.trim().toLocaleLowerCase()) })),
    review: review.map((item) => ({ ...item, confirmed: confirmedSafe.has(item.value.toLocaleLowerCase()) })),
    redactions,
  };
}
