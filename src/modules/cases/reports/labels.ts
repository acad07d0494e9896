/** Turns a report's codes into labels in the user's language (shared by the page and the CSV). */
import type { Locale } from '../../../platform/i18n/locales.js';
import type { T } from '../../../platform/i18n/translate.js';
import type { Labels } from '../thesaurus/queries.js';
import { lbl, nameOf } from '../views/names.js';
import type { CaseReport, Count } from './build-report.js';

export interface LabelledCount {
  key: string;
  label: string;
  count: number;
}

export interface ReportSections {
  byType: LabelledCount[];
  byTerritory: LabelledCount[];
  bySex: LabelledCount[];
  byAgeGroup: LabelledCount[];
  byGroup: LabelledCount[];
  byPerpetrator: LabelledCount[];
  byOutcome: LabelledCount[];
  sdgByViolation: LabelledCount[];
  sdgByGroup: LabelledCount[];
}

export function perpetratorLabel(t: T, kind: string): string {
  if (kind === 'person') return t('cases.perp.person');
  if (kind === 'unknown') return t('cases.perp.unknown');
  return t(`cases.bodykind.${kind as 'other'}`);
}

export function labelReport(r: CaseReport, labels: Labels, t: T, locale: Locale): ReportSections {
  const map = (xs: Count[], f: (k: string) => string): LabelledCount[] =>
    xs.map((x) => ({ key: x.key, label: f(x.key), count: x.count }));
  return {
    byType: map(r.byType, (k) => lbl(labels, 'act_type', k)),
    byTerritory: map(r.byTerritory, (k) =>
      k === 'unknown' ? t('cases.unknown_territory') : nameOf(r.territories[Number(k)], locale) || k,
    ),
    bySex: map(r.bySex, (k) => t(`cases.sex.${k as 'male'}`)),
    byAgeGroup: map(r.byAgeGroup, (k) => t(`cases.age.${k as 'adult'}`)),
    byGroup: map(r.byGroup, (k) => lbl(labels, 'vulnerable_group', k)),
    byPerpetrator: map(r.byPerpetrator, (k) => perpetratorLabel(t, k)),
    byOutcome: map(r.byOutcome, (k) =>
      k === 'unrecorded' ? t('cases.outcome.unrecorded') : lbl(labels, 'state_response', k),
    ),
    sdgByViolation: map(r.sdg16101.byViolation, (k) => t(`cases.sdg.${k as 'torture'}`)),
    sdgByGroup: map(r.sdg16101.byGroup, (k) => lbl(labels, 'vulnerable_group', k)),
  };
}
