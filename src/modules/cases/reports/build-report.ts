/**
 * The period report for press conferences, donors and UN treaty bodies: pure aggregation queries
 * (GROUP BY, COUNT DISTINCT) written once for both dialects, over the acts whose date falls in the
 * period. Time is a parameter: the default period is the twelve months up to `now`.
 *
 * What is counted (so the numbers can be checked by hand, see docs/cases.md):
 * - by violation type and territory: acts;
 * - by sex, age group and vulnerable group: distinct victims of those acts;
 * - by perpetrator kind: acts per kind of perpetrator (a person, or the kind of the body); an act with
 *   two kinds counts under each, an act with none under "unknown";
 * - outcome: interventions dated in the period, by the state's response;
 * - SDG 16.10.1: acts in verified or closed cases whose type counts for the indicator (killing,
 *   kidnapping, enforced disappearance, arbitrary detention, torture) against a victim tagged journalist,
 *   media worker, trade unionist or human-rights defender; by violation, and by group (a victim in two
 *   groups is counted in both rows, once in the total).
 * Summaries are built from coded fields only (pseudonyms, codes, dates): no name or free text ever.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../../platform/db/database.js';
import { kyrgyzDateOf, yearEndingOn } from '../../calendar/index.js';
import type { CaseState, DatePrecision } from '../tables.js';

export interface ReportFilters {
  from: string;
  to: string;
  territoryId?: number | null;
  actType?: string | null;
  /** 'verified' means verified or closed */
  state?: 'verified' | CaseState | null;
}

export interface Count {
  key: string;
  count: number;
}

export interface CaseSummary {
  reference: string;
  state: CaseState;
  territoryId: number | null;
  acts: { type: string; date: string; precision: DatePrecision; label: string | null; victim: string }[];
  victims: { pseudonym: string; sex: string; ageGroup: string; groups: string[] }[];
  perpetrators: { kind: string; pseudonym: string | null; bodyId: number | null }[];
  interventions: { kind: string; onDate: string; response: string | null }[];
}

export interface CaseReport {
  filters: ReportFilters;
  generatedAt: string;
  totals: { acts: number; victims: number; cases: number };
  byType: Count[];
  byTerritory: Count[];
  bySex: Count[];
  byAgeGroup: Count[];
  byGroup: Count[];
  byPerpetrator: Count[];
  byOutcome: Count[];
  sdg16101: { total: number; byViolation: Count[]; byGroup: Count[] };
  summaries: CaseSummary[];
  territories: Record<number, { name_ky: string | null; name_ru: string | null; name_en: string | null }>;
  bodies: Record<number, { name_ky: string | null; name_ru: string | null; name_en: string | null }>;
}

