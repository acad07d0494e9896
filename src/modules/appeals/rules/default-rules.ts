/**
 * The legal rules Achyk ships with (PRODUCT.md "Domain facts"). Administrators edit them later in
 * /admin/appeals/rules; each edit adds a version. Values that public sources disagree on are marked
 * `disputed` and explained in `note`, so the admin screen shows where a lawyer should check.
 */
import type { AppealKind } from '../kinds.js';
import type { AppealRuleTable } from '../tables.js';

/** The values a rule version carries: its table row without the bookkeeping columns. */
export type RuleValues = Omit<AppealRuleTable, 'id' | 'created_at' | 'created_by' | 'superseded_by'>;

const LAW67 = {
  legal_basis_ky:
    'Кыргыз Республикасынын «Жарандардын кайрылууларын кароонун тартиби жөнүндө» 2007-жылдын 4-майындагы № 67 Мыйзамы',
  legal_basis_ru: 'Закон Кыргызской Республики «О порядке рассмотрения обращений граждан» от 4 мая 2007 года № 67',
  legal_basis_en:
    'Law of the Kyrgyz Republic No. 67 of 4 May 2007 "On the procedure for considering appeals of citizens"',
};

/**
 * Law No. 67: registration within 1 working day of receipt; answer within 14 days. Whether the 14
 * days are working or calendar days is disputed in public sources: Achyk defaults to working days
 * (PRODUCT.md) and marks the rule disputed. Extension "up to 30 days with notice" and redirection
 * "within 5 working days" are commonly cited but not confirmed against the consolidated text.
 */
const law67 = (kind: AppealKind): RuleValues => ({
  kind,
  valid_from: '2007-05-04',
  ...LAW67,
  registration_term: 1,
  registration_unit: 'working',
  answer_term: 14,
  answer_unit: 'working',
  max_extension: 30,
  extension_unit: 'calendar',
  redirection_term: 5,
  redirection_unit: 'working',
  disputed: 1,
  note: 'Answer term: 14 days; public sources disagree on working vs calendar days (default: working days). Extension (30 days with notice) and redirection (5 working days) are commonly cited, not confirmed.',
});

export const DEFAULT_RULES: RuleValues[] = [
  law67('application'),
  law67('complaint'),
  law67('proposal'),
  {
    kind: 'information_request',
    valid_from: '2023-12-29',
    legal_basis_ky: 'Кыргыз Республикасынын «Маалыматка жетүү жөнүндө» 2023-жылдын 29-декабрындагы № 217 Мыйзамы',
    legal_basis_ru: 'Закон Кыргызской Республики «О доступе к информации» от 29 декабря 2023 года № 217',
    legal_basis_en: 'Law of the Kyrgyz Republic No. 217 of 29 December 2023 "On access to information"',
    registration_term: 1,
    registration_unit: 'working',
    answer_term: 10,
    answer_unit: 'working',
    // up to 10 more working days, with written notice before the first term ends
    max_extension: 10,
    extension_unit: 'working',
    redirection_term: 5,
    redirection_unit: 'working',
    disputed: 0,
    note: 'Answer within 10 working days; extension by up to 10 working days with written notice before the first term ends. Registration and redirection terms follow Law No. 67 practice (to verify).',
  },
  /**
   * Corruption reports. The honest default is the general term of Law No. 67 (14 working days, the
   * same law's registration, extension and redirection terms): a citizen's report to a state body is
   * an appeal under that law, and we could not confirm any shorter special term. Inventing one would
   * mark bodies overdue unfairly; choosing a longer one would tell citizens to wait longer than the
   * law allows. Marked disputed so that a lawyer checks it against the anti-corruption legislation.
   */
  {
    ...law67('corruption_report'),
    note: 'No special term for corruption reports could be confirmed, so the general term of Law No. 67 applies (14 working days, disputed unit). Verify against the anti-corruption legislation.',
  },
];
