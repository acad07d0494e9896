/**
 * The phase of a consultation, derived from its dates, the moment it was published and the moment
 * its report was published (pure; time is a parameter, STYLE.md §12). Dates are calendar days in
 * Kyrgyzstan (UTC+6 all year, no daylight saving): a consultation open from 1 to 14 March accepts
 * comments from 1 March 00:00 to 14 March 23:59:59 Bishkek time.
 *
 *   draft → announced → open → closed → report
 */
import type { MessageKey } from '../../platform/i18n/catalog.js';
import { addDays, startOfKyrgyzDay } from '../calendar/index.js';

export type Phase = 'draft' | 'announced' | 'open' | 'closed' | 'report';
export const PHASES: readonly Phase[] = ['draft', 'announced', 'open', 'closed', 'report'];

export interface PhaseInput {
  published_at: string | null;
  opens_on: string;
  closes_on: string;
  report_published_at: string | null;
}

const DAY_MS = 86_400_000;
export const opensAt = (c: Pick<PhaseInput, 'opens_on'>): Date => startOfKyrgyzDay(c.opens_on);
/** A consultation is open through the whole of its closing day (Bishkek time). */
export const closesAt = (c: Pick<PhaseInput, 'closes_on'>): Date => startOfKyrgyzDay(addDays(c.closes_on, 1));

export function consultationPhase(c: PhaseInput, now: Date): Phase {
  if (!c.published_at) return 'draft';
  if (c.report_published_at) return 'report';
  const t = now.getTime();
  if (t < opensAt(c).getTime()) return 'announced';
  if (t < closesAt(c).getTime()) return 'open';
  return 'closed';
}

/**
 * Why a comment cannot be posted now, or null when it can: comments only while the consultation is
 * open, and only on the current version (a paragraph of an old version may no longer exist).
 */
export function commentRefusal(
  c: PhaseInput,
  paragraphVersionId: number,
  currentVersionId: number | null,
  now: Date,
): MessageKey | null {
  const phase = consultationPhase(c, now);
  if (phase === 'draft' || phase === 'announced') return 'consultations.error_not_open';
  if (phase !== 'open') return 'consultations.error_closed';
  if (paragraphVersionId !== currentVersionId) return 'consultations.error_old_version';
  return null;
}

/** When the "closing soon" letter goes out: three days before closing. */
export const CLOSING_SOON_MS = 3 * DAY_MS;
