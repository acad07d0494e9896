/**
 * Tables of statements, press releases and events, merged into the one `Database` type.
 *
 * statement ─┬─ statement_tag        (archive by tag)
 *            ├─ statement_version    (every published text; a correction adds one with its note)
 *            └─ statement_embed      (figures frozen at publication: value and date)
 * event ─── event_statement ─── statement   (related statements)
 *
 * Texts are per language and each language is optional (null = not written in that language).
 * Timestamps are ISO UTC text; `published_at` is the moment the record becomes public (it may lie in
 * the future: scheduled). Visibility is decided at query time by `visibility.ts`.
 */
import type { Generated } from 'kysely';

export const STATEMENT_KINDS = ['statement', 'press_release'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** The nine text columns of a statement: title, summary and Markdown body in ky, ru and en. */
export interface StatementTexts {
  title_ky: string | null;
  title_ru: string | null;
  title_en: string | null;
  summary_ky: string | null;
  summary_ru: string | null;
  summary_en: string | null;
  body_ky: string | null;
  body_ru: string | null;
  body_en: string | null;
}

export interface StatementTable extends StatementTexts {
  id: Generated<number>;
  kind: StatementKind;
  /** URL words after the id ("12-press-conference"); the id alone identifies the statement */
  slug: string;
  /** comma-separated normalised tags (a copy of statement_tag, for the forms) */
  tags: string;
  /** null while a draft; in the future while scheduled */
  published_at: string | null;
  /** number of the current published version (0 while never published) */
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface StatementTagTable {
  id: Generated<number>;
  statement_id: number;
  tag: string;
}

/** A published text: number 1 at publication, then one per correction (with the note shown publicly). */
export interface StatementVersionTable extends StatementTexts {
  id: Generated<number>;
  statement_id: number;
  number: number;
  correction_note: string | null;
  created_by: number;
  created_at: string;
}

/** A figure frozen at publication: the embed's normalised key and the resolved figure as JSON. */
export interface StatementEmbedTable {
  id: Generated<number>;
  statement_id: number;
  embed_key: string;
  /** JSON of a resolved figure (see embeds/resolve.ts `Figure`) */
  figure: string;
  frozen_at: string;
}

export interface EventTable {
  id: Generated<number>;
  title_ky: string | null;
  title_ru: string | null;
  title_en: string | null;
  description_ky: string | null;
  description_ru: string | null;
  description_en: string | null;
  /** UTC instants; entered and shown in Bishkek time (UTC+6, no daylight saving) */
  starts_at: string;
  ends_at: string;
  /** one "HH:MM what" per line */
  schedule: string;
  venue: string;
  participants: string;
  contacts: string;
  published_at: string | null;
  /** iCalendar SEQUENCE: incremented by every change after publication */
  sequence: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface EventStatementTable {
  id: Generated<number>;
  event_id: number;
  statement_id: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    statement: StatementTable;
    statement_tag: StatementTagTable;
    statement_version: StatementVersionTable;
    statement_embed: StatementEmbedTable;
    event: EventTable;
    event_statement: EventStatementTable;
  }
}
