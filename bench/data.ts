/**
 * The generated appeals, deterministic for a seed: rows in the import format
 * (src/modules/appeals/import-row.ts), produced lazily so that a million rows never sit in memory.
 *
 * Shape of the data (what real traffic looks like, PRODUCT.md and the NGOs' reports):
 * - bodies ranked at random and weighted by a Zipf law (s = 1.1): a few bodies receive most appeals,
 *   every body in the directory receives some;
 * - kinds: applications and complaints dominate; languages: Russian and Kyrgyz, a little English;
 * - received over the three years before `today`; 85 % registered within 2 days; 4 % extended;
 * - answers: about two thirds on time, a quarter late, some very late, 12 % never answered
 *   (open, most of them overdue); 70 % of answers classified, 40 % of those closed;
 * - 3 to 8 timeline events per appeal; about 10 % of the answered appeals published.
 */
import type { ImportAppealRow, ImportEvent } from '../src/modules/appeals/import-row.js';
import { addDays } from '../src/modules/calendar/index.js';
import { rng, type Rng } from './rng.js';
import { WORDS } from './words.js';

/** The day the generated history ends (fixed, so a seed always gives the same rows). */
export const BENCH_TODAY = '2026-11-27';
const HISTORY_DAYS = 3 * 365;

function words(r: Rng, lang: 'ky' | 'ru' | 'en', min: number, max: number): string {
  const list = WORDS[lang];
  const n = r.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(list[Math.floor(r.next() * list.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toLocaleUpperCase() + s.slice(1) + '.';
}

/** Cumulative Zipf weights over the bodies in a seeded random order. */
export function bodySampler(codes: string[], seed: number): (r: Rng) => string {
  const r = rng(seed ^ 0x5eed);
  const order = [...codes].sort();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cumulative: number[] = [];
  let total = 0;
  order.forEach((_, k) => cumulative.push((total += 1 / Math.pow(k + 1, 1.1))));
  return (x) => {
    const t = x.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

/** Row number `i` needs no state but the generator's: rows come in a fixed order for a seed. */
export function* generateRows(count: number, seed: number, bodyCodes: string[]): Generator<ImportAppealRow> {
  const r = rng(seed);
  const body = bodySampler(bodyCodes, seed);
  const start = addDays(BENCH_TODAY, -HISTORY_DAYS);
  for (let i = 0; i < count; i++) {
    // received dates increase with i (a chronological spreadsheet), with jitter
    const received = addDays(
      start,
      Math.min(HISTORY_DAYS, Math.floor((i / Math.max(1, count)) * HISTORY_DAYS) + r.int(0, 3)),
    );
    const drawn = r.weighted({
      application: 45,
      complaint: 30,
      information_request: 12,
      proposal: 8,
      corruption_report: 5,
    });
    // Law No. 217 on access to information applies from 29 December 2023: earlier requests were applications.
    const kind = drawn === 'information_request' && received < '2024-01-01' ? 'application' : drawn;
    const language = r.weighted({ ru: 50, ky: 45, en: 5 });
    const row: ImportAppealRow = {
      body: body(r),
      kind,
      language,
      channel: r.weighted({ paper: 55, email: 35, portal: 10 }),
      subject: words(r, language, 3, 7),
      text: words(r, language, 25, 70),
      received_on: received,
    };
    const events: ImportEvent[] = [{ kind: 'recorded', on_date: received }];
    if (r.chance(0.85)) {
      row.registered_on = addDays(received, r.int(0, 2));
      row.registration_number = `${received.slice(0, 4)}/${i + 1}`;
      events.push({ kind: 'registered', on_date: row.registered_on });
    }
    if (r.chance(0.04)) {
      row.extension_days = kind === 'information_request' ? 10 : 30;
      events.push({ kind: 'extended', on_date: addDays(received, r.int(5, 12)) });
    }
    const never = r.chance(0.12);
    const band = r.weighted({ on_time: 65, late: 25, very_late: 10 });
    const delay = band === 'on_time' ? r.int(3, 19) : band === 'late' ? r.int(20, 45) : r.int(46, 180);
    const answered = addDays(received, delay);
    if (!never && answered <= BENCH_TODAY) {
      row.answered_on = answered;
      events.push({ kind: 'answer', on_date: answered, text: words(r, language, 10, 30) });
      if (r.chance(0.7)) {
        row.classification = r.weighted({
          satisfied: 35,
          partially_satisfied: 20,
          refused: 20,
          formal: 20,
          redirected: 5,
        });
        if (row.classification === 'refused')
          row.refusal_reason = r.weighted({
            not_competent: 30,
            no_grounds: 30,
            insufficient_information: 15,
            repeated_appeal: 10,
            no_reason_given: 10,
            other: 5,
          });
        events.push({ kind: 'classified', on_date: answered });
        const closed = addDays(answered, r.int(0, 30));
        if (r.chance(0.4) && closed <= BENCH_TODAY) {
          row.closed_on = closed;
          events.push({ kind: 'closed', on_date: closed });
        }
      }
      row.publish = r.chance(0.1);
    } else row.publish = r.chance(0.03);
    const target = r.int(3, 8);
    const last = row.closed_on ?? row.answered_on ?? BENCH_TODAY;
    while (events.length < target)
      events.push({
        kind: 'note',
        on_date: addDays(received, r.int(0, Math.max(0, Math.min(60, dayDiff(received, last))))),
        text: words(r, language, 4, 12),
      });
    events.sort((a, b) => (a.on_date < b.on_date ? -1 : a.on_date > b.on_date ? 1 : 0));
    row.events = events;
    yield row;
  }
}

function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
