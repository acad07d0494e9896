/**
 * The whole case, decrypted, for the case page and the identifiable export. Call only after
 * `case.read` was granted (routes go through `requireCase`).
 */
import type { Executor } from '../../platform/db/database.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import { ctxOf } from './encrypted-columns.js';
import type { CaseRow } from './queries.js';
import type { AgeGroup, CaseState, DatePrecision, RoleInCase, Sex } from './tables.js';
import { userActor, userIdsOfActors } from '../../platform/audit/actor.js';

export interface PersonView {
  id: number;
  pseudonym: string;
  name: string;
  otherNames: string | null;
  contact: string | null;
  idNumber: string | null;
  address: string | null;
  birthDate: string | null;
  sex: Sex;
  ageGroup: AgeGroup;
  groups: string[];
}

export interface FuzzyView {
  date: string;
  precision: DatePrecision;
  label: string | null;
}

export interface EventView {
  id: number;
  title: string;
  description: string | null;
  start: FuzzyView;
  end: FuzzyView | null;
  territoryId: number | null;
  place: string | null;
}

export interface ActView {
  id: number;
  eventId: number;
  actType: string;
  victimId: number;
  methods: string[];
  start: FuzzyView;
  end: FuzzyView | null;
  notes: string | null;
}

export interface InvolvementView {
  id: number;
  actId: number | null;
  eventId: number | null;
  role: RoleInCase;
  personId: number | null;
  bodyId: number | null;
  degree: string | null;
}

export interface InterventionView {
  id: number;
  actId: number | null;
  kind: string;
  onDate: string;
  bodyId: number | null;
  response: string | null;
  parties: string | null;
  claimAmount: string | null;
  claimCurrency: string | null;
  decision: string | null;
  mechanism: string | null;
  reference: string | null;
  outlet: string | null;
  appealId: number | null;
  notes: string | null;
  hearings: { onDate: string; note: string | null }[];
}

export interface SourceView {
  id: number;
  eventId: number | null;
  personId: number | null;
  description: string;
  reliability: string;
  obtainedOn: string | null;
}

export interface EvidenceView {
  id: number;
  originalName: string;
  ext: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  lastVerifiedAt: string | null;
  lastVerifiedOk: number | null;
  custody: { at: string; actor: string; action: string; sha256: string | null }[];
}

export interface CaseDetail {
  id: number;
  reference: string;
  title: string;
  summary: string | null;
  state: CaseState;
  territoryId: number | null;
  createdAt: string;
  updatedAt: string;
  events: EventView[];
  links: { id: number; fromEventId: number; toEventId: number; relation: string }[];
  persons: PersonView[];
  acts: ActView[];
  involvements: InvolvementView[];
  interventions: InterventionView[];
  sources: SourceView[];
  evidence: EvidenceView[];
  /** names of the bodies and territories referred to, in every language */
  bodies: Record<
    number,
    { code: string; kind: string; name_ky: string | null; name_ru: string | null; name_en: string | null }
  >;
  territories: Record<number, { code: string; name_ky: string | null; name_ru: string | null; name_en: string | null }>;
}

function fuzzy(date: string, precision: DatePrecision, label: string | null): FuzzyView {
  return { date, precision, label };
}

