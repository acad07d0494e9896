/**
 * Tables of the statistics: one derived fact row per appeal (kept in step by an incremental
 * refresh), and the per-body-per-month-per-kind aggregates that report cards, league tables and
 * maps read. No page ever scans the appeal table (docs/public-accountability.md "Aggregates").
 */
import type { Generated } from 'kysely';

/** Appeals whose owners withdrew consent to statistical use (the default is to allow it). */
export interface StatsOptOutTable {
  id: Generated<number>;
  appeal_id: number;
  created_at: string;
}

/** The statistical facts of one sent appeal (no text, no person: only what the figures need). */
export interface StatsAppealFactTable {
  id: Generated<number>;
  appeal_id: number;
  body_id: number;
  kind: string;
  /** 'YYYY-MM' of the day the body received it */
  month: string;
  received_on: string;
  due_date: string | null;
  /** 1 while the body still owes an answer */
  open: number;
  answered_on: string | null;
  /** working days from the start of the term to the answer */
  answer_days: number | null;
  /** 1 answered by the due date of the appeal's own rule, 0 late; null unanswered */
  on_time: number | null;
  classification: string | null;
  refusal_reason: string | null;
  oblast_id: number | null;
  rayon_id: number | null;
  /** 0 when the owner opted out (kept so that the month can be recomputed without it) */
  included: number;
  appeal_updated_at: string;
}

/** Aggregates per body, month and kind, recomputed from the facts of that cell only. */
export interface StatsBodyMonthTable {
  id: Generated<number>;
  body_id: number;
  month: string;
  kind: string;
  oblast_id: number | null;
  rayon_id: number | null;
  received: number;
  answered: number;
  on_time: number;
  late: number;
  /** JSON { classification: count } */
  outcomes: string;
  /** JSON { refusal reason: count } */
  reasons: string;
  /** JSON { working days: count } of the answered appeals (exact median and percentiles) */
  days_hist: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    stats_opt_out: StatsOptOutTable;
    stats_appeal_fact: StatsAppealFactTable;
    stats_body_month: StatsBodyMonthTable;
  }
}
