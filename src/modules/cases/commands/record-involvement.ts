/**
 * Involvements: who took part in an act or an event and how (victim, perpetrator, witness, source).
 * A perpetrator may be a person of the case or a body of the directory (police station, SIZO …).
 * A person is linked to the same act only once (the victim of an act cannot also be its witness);
 * the unique index says the same in the database.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { resolveBody } from '../queries.js';
import { ROLES_IN_CASE, type RoleInCase } from '../tables.js';
import { Problems, belongsToCase, checkTerm, optionalId, touchCase, type CaseCommandProps } from './shared.js';
import { parseRecordId } from '../../../platform/http/validation.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface InvolvementInput {
  /** 'act:12' or 'event:3' */
  target: string;
  role: string;
  person_id?: string;
  body?: string;
  degree?: string;
}

export async function addInvolvement(p: CaseCommandProps & { input: InvolvementInput }): Promise<number> {
  const problems = new Problems();
  const m = /^(act|event):(.+)$/.exec(p.input.target ?? '');
  const targetId = m ? parseRecordId(m[2]) : null;
  const actId = m?.[1] === 'act' ? targetId : null;
  const eventId = m?.[1] === 'event' ? targetId : null;
  if (!m || targetId === null) problems.add('target', 'validation.required');
  else if (actId !== null && !(await belongsToCase(p.trx, 'case_act', actId, p.caseId)))
    problems.add('target', 'cases.error.unknown_act');
  else if (eventId !== null && !(await belongsToCase(p.trx, 'case_event', eventId, p.caseId)))
    problems.add('target', 'cases.error.unknown_event');
  const role = p.input.role as RoleInCase;
  if (!(ROLES_IN_CASE as readonly string[]).includes(role)) problems.add('role', 'validation.choice');
  const personId = optionalId(p.input.person_id);
  const bodyText = (p.input.body ?? '').trim();
  let bodyId: number | null = null;
  if (personId !== null && bodyText) problems.add('body', 'cases.error.person_or_body');
  else if (personId === null && !bodyText)
    problems.add('person_id', role === 'perpetrator' ? 'cases.error.person_or_body' : 'validation.required');
  else if (
    personId === 'bad' ||
    (personId !== null && !(await belongsToCase(p.trx, 'case_person', personId, p.caseId)))
  )
    problems.add('person_id', 'cases.error.unknown_person');
  else if (bodyText) {
    if (role !== 'perpetrator') problems.add('body', 'cases.error.body_only_perpetrator');
    else {
      const body = await resolveBody(p.trx, bodyText);
      if (!body) problems.add('body', 'cases.error.unknown_body');
      else bodyId = body.id;
    }
  }
  if (role === 'perpetrator') await checkTerm(p.trx, problems, 'degree', 'involvement_degree', p.input.degree, false);
  if (!problems.list.length && typeof personId === 'number') {
    if (actId !== null) {
      const act = await p.trx
        .selectFrom('case_act')
        .select('victim_id')
        .where('id', '=', actId)
        .executeTakeFirstOrThrow();
      const linked = await p.trx
        .selectFrom('case_involvement')
        .select('id')
        .where('act_id', '=', actId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (act.victim_id === personId || linked) problems.add('person_id', 'cases.error.person_twice');
    } else {
      const linked = await p.trx
        .selectFrom('case_involvement')
        .select('id')
        .where('event_id', '=', eventId)
        .where('person_id', '=', personId)
        .where('role', '=', role)
        .executeTakeFirst();
      if (linked) problems.add('person_id', 'cases.error.person_twice');
    }
  }
  problems.throwIfAny();
  const row = await p.trx
    .insertInto('case_involvement')
    .values({
      case_id: p.caseId,
      act_id: actId,
      event_id: eventId,
      role,
      person_id: personId as number | null,
      body_id: bodyId,
      degree: role === 'perpetrator' && p.input.degree ? p.input.degree : null,
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.involvement_added',
    objectType: 'case',
    objectId: p.caseId,
    data: { involvement: row.id, role },
    at: p.now,
  });
  return row.id;
}
