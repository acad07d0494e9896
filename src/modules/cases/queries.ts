/**
 * Reads of cases: rows, access lists, lists and search, form options. The whole decrypted case is in
 * case-detail.ts; routes reach both only through `requireCase` (access-check.ts).
 */
import type { Executor } from '../../platform/db/database.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Actor } from '../../platform/policy/policy.js';
import { hasRole } from '../../platform/policy/policy.js';
import { ctxOf } from './encrypted-columns.js';
import type { CaseAccess } from './policy.js';
import type { AccessLevel, CaseState } from './tables.js';
import { isRecordId } from '../../platform/http/validation.js';

export interface CaseRow {
  id: number;
  reference: string;
  title_enc: string;
  summary_enc: string | null;
  state: CaseState;
  territory_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export async function findCaseRow(db: Executor, id: number): Promise<CaseRow | undefined> {
  if (!isRecordId(id)) return undefined;
  return db.selectFrom('hr_case').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadAccess(db: Executor, caseId: number): Promise<CaseAccess> {
  const members = await db
    .selectFrom('case_member')
    .select(['user_id', 'access'])
    .where('case_id', '=', caseId)
    .execute();
  return { caseId, members: members.map((m) => ({ userId: m.user_id, access: m.access })) };
}

export interface MemberView {
  userId: number;
  displayName: string;
  role: string;
  access: AccessLevel;
  addedAt: string;
}

export async function listMembers(db: Executor, caseId: number): Promise<MemberView[]> {
  const rows = await db
    .selectFrom('case_member')
    .innerJoin('user', 'user.id', 'case_member.user_id')
    .select(['case_member.user_id', 'user.display_name', 'user.role', 'case_member.access', 'case_member.added_at'])
    .where('case_member.case_id', '=', caseId)
    .orderBy('user.display_name')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    role: r.role,
    access: r.access,
    addedAt: r.added_at,
  }));
}

/** Staff accounts that can be put on a case's access list. */
export async function listStaff(db: Executor): Promise<{ id: number; displayName: string; role: string }[]> {
  const rows = await db
    .selectFrom('user')
    .select(['id', 'display_name', 'role'])
    .where('status', '=', 'active')
    .where('role', '!=', 'citizen')
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}

export interface CaseListItem {
  id: number;
  reference: string;
  state: CaseState;
  /** decrypted only for cases the user may read */
  title: string | null;
  access: AccessLevel | null;
  updatedAt: string;
}

/**
 * The cases a user sees in lists and search: those on whose access list they are; coordinators also
 * see every other case by reference and state only (to manage its access list), never its title.
 */
export async function listCasesFor(db: Executor, cipher: FieldCipher, user: Actor, q = ''): Promise<CaseListItem[]> {
  const coordinator = hasRole(user, 'coordinator');
  const rows = await db
    .selectFrom('hr_case')
    .leftJoin('case_member', (j) =>
      j.onRef('case_member.case_id', '=', 'hr_case.id').on('case_member.user_id', '=', user.id),
    )
    .select([
      'hr_case.id',
      'hr_case.reference',
      'hr_case.state',
      'hr_case.title_enc',
      'hr_case.updated_at',
      'case_member.access',
    ])
    .$if(!coordinator, (qb) => qb.where('case_member.user_id', '=', user.id))
    .orderBy('hr_case.updated_at', 'desc')
    .orderBy('hr_case.id', 'desc')
    .execute();
  const needle = q.trim().toLocaleLowerCase();
  const out: CaseListItem[] = [];
  for (const r of rows) {
    const readable = r.access !== null && user.role !== 'citizen';
    const title = readable ? cipher.decrypt(r.title_enc, ctxOf('hr_case', 'title_enc')) : null;
    if (needle) {
      // Search matches only what the user may read: a hit never reveals an unreadable case.
      if (!readable) continue;
      if (!r.reference.toLocaleLowerCase().includes(needle) && !title!.toLocaleLowerCase().includes(needle)) continue;
    }
    out.push({
      id: r.id,
      reference: r.reference,
      state: r.state,
      title,
      access: r.access ?? null,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

/** Territories offered in case forms: oblasts, cities of republican significance and rayons. */
export async function territoryOptions(
  db: Executor,
): Promise<
  { id: number; code: string; name_ky: string | null; name_ru: string | null; name_en: string | null; level: string }[]
> {
  return db
    .selectFrom('territory')
    .select(['id', 'code', 'name_ky', 'name_ru', 'name_en', 'level'])
    .where('level', 'in', ['oblast', 'city_republican', 'rayon'])
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
}

/** A body of the directory by its stable code or its exact name in any language (case-insensitive). */
export async function resolveBody(db: Executor, written: string): Promise<{ id: number; kind: string } | undefined> {
  const w = written.trim();
  if (!w) return undefined;
  if (/^\d+$/.test(w)) {
    const byId = await db.selectFrom('body').select(['id', 'kind']).where('id', '=', Number(w)).executeTakeFirst();
    if (byId) return byId;
  }
  const byCode = await db.selectFrom('body').select(['id', 'kind']).where('code', '=', w).executeTakeFirst();
  if (byCode) return byCode;
  const lower = w.toLocaleLowerCase();
  const rows = await db.selectFrom('body').select(['id', 'kind', 'name_ky', 'name_ru', 'name_en']).execute();
  const hit = rows.find((b) => [b.name_ky, b.name_ru, b.name_en].some((n) => n && n.toLocaleLowerCase() === lower));
  return hit ? { id: hit.id, kind: hit.kind } : undefined;
}
