/**
 * The access list and the workflow of a case (coordinators), and the record of every read.
 * Reads go to the audit log without content: who, which case, through which door (page, API, file,
 * export), so coordinators can see who read what.
 */
import { appendAudit, recordAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { ACCESS_LEVELS, CASE_STATES, type AccessLevel, type CaseState } from '../tables.js';
import { Problems, optionalId } from './shared.js';
import { userActor, userIdsOfActors } from '../../../platform/audit/actor.js';

interface ManageProps {
  trx: Executor;
  caseId: number;
  userId: number;
  now: Date;
}

/** Puts a staff member on the list (or changes their level). Citizens can never be put on it. */
export async function setMember(p: ManageProps & { input: { user_id: string; access: string } }): Promise<void> {
  const problems = new Problems();
  const uid = optionalId(p.input.user_id);
  const user =
    typeof uid === 'number'
      ? await p.trx.selectFrom('user').select(['id', 'role', 'status']).where('id', '=', uid).executeTakeFirst()
      : undefined;
  if (!user || user.role === 'citizen' || user.status !== 'active')
    problems.add('user_id', uid === null ? 'validation.required' : 'cases.error.unknown_user');
  if (!(ACCESS_LEVELS as readonly string[]).includes(p.input.access)) problems.add('access', 'validation.choice');
  problems.throwIfAny();
  const access = p.input.access as AccessLevel;
  const existing = await p.trx
    .selectFrom('case_member')
    .select('id')
    .where('case_id', '=', p.caseId)
    .where('user_id', '=', user!.id)
    .executeTakeFirst();
  if (existing) await p.trx.updateTable('case_member').set({ access }).where('id', '=', existing.id).execute();
  else
    await p.trx
      .insertInto('case_member')
      .values({ case_id: p.caseId, user_id: user!.id, access, added_by: p.userId, added_at: p.now.toISOString() })
      .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.access_set',
    objectType: 'case',
    objectId: p.caseId,
    data: { user: user!.id, access },
    at: p.now,
  });
}

export async function removeMember(p: ManageProps & { memberId: number }): Promise<void> {
  const res = await p.trx
    .deleteFrom('case_member')
    .where('case_id', '=', p.caseId)
    .where('user_id', '=', p.memberId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('not_found');
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.access_removed',
    objectType: 'case',
    objectId: p.caseId,
    data: { user: p.memberId },
    at: p.now,
  });
}

/** intake → documented → verified → closed, one step at a time, forward or back. */
export const NEXT_STATES: Record<CaseState, CaseState[]> = {
  intake: ['documented'],
  documented: ['intake', 'verified'],
  verified: ['documented', 'closed'],
  closed: ['verified'],
};

export async function changeState(p: ManageProps & { from: CaseState; to: string }): Promise<void> {
  if (!(CASE_STATES as readonly string[]).includes(p.to) || !NEXT_STATES[p.from].includes(p.to as CaseState)) {
    throw new AppError('invalid', 'error.invalid', {}, [{ field: 'state', message: 'cases.error.bad_transition' }]);
  }
  await p.trx
    .updateTable('hr_case')
    .set({ state: p.to as CaseState, updated_at: p.now.toISOString() })
    .where('id', '=', p.caseId)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.state_changed',
    objectType: 'case',
    objectId: p.caseId,
    data: { from: p.from, to: p.to },
    at: p.now,
  });
}

export type ReadDoor = 'page' | 'api' | 'download' | 'export';

/** Writes "user X read case Y through door Z" to the audit log (never any content). */
export async function recordCaseRead(
  db: Executor,
  p: { caseId: number; userId: number; door: ReadDoor; evidenceId?: number; now: Date },
): Promise<void> {
  await recordAudit(db, {
    actor: userActor(p.userId),
    action: 'case.read',
    objectType: 'case',
    objectId: p.caseId,
    data: { door: p.door, ...(p.evidenceId ? { evidence: p.evidenceId } : {}) },
    at: p.now,
  });
}

/** The read trail and changes of one case, newest first, for coordinators. */
export async function caseAuditTrail(
  db: Executor,
  caseId: number,
): Promise<{ seq: number; at: string; actor: string; action: string; data: string; actorName: string | null }[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(['seq', 'at', 'actor', 'action', 'data'])
    .where('object_type', '=', 'case')
    .where('object_id', '=', String(caseId))
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();
  const ids = userIdsOfActors(rows.map((r) => r.actor));
  const users = ids.length
    ? await db.selectFrom('user').select(['id', 'display_name']).where('id', 'in', ids).execute()
    : [];
  const names = new Map<string, string>(users.map((u) => [userActor(u.id), u.display_name]));
  return rows.map((r) => ({ ...r, actorName: names.get(r.actor) ?? null }));
}
