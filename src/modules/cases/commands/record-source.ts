/** Sources of information about an event, with their reliability (HURIDOCS "information" format). */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { isIsoDate } from '../../calendar/index.js';
import { ctxOf } from '../encrypted-columns.js';
import { Problems, belongsToCase, checkTerm, optionalId, touchCase, type CaseCommandProps } from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface SourceInput {
  description: string;
  reliability: string;
  event_id?: string;
  person_id?: string;
  obtained_on?: string;
}

export async function addSource(p: CaseCommandProps & { input: SourceInput }): Promise<number> {
  const problems = new Problems();
  const description = p.input.description.trim();
  if (!description) problems.add('description', 'validation.required');
  await checkTerm(p.trx, problems, 'reliability', 'source_reliability', p.input.reliability, true);
  const eventId = optionalId(p.input.event_id);
  if (eventId === 'bad' || (eventId !== null && !(await belongsToCase(p.trx, 'case_event', eventId, p.caseId))))
    problems.add('event_id', 'cases.error.unknown_event');
  const personId = optionalId(p.input.person_id);
  if (personId === 'bad' || (personId !== null && !(await belongsToCase(p.trx, 'case_person', personId, p.caseId))))
    problems.add('person_id', 'cases.error.unknown_person');
  const obtained = p.input.obtained_on?.trim() ?? '';
  if (obtained && !isIsoDate(obtained)) problems.add('obtained_on', 'validation.date');
  problems.throwIfAny();
  const row = await p.trx
    .insertInto('case_source')
    .values({
      case_id: p.caseId,
      event_id: eventId as number | null,
      person_id: personId as number | null,
      description_enc: p.cipher.encrypt(description, ctxOf('case_source', 'description_enc')),
      reliability: p.input.reliability,
      obtained_on: obtained || null,
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.source_added',
    objectType: 'case',
    objectId: p.caseId,
    data: { source: row.id },
    at: p.now,
  });
  return row.id;
}
