/**
 * Tables of publication: the public (redacted) copy of an appeal, the owner's redaction choices,
 * the redaction rules, and the search index of what is public. The original appeal is never changed:
 * the public reads only these tables (see visibility.ts).
 */
import type { Generated } from 'kysely';

export const PUBLICATION_STATES = ['published', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** One row per appeal that was ever published. The redacted texts are a snapshot taken at publication. */
export interface AppealPublicationTable {
  id: Generated<number>;
  appeal_id: number;
  state: PublicationState;
  subject: string;
  text: string;
  published_at: string;
  published_by: string;
  withdrawn_at: string | null;
  updated_at: string;
}

/** Public events of a published appeal (dates, and the body's answers with redacted text). */
export interface PublicationEventTable {
  id: Generated<number>;
  appeal_id: number;
  event_id: number;
  kind: string;
  on_date: string;
  text: string | null;
}

/** Public documents: redacted extracted text; the original file only when staff marked it safe. */
export interface PublicationFileTable {
  id: Generated<number>;
  appeal_id: number;
  file_id: number;
  name: string;
  text: string | null;
  /** 1: staff checked the original file and allow its download */
  original_safe: number;
  /** 1: the text was recognised automatically from a scan (OCR) and checked by a person */
  recognised: number;
}

/**
 * The owner's choices for one appeal: `redact` (a phrase to hide everywhere, in every form), `keep`
 * (an automatic suggestion the owner judged harmless), `safe` (a word sequence or number left
 * visible, confirmed safe to publish: the confirmation step), `safe_file` (an original file marked
 * safe by staff), `ocr_checked` (a document's recognised text checked against the scan). The
 * value of `safe_file` and `ocr_checked` is the document's id.
 */
export const CHOICE_KINDS = ['redact', 'keep', 'safe', 'safe_file', 'ocr_checked'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export interface RedactionChoiceTable {
  id: Generated<number>;
  appeal_id: number;
  kind: ChoiceKind;
  value: string;
  created_at: string;
  created_by: string;
}

/** Censor rules (as in Alaveteli): global, per body or per appeal; plain text or regular expression. */
export interface RedactionRuleTable {
  id: Generated<number>;
  scope: 'global' | 'body' | 'appeal';
  /** body id or appeal id; null for global rules */
  scope_id: number | null;
  pattern: string;
  is_regex: number;
  replacement: string;
  note: string;
  created_at: string;
  created_by: string;
  deleted_at: string | null;
}

/** The search index of public material: folded search keys (see platform/text/search-key.ts). */
export interface SearchDocTable {
  id: Generated<number>;
  /** 'appeal' (subject + text), 'answer' (an event), 'file' (a document's text) */
  doc_type: 'appeal' | 'answer' | 'file';
  appeal_id: number;
  ref_id: number;
  body_id: number;
  kind: string;
  status: string;
  territory_id: number | null;
  year: number;
  title: string;
  text: string;
  search_key: string;
  published_at: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    appeal_publication: AppealPublicationTable;
    publication_event: PublicationEventTable;
    publication_file: PublicationFileTable;
    redaction_choice: RedactionChoiceTable;
    redaction_rule: RedactionRuleTable;
    search_doc: SearchDocTable;
  }
}
