/**
 * Tables of public consultations on draft laws, merged into the one `Database` type.
 *
 * consultation ─┬─ consultation_version ── consultation_paragraph ── consultation_comment ─┬─ consultation_answer
 *               ├─ consultation_follower                                (replies: parent_id) ├─ consultation_flag
 *               ├─ consultation_drafter
 *               └─ consultation_hearing
 */
import type { Generated } from 'kysely';

export type Stance = 'support' | 'oppose' | 'neutral';
export const STANCES: readonly Stance[] = ['support', 'oppose', 'neutral'];
export type Outcome = 'accepted' | 'partly_accepted' | 'rejected';
export const OUTCOMES: readonly Outcome[] = ['accepted', 'partly_accepted', 'rejected'];
/** visible; pending_review = hidden automatically after three flags; hidden = hidden by a moderator */
export type CommentStatus = 'visible' | 'pending_review' | 'hidden';

export interface ConsultationTable {
  id: Generated<number>;
  title: string;
  /** the drafting body, from the directory */
  body_id: number;
  summary: string;
  official_url: string | null;
  /** Bishkek calendar dates 'YYYY-MM-DD': comments from the start of opens_on to the end of closes_on */
  opens_on: string;
  closes_on: string;
  /** null while the coordinator prepares it (only coordinators see it) */
  published_at: string | null;
  report_published_at: string | null;
  /** the coordinators' conclusion printed at the top of the final report */
  report_conclusion: string | null;
  /** the closing date for which the "closing soon" letters went out (dates can be moved) */
  closing_notice_for: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ConsultationVersionTable {
  id: Generated<number>;
  consultation_id: number;
  /** 1, 2, 3 … the highest is the current version */
  number: number;
  source_format: 'text' | 'markdown' | 'docx';
  source_text: string;
  /** 0 when no article heading was found and the text stayed one block */
  split_ok: number;
  change_note: string | null;
  created_by: number;
  created_at: string;
}

export interface ConsultationParagraphTable {
  id: Generated<number>;
  version_id: number;
  consultation_id: number;
  /** order in the version, from 1 */
  position: number;
  article_number: string | null;
  article_heading: string;
  chapter: string | null;
  /** number within its article, from 1 */
  paragraph_number: number;
  /** stable across versions while the text is unchanged (see anchors.ts) */
  anchor: string;
  text: string;
}

export interface ConsultationCommentTable {
  id: Generated<number>;
  consultation_id: number;
  paragraph_id: number;
  /** null for a comment, the comment's id for a reply (one level only) */
  parent_id: number | null;
  author_id: number;
  format: 'text' | 'markdown';
  body: string;
  /** null on replies */
  stance: Stance | null;
  proposed_wording: string | null;
  /** 1 when the author chose to be named in the report and exports */
  show_name: number;
  status: CommentStatus;
  created_at: string;
  updated_at: string;
}

export interface ConsultationAnswerTable {
  id: Generated<number>;
  comment_id: number;
  outcome: Outcome;
  reasons: string;
  answered_by: number;
  created_at: string;
  updated_at: string;
}

export interface ConsultationFlagTable {
  id: Generated<number>;
  comment_id: number;
  user_id: number;
  reason: string;
  created_at: string;
  /** set when a moderator decided on the comment; resolved flags no longer count */
  resolved_at: string | null;
}

export interface ConsultationFollowerTable {
  id: Generated<number>;
  consultation_id: number;
  user_id: number;
  created_at: string;
}

export interface ConsultationDrafterTable {
  id: Generated<number>;
  consultation_id: number;
  user_id: number;
  created_at: string;
}

export interface ConsultationHearingTable {
  id: Generated<number>;
  consultation_id: number;
  held_on: string;
  place: string;
  participants: number;
  /** the minutes as UTF-8 text (typed in or uploaded as a .txt/.md file) */
  minutes_text: string | null;
  minutes_name: string | null;
  minutes_sha256: string | null;
  created_by: number;
  created_at: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    consultation: ConsultationTable;
    consultation_version: ConsultationVersionTable;
    consultation_paragraph: ConsultationParagraphTable;
    consultation_comment: ConsultationCommentTable;
    consultation_answer: ConsultationAnswerTable;
    consultation_flag: ConsultationFlagTable;
    consultation_follower: ConsultationFollowerTable;
    consultation_drafter: ConsultationDrafterTable;
    consultation_hearing: ConsultationHearingTable;
  }
}
