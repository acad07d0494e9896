/**
 * Tables of the human-rights case module, modelled after the HURIDOCS Events Standard Formats:
 * a case groups events; an event holds acts (one victim each, a type from the thesaurus); persons are
 * linked to acts and events by involvements (victim, perpetrator, witness, source); interventions are
 * what the organisation did; sources say where information came from and how reliable it is.
 *
 * Columns ending in `_enc` are field-encrypted envelopes (registered in ../cases/encrypted-columns.ts);
 * everything else is in clear because statistics need it (sex, age group, group tags, codes, dates).
 */
import type { Generated } from 'kysely';

export const CASE_STATES = ['intake', 'documented', 'verified', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const DATE_PRECISIONS = ['exact', 'month', 'year', 'approximate'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_GROUPS = ['child', 'youth', 'adult', 'older', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const ROLES_IN_CASE = ['victim', 'perpetrator', 'witness', 'source'] as const;
export type RoleInCase = (typeof ROLES_IN_CASE)[number];
export const ACCESS_LEVELS = ['read', 'edit'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** One controlled vocabulary term: stable code, labels in three languages, an optional parent. */
export interface ThesaurusTermTable {
  id: Generated<number>;
  /** act_type, torture_method, vulnerable_group, intervention_type, state_response, involvement_degree, source_reliability */
  thesaurus: string;
  code: string;
  parent_code: string | null;
  label_ky: string;
  label_ru: string;
  label_en: string;
  /** SDG 16.10.1: for act types the violation counted (killing, kidnapping, disappearance, detention, torture); for groups '1' */
  sdg: string | null;
  sort: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface HrCaseTable {
  id: Generated<number>;
  /** human reference, e.g. "HR-2026-0007" (no names) */
  reference: string;
  title_enc: string;
  summary_enc: string | null;
  state: CaseState;
  territory_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** The per-case access list: who may read or edit the case. */
export interface CaseMemberTable {
  id: Generated<number>;
  case_id: number;
  user_id: number;
  access: AccessLevel;
  added_by: number;
  added_at: string;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  title_enc: string;
  description_enc: string | null;
  /** first day of the period the date stands for ('2017-03-01' for "March 2017") */
  start_date: string;
  start_precision: DatePrecision;
  /** free words of an approximate date ("spring 2017") */
  start_label: string | null;
  end_date: string | null;
  end_precision: DatePrecision | null;
  end_label: string | null;
  territory_id: number | null;
  place_enc: string | null;
  created_at: string;
}

/** Chain of events: one event led to, or is part of, another. */
export interface CaseEventLinkTable {
  id: Generated<number>;
  case_id: number;
  from_event_id: number;
  to_event_id: number;
  relation: 'led_to' | 'part_of' | 'followed_by';
  created_at: string;
}

export interface CasePersonTable {
  id: Generated<number>;
  case_id: number;
  /** the name used in reports and for non-members: "P1", "P2" … (never derived from the name) */
  pseudonym: string;
  name_enc: string;
  other_names_enc: string | null;
  contact_enc: string | null;
  id_number_enc: string | null;
  address_enc: string | null;
  birth_date_enc: string | null;
  sex: Sex;
  age_group: AgeGroup;
  created_at: string;
}

export interface CasePersonGroupTable {
  id: Generated<number>;
  person_id: number;
  group_code: string;
}

export interface CaseActTable {
  id: Generated<number>;
  case_id: number;
  event_id: number;
  act_type: string;
  victim_id: number;
  /** torture methods, comma-separated thesaurus codes */
  methods: string;
  start_date: string;
  start_precision: DatePrecision;
  start_label: string | null;
  end_date: string | null;
  end_precision: DatePrecision | null;
  end_label: string | null;
  notes_enc: string | null;
  created_at: string;
}

/** A person (or, for perpetrators, a body of the directory) involved in an act or an event. */
export interface CaseInvolvementTable {
  id: Generated<number>;
  case_id: number;
  act_id: number | null;
  event_id: number | null;
  role: RoleInCase;
  person_id: number | null;
  body_id: number | null;
  degree: string | null;
  created_at: string;
}

export interface CaseInterventionTable {
  id: Generated<number>;
  case_id: number;
  act_id: number | null;
  /** thesaurus intervention_type: appeal, lawsuit, un_communication, media … */
  kind: string;
  on_date: string;
  body_id: number | null;
  response: string | null;
  /** lawsuit */
  parties_enc: string | null;
  claim_amount: string | null;
  claim_currency: string | null;
  decision: string | null;
  /** UN communication */
  mechanism: string | null;
  reference: string | null;
  /** media work: outlet or link */
  outlet: string | null;
  /** an appeal created from the case (appeals module) */
  appeal_id: number | null;
  notes_enc: string | null;
  created_at: string;
}

export interface CaseHearingTable {
  id: Generated<number>;
  intervention_id: number;
  on_date: string;
  note: string | null;
}

export interface CaseSourceTable {
  id: Generated<number>;
  case_id: number;
  event_id: number | null;
  person_id: number | null;
  description_enc: string;
  reliability: string;
  obtained_on: string | null;
  created_at: string;
}

export interface CaseEvidenceTable {
  id: Generated<number>;
  case_id: number;
  original_name_enc: string;
  /** random name under <dataDir>/evidence/ */
  stored_name: string;
  ext: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: number;
  uploaded_at: string;
  last_verified_at: string | null;
  last_verified_ok: number | null;
}

/** Chain of custody: who handled a file and when (upload, download, verify). */
export interface CaseCustodyTable {
  id: Generated<number>;
  evidence_id: number;
  at: string;
  actor: string;
  action: 'upload' | 'download' | 'verify_ok' | 'verify_changed' | 'verify_missing';
  sha256: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    thesaurus_term: ThesaurusTermTable;
    hr_case: HrCaseTable;
    case_member: CaseMemberTable;
    case_event: CaseEventTable;
    case_event_link: CaseEventLinkTable;
    case_person: CasePersonTable;
    case_person_group: CasePersonGroupTable;
    case_act: CaseActTable;
    case_involvement: CaseInvolvementTable;
    case_intervention: CaseInterventionTable;
    case_hearing: CaseHearingTable;
    case_source: CaseSourceTable;
    case_evidence: CaseEvidenceTable;
    case_custody: CaseCustodyTable;
  }
}
