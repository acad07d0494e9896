/**
 * Reads of appeals. Lists apply the visibility rule of policy.ts in SQL (`whereVisibleTo`), so a
 * list, the dashboard and the API can never show more than the appeal page would.
 */
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Database, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../platform/policy/policy.js';
import { OPEN_STATES } from './kinds.js';
import type { AppealEventTable, AppealFileTable, AppealTable } from './tables.js';

export type Appeal = Selectable<AppealTable>;
export type AppealEvent = Selectable<AppealEventTable>;
export type AppealFile = Selectable<AppealFileTable>;

export async function findAppeal(db: Executor, id: number): Promise<Appeal | undefined> {
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
  return db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
}

/** SQL form of `canReadAppeal` (policy.ts): own appeals, plus NGO appeals for coordinators and lawyers. */
export function whereVisibleTo(user: Actor) {
  return (eb: ExpressionBuilder<Database, 'appeal'>) =>
    user.status === 'active' && (user.role === 'coordinator' || user.role === 'lawyer')
      ? eb.or([eb('appeal.owner_id', '=', user.id), eb('appeal.ngo', '=', 1)])
      : eb('appeal.owner_id', '=', user.id);
}

export interface AppealListRow {
  id: number;
  subject: string;
  kind: Appeal['kind'];
  state: Appeal['state'];
  body_id: number;
  body_name_ky: string | null;
  body_name_ru: string | null;
  body_name_en: string | null;
  due_date: string | null;
  registration_number: string | null;
  registered_on: string | null;
  received_on: string | null;
  updated_at: string;
}

function listBase(db: Executor) {
  return db
    .selectFrom('appeal')
    .innerJoin('body', 'body.id', 'appeal.body_id')
    .select([
      'appeal.id',
      'appeal.subject',
      'appeal.kind',
      'appeal.state',
      'appeal.body_id',
      'body.name_ky as body_name_ky',
      'body.name_ru as body_name_ru',
      'body.name_en as body_name_en',
      'appeal.due_date',
      'appeal.registration_number',
      'appeal.registered_on',
      'appeal.received_on',
      'appeal.updated_at',
    ]);
}

/** "My appeals": the user's own, most recently changed first. */
export async function listOwnAppeals(db: Executor, userId: number, limit = 200): Promise<AppealListRow[]> {
  return listBase(db)
    .where('appeal.owner_id', '=', userId)
    .orderBy('appeal.updated_at', 'desc')
    .orderBy('appeal.id', 'desc')
    .limit(limit)
    .execute();
}

/** The NGO dashboard: open appeals due by `until` (overdue included), and answers awaiting classification. */
export async function dashboardAppeals(
  db: Executor,
  user: Actor,
  until: string,
): Promise<{ due: AppealListRow[]; awaiting: AppealListRow[] }> {
  const due = await listBase(db)
    .where(whereVisibleTo(user))
    .where('appeal.state', 'in', [...OPEN_STATES])
    .where('appeal.due_date', '<=', until)
    .orderBy('appeal.due_date')
    .limit(500)
    .execute();
  const awaiting = await listBase(db)
    .where(whereVisibleTo(user))
    .where('appeal.state', '=', 'answered')
    .orderBy('appeal.updated_at')
    .limit(500)
    .execute();
  return { due, awaiting };
}

export async function listEvents(db: Executor, appealId: number): Promise<AppealEvent[]> {
  return db.selectFrom('appeal_event').selectAll().where('appeal_id', '=', appealId).orderBy('id').execute();
}

export async function listFiles(db: Executor, appealId: number): Promise<AppealFile[]> {
  return db.selectFrom('appeal_file').selectAll().where('appeal_id', '=', appealId).orderBy('id').execute();
}

export async function findFile(db: Executor, appealId: number, fileId: number): Promise<AppealFile | undefined> {
  if (!Number.isInteger(fileId) || fileId < 1 || fileId > 2_147_483_647) return undefined;
  return db
    .selectFrom('appeal_file')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

/** Escalations filed from this appeal (linked complaints). */
export async function listChildren(
  db: Executor,
  appealId: number,
): Promise<Pick<Appeal, 'id' | 'state' | 'body_id' | 'escalation_target'>[]> {
  return db
    .selectFrom('appeal')
    .select(['id', 'state', 'body_id', 'escalation_target'])
    .where('parent_id', '=', appealId)
    .orderBy('id')
    .execute();
}