/** The whole case, decrypted. Call only after `case.read` was granted. */
export async function loadCaseDetail(db: Executor, cipher: FieldCipher, row: CaseRow): Promise<CaseDetail> {
  const id = row.id;
  const dec = cipher.decryptNullable;
  const [events, links, persons, groups, acts, involvements, interventions, hearings, sources, evidence] =
    await Promise.all([
      db.selectFrom('case_event').selectAll().where('case_id', '=', id).orderBy('start_date').orderBy('id').execute(),
      db.selectFrom('case_event_link').selectAll().where('case_id', '=', id).orderBy('id').execute(),
      db.selectFrom('case_person').selectAll().where('case_id', '=', id).orderBy('id').execute(),
      db
        .selectFrom('case_person_group')
        .innerJoin('case_person', 'case_person.id', 'case_person_group.person_id')
        .select(['case_person_group.person_id', 'case_person_group.group_code'])
        .where('case_person.case_id', '=', id)
        .orderBy('case_person_group.id')
        .execute(),
      db.selectFrom('case_act').selectAll().where('case_id', '=', id).orderBy('start_date').orderBy('id').execute(),
      db.selectFrom('case_involvement').selectAll().where('case_id', '=', id).orderBy('id').execute(),
      db
        .selectFrom('case_intervention')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('on_date')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('case_hearing')
        .innerJoin('case_intervention', 'case_intervention.id', 'case_hearing.intervention_id')
        .select(['case_hearing.intervention_id', 'case_hearing.on_date', 'case_hearing.note'])
        .where('case_intervention.case_id', '=', id)
        .orderBy('case_hearing.on_date')
        .execute(),
      db.selectFrom('case_source').selectAll().where('case_id', '=', id).orderBy('id').execute(),
      db
        .selectFrom('case_evidence')
        .innerJoin('user', 'user.id', 'case_evidence.uploaded_by')
        .select([
          'case_evidence.id',
          'case_evidence.original_name_enc',
          'case_evidence.ext',
          'case_evidence.size',
          'case_evidence.sha256',
          'case_evidence.uploaded_at',
          'user.display_name',
          'case_evidence.last_verified_at',
          'case_evidence.last_verified_ok',
        ])
        .where('case_evidence.case_id', '=', id)
        .orderBy('case_evidence.id')
        .execute(),
    ]);
  const custody = evidence.length
    ? await db
        .selectFrom('case_custody')
        .select(['evidence_id', 'at', 'actor', 'action', 'sha256'])
        .where(
          'evidence_id',
          'in',
          evidence.map((e) => e.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const bodyIds = [
    ...new Set(
      [...involvements.map((i) => i.body_id), ...interventions.map((i) => i.body_id)].filter(
        (x): x is number => x !== null,
      ),
    ),
  ];
  const territoryIds = [
    ...new Set([row.territory_id, ...events.map((e) => e.territory_id)].filter((x): x is number => x !== null)),
  ];
  const bodies = bodyIds.length
    ? await db
        .selectFrom('body')
        .select(['id', 'code', 'kind', 'name_ky', 'name_ru', 'name_en'])
        .where('id', 'in', bodyIds)
        .execute()
    : [];
  const territories = territoryIds.length
    ? await db
        .selectFrom('territory')
        .select(['id', 'code', 'name_ky', 'name_ru', 'name_en'])
        .where('id', 'in', territoryIds)
        .execute()
    : [];
  const actorIds = userIdsOfActors(custody.map((c) => c.actor));
  const actors = actorIds.length
    ? await db.selectFrom('user').select(['id', 'display_name']).where('id', 'in', actorIds).execute()
    : [];
  const actorNames = new Map<string, string>(actors.map((u) => [userActor(u.id), u.display_name]));
  return {
    id,
    reference: row.reference,
    title: cipher.decrypt(row.title_enc, ctxOf('hr_case', 'title_enc')),
    summary: dec(row.summary_enc, ctxOf('hr_case', 'summary_enc')),
    state: row.state,
    territoryId: row.territory_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    events: events.map((e) => ({
      id: e.id,
      title: cipher.decrypt(e.title_enc, ctxOf('case_event', 'title_enc')),
      description: dec(e.description_enc, ctxOf('case_event', 'description_enc')),
      start: fuzzy(e.start_date, e.start_precision, e.start_label),
      end: e.end_date && e.end_precision ? fuzzy(e.end_date, e.end_precision, e.end_label) : null,
      territoryId: e.territory_id,
      place: dec(e.place_enc, ctxOf('case_event', 'place_enc')),
    })),
    links: links.map((l) => ({
      id: l.id,
      fromEventId: l.from_event_id,
      toEventId: l.to_event_id,
      relation: l.relation,
    })),
    persons: persons.map((p) => ({
      id: p.id,
      pseudonym: p.pseudonym,
      name: cipher.decrypt(p.name_enc, ctxOf('case_person', 'name_enc')),
      otherNames: dec(p.other_names_enc, ctxOf('case_person', 'other_names_enc')),
      contact: dec(p.contact_enc, ctxOf('case_person', 'contact_enc')),
      idNumber: dec(p.id_number_enc, ctxOf('case_person', 'id_number_enc')),
      address: dec(p.address_enc, ctxOf('case_person', 'address_enc')),
      birthDate: dec(p.birth_date_enc, ctxOf('case_person', 'birth_date_enc')),
      sex: p.sex,
      ageGroup: p.age_group,
      groups: groups.filter((g) => g.person_id === p.id).map((g) => g.group_code),
    })),
    acts: acts.map((a) => ({
      id: a.id,
      eventId: a.event_id,
      actType: a.act_type,
      victimId: a.victim_id,
      methods: a.methods ? a.methods.split(',') : [],
      start: fuzzy(a.start_date, a.start_precision, a.start_label),
      end: a.end_date && a.end_precision ? fuzzy(a.end_date, a.end_precision, a.end_label) : null,
      notes: dec(a.notes_enc, ctxOf('case_act', 'notes_enc')),
    })),
    involvements: involvements.map((i) => ({
      id: i.id,
      actId: i.act_id,
      eventId: i.event_id,
      role: i.role,
      personId: i.person_id,
      bodyId: i.body_id,
      degree: i.degree,
    })),
    interventions: interventions.map((i) => ({
      id: i.id,
      actId: i.act_id,
      kind: i.kind,
      onDate: i.on_date,
      bodyId: i.body_id,
      response: i.response,
      parties: dec(i.parties_enc, ctxOf('case_intervention', 'parties_enc')),
      claimAmount: i.claim_amount,
      claimCurrency: i.claim_currency,
      decision: i.decision,
      mechanism: i.mechanism,
      reference: i.reference,
      outlet: i.outlet,
      appealId: i.appeal_id,
      notes: dec(i.notes_enc, ctxOf('case_intervention', 'notes_enc')),
      hearings: hearings.filter((h) => h.intervention_id === i.id).map((h) => ({ onDate: h.on_date, note: h.note })),
    })),
    sources: sources.map((s) => ({
      id: s.id,
      eventId: s.event_id,
      personId: s.person_id,
      description: cipher.decrypt(s.description_enc, ctxOf('case_source', 'description_enc')),
      reliability: s.reliability,
      obtainedOn: s.obtained_on,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      originalName: cipher.decrypt(e.original_name_enc, ctxOf('case_evidence', 'original_name_enc')),
      ext: e.ext,
      size: e.size,
      sha256: e.sha256,
      uploadedAt: e.uploaded_at,
      uploadedBy: e.display_name,
      lastVerifiedAt: e.last_verified_at,
      lastVerifiedOk: e.last_verified_ok,
      custody: custody
        .filter((c) => c.evidence_id === e.id)
        .map((c) => ({ at: c.at, actor: actorNames.get(c.actor) ?? c.actor, action: c.action, sha256: c.sha256 })),
    })),
    bodies: Object.fromEntries(
      bodies.map((b) => [
        b.id,
        { code: b.code, kind: b.kind, name_ky: b.name_ky, name_ru: b.name_ru, name_en: b.name_en },
      ]),
    ),
    territories: Object.fromEntries(
      territories.map((t) => [t.id, { code: t.code, name_ky: t.name_ky, name_ru: t.name_ru, name_en: t.name_en }]),
    ),
  };
}