/** The default period: twelve months up to and including today. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  return yearEndingOn(kyrgyzDateOf(now));
}

const SDG_GROUPS = sql<boolean>`exists (select 1 from case_person_group g join thesaurus_term gt on gt.thesaurus = 'vulnerable_group' and gt.code = g.group_code and gt.sdg is not null where g.person_id = v.id)`;

type Base = SelectQueryBuilder<
  Database & { a: Database['case_act']; c: Database['hr_case']; e: Database['case_event']; v: Database['case_person'] },
  'a' | 'c' | 'e' | 'v',
  object
>;

function baseActs(db: Executor, f: ReportFilters): Base {
  let q = db
    .selectFrom('case_act as a')
    .innerJoin('hr_case as c', 'c.id', 'a.case_id')
    .innerJoin('case_event as e', 'e.id', 'a.event_id')
    .innerJoin('case_person as v', 'v.id', 'a.victim_id')
    .where('a.start_date', '>=', f.from)
    .where('a.start_date', '<=', f.to) as unknown as Base;
  if (f.actType) q = q.where('a.act_type', '=', f.actType);
  if (f.territoryId) q = q.where((eb) => eb(eb.fn.coalesce('e.territory_id', 'c.territory_id'), '=', f.territoryId!));
  if (f.state === 'verified') q = q.where('c.state', 'in', ['verified', 'closed']);
  else if (f.state) q = q.where('c.state', '=', f.state);
  return q;
}

const n = (v: unknown) => Number(v ?? 0);
const counts = (rows: { key: string | number | null; n: unknown }[], nullKey = 'unknown'): Count[] =>
  rows
    .map((r) => ({ key: r.key === null ? nullKey : String(r.key), count: n(r.n) }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

/** Builds the report for the period and filters (no content is decrypted: none is needed). */
export async function buildCaseReport(
  db: Executor,
  p: { filters: Partial<ReportFilters>; now: Date },
): Promise<CaseReport> {
  const period = defaultPeriod(p.now);
  const f: ReportFilters = { ...p.filters, from: p.filters.from || period.from, to: p.filters.to || period.to };
  const base = () => baseActs(db, f);

  const totalsRow = await base()
    .select((eb) => [
      eb.fn.count<number>('a.id').distinct().as('acts'),
      eb.fn.count<number>('v.id').distinct().as('victims'),
      eb.fn.count<number>('c.id').distinct().as('cases'),
    ])
    .executeTakeFirstOrThrow();
  const byType = await base()
    .select((eb) => ['a.act_type as key', eb.fn.countAll().as('n')])
    .groupBy('a.act_type')
    .execute();
  const tid = sql<number | null>`coalesce(e.territory_id, c.territory_id)`;
  const byTerritory = await base()
    .select((eb) => [tid.as('key'), eb.fn.countAll().as('n')])
    .groupBy(tid)
    .execute();
  const bySex = await base()
    .select((eb) => ['v.sex as key', eb.fn.count('v.id').distinct().as('n')])
    .groupBy('v.sex')
    .execute();
  const byAge = await base()
    .select((eb) => ['v.age_group as key', eb.fn.count('v.id').distinct().as('n')])
    .groupBy('v.age_group')
    .execute();
  const byGroup = await base()
    .innerJoin('case_person_group as g', 'g.person_id', 'v.id')
    .select((eb) => ['g.group_code as key', eb.fn.count('v.id').distinct().as('n')])
    .groupBy('g.group_code')
    .execute();
  const perpKind = sql<string>`case when i.id is null then 'unknown' when i.person_id is not null then 'person' else b.kind end`;
  const byPerpetrator = await base()
    .leftJoin('case_involvement as i', (j) => j.onRef('i.act_id', '=', 'a.id').on('i.role', '=', 'perpetrator'))
    .leftJoin('body as b', 'b.id', 'i.body_id')
    .select((eb) => [perpKind.as('key'), eb.fn.count('a.id').distinct().as('n')])
    .groupBy(perpKind)
    .execute();

  // Outcome: interventions dated in the period, in cases passing the same filters.
  let iq = db
    .selectFrom('case_intervention as iv')
    .innerJoin('hr_case as c', 'c.id', 'iv.case_id')
    .where('iv.on_date', '>=', f.from)
    .where('iv.on_date', '<=', f.to);
  if (f.state === 'verified') iq = iq.where('c.state', 'in', ['verified', 'closed']);
  else if (f.state) iq = iq.where('c.state', '=', f.state);
  if (f.territoryId) iq = iq.where('c.territory_id', '=', f.territoryId);
  if (f.actType)
    iq = iq.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_act as a2')
          .select('a2.id')
          .whereRef('a2.case_id', '=', 'c.id')
          .where('a2.act_type', '=', f.actType!),
      ),
    );
  const byOutcome = await iq
    .select((eb) => ['iv.response as key', eb.fn.countAll().as('n')])
    .groupBy('iv.response')
    .execute();

  // SDG 16.10.1 ignores the state filter: only verified (or closed) cases ever count.
  const sdgBase = () =>
    baseActs(db, { ...f, state: 'verified' })
      .innerJoin('thesaurus_term as t', (j) => j.onRef('t.code', '=', 'a.act_type').on('t.thesaurus', '=', 'act_type'))
      .where('t.sdg', 'is not', null)
      .where(SDG_GROUPS);
  const sdgTotal = await sdgBase()
    .select((eb) => eb.fn.count('a.id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const sdgByViolation = await sdgBase()
    .select((eb) => ['t.sdg as key', eb.fn.count('a.id').distinct().as('n')])
    .groupBy('t.sdg')
    .execute();
  const sdgByGroup = await sdgBase()
    .innerJoin('case_person_group as g', 'g.person_id', 'v.id')
    .innerJoin('thesaurus_term as gt', (j) =>
      j.onRef('gt.code', '=', 'g.group_code').on('gt.thesaurus', '=', 'vulnerable_group'),
    )
    .where('gt.sdg', 'is not', null)
    .select((eb) => ['g.group_code as key', eb.fn.count('a.id').distinct().as('n')])
    .groupBy('g.group_code')
    .execute();

  const summaries = await buildSummaries(db, f);
  const territoryIds = [
    ...new Set(
      [...byTerritory.map((r) => r.key), ...summaries.map((s) => s.territoryId)]
        .filter((x): x is number => x !== null)
        .map(Number),
    ),
  ];
  const bodyIds = [
    ...new Set(summaries.flatMap((s) => s.perpetrators.map((x) => x.bodyId)).filter((x): x is number => x !== null)),
  ];
  const territories = territoryIds.length
    ? await db
        .selectFrom('territory')
        .select(['id', 'name_ky', 'name_ru', 'name_en'])
        .where('id', 'in', territoryIds)
        .execute()
    : [];
  const bodies = bodyIds.length
    ? await db.selectFrom('body').select(['id', 'name_ky', 'name_ru', 'name_en']).where('id', 'in', bodyIds).execute()
    : [];

  return {
    filters: f,
    generatedAt: p.now.toISOString(),
    totals: { acts: n(totalsRow.acts), victims: n(totalsRow.victims), cases: n(totalsRow.cases) },
    byType: counts(byType),
    byTerritory: counts(byTerritory.map((r) => ({ key: r.key === null ? null : Number(r.key), n: r.n }))),
    bySex: counts(bySex),
    byAgeGroup: counts(byAge),
    byGroup: counts(byGroup),
    byPerpetrator: counts(byPerpetrator),
    byOutcome: counts(byOutcome, 'unrecorded'),
    sdg16101: { total: n(sdgTotal.n), byViolation: counts(sdgByViolation), byGroup: counts(sdgByGroup) },
    summaries,
    territories: Object.fromEntries(
      territories.map((t) => [t.id, { name_ky: t.name_ky, name_ru: t.name_ru, name_en: t.name_en }]),
    ),
    bodies: Object.fromEntries(
      bodies.map((b) => [b.id, { name_ky: b.name_ky, name_ru: b.name_ru, name_en: b.name_en }]),
    ),
  };
}

/** Pseudonymised summaries of the cases with acts in the report, from coded fields only. */
async function buildSummaries(db: Executor, f: ReportFilters): Promise<CaseSummary[]> {
  const acts = await baseActs(db, f)
    .select([
      'c.id as case_id',
      'c.reference',
      'c.state',
      'c.territory_id',
      'a.id as act_id',
      'a.act_type',
      'a.start_date',
      'a.start_precision',
      'a.start_label',
      'v.id as victim_id',
      'v.pseudonym',
      'v.sex',
      'v.age_group',
    ])
    .orderBy('c.reference')
    .orderBy('a.start_date')
    .orderBy('a.id')
    .execute();
  if (!acts.length) return [];
  const caseIds = [...new Set(acts.map((a) => a.case_id))];
  const actIds = acts.map((a) => a.act_id);
  const victimIds = [...new Set(acts.map((a) => a.victim_id))];
  const groups = await db
    .selectFrom('case_person_group')
    .select(['person_id', 'group_code'])
    .where('person_id', 'in', victimIds)
    .orderBy('id')
    .execute();
  const perps = await db
    .selectFrom('case_involvement as i')
    .leftJoin('case_person as p', 'p.id', 'i.person_id')
    .leftJoin('body as b', 'b.id', 'i.body_id')
    .select(['i.act_id', 'i.body_id', 'b.kind', 'p.pseudonym'])
    .where('i.role', '=', 'perpetrator')
    .where('i.act_id', 'in', actIds)
    .orderBy('i.id')
    .execute();
  const interventions = await db
    .selectFrom('case_intervention')
    .select(['case_id', 'kind', 'on_date', 'response'])
    .where('case_id', 'in', caseIds)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  const out = new Map<number, CaseSummary>();
  for (const a of acts) {
    let s = out.get(a.case_id);
    if (!s) {
      s = {
        reference: a.reference,
        state: a.state,
        territoryId: a.territory_id,
        acts: [],
        victims: [],
        perpetrators: [],
        interventions: interventions
          .filter((i) => i.case_id === a.case_id)
          .map((i) => ({ kind: i.kind, onDate: i.on_date, response: i.response })),
      };
      out.set(a.case_id, s);
    }
    s.acts.push({
      type: a.act_type,
      date: a.start_date,
      precision: a.start_precision,
      label: a.start_label,
      victim: a.pseudonym,
    });
    if (!s.victims.some((v) => v.pseudonym === a.pseudonym))
      s.victims.push({
        pseudonym: a.pseudonym,
        sex: a.sex,
        ageGroup: a.age_group,
        groups: groups.filter((g) => g.person_id === a.victim_id).map((g) => g.group_code),
      });
    for (const p of perps.filter((x) => x.act_id === a.act_id)) {
      const kind = p.body_id ? (p.kind ?? 'other') : 'person';
      if (
        !s.perpetrators.some((x) => x.kind === kind && x.pseudonym === (p.pseudonym ?? null) && x.bodyId === p.body_id)
      )
        s.perpetrators.push({ kind, pseudonym: p.pseudonym ?? null, bodyId: p.body_id });
    }
  }
  return [...out.values()];
}
