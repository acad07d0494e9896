/** Events of a case (what happened, when, where) and the chain of events between them. */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { ctxOf } from '../encrypted-columns.js';
import {
  Problems,
  belongsToCase,
  optionalId,
  parseDateRange,
  territoryExists,
  touchCase,
  type CaseCommandProps,
  type DateInput,
} from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface EventInput extends DateInput {
  title: string;
  description?: string;
  territory_id?: string;
  place?: string;
}

/** Records an event; dates must agree with their precision and the end may not come before the start. */
export async function addEvent(p: CaseCommandProps & { input: EventInput }): Promise<number> {
  const problems = new Problems();
  const title = p.input.title.trim();
  if (!title) problems.add('title', 'validation.required');
  const { start, end } = parseDateRange(problems, p.input);
  const territoryId = optionalId(p.input.territory_id);
  if (territoryId === 'bad' || (territoryId !== null && !(await territoryExists(p.trx, territoryId))))
    problems.add('territory_id', 'cases.error.unknown_territory');
  problems.throwIfAny();
  const row = await p.trx
    .insertInto('case_event')
    .values({
      case_id: p.caseId,
      title_enc: p.cipher.encrypt(title, ctxOf('case_event', 'title_enc')),
      description_enc: p.cipher.encryptNullable(
        p.input.description?.trim() || null,
        ctxOf('case_event', 'description_enc'),
      ),
      start_date: start!.date,
      start_precision: start!.precision,
      start_label: start!.label,
      end_date: end?.date ?? null,
      end_precision: end?.precision ?? null,
      end_label: end?.label ?? null,
      territory_id: territoryId as number | null,
      place_enc: p.cipher.encryptNullable(p.input.place?.trim() || null, ctxOf('case_event', 'place_enc')),
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.event_added',
    objectType: 'case',
    objectId: p.caseId,
    data: { event: row.id },
    at: p.now,
  });
  return row.id;
}

const RELATIONS = ['led_to', 'part_of', 'followed_by'] as const;

/** Links two events of the same case (chain of events). */
export async function linkEvents(
  p: CaseCommandProps & { input: { from_event_id: string; to_event_id: string; relation: string } },
): Promise<number> {
  const problems = new Problems();
  const from = optionalId(p.input.from_event_id);
  const to = optionalId(p.input.to_event_id);
  if (typeof from !== 'number' || !(await belongsToCase(p.trx, 'case_event', from, p.caseId)))
    problems.add('from_event_id', 'cases.error.unknown_event');
  if (typeof to !== 'number' || !(await belongsToCase(p.trx, 'case_event', to, p.caseId)))
    problems.add('to_event_id', 'cases.error.unknown_event');
  if (!(RELATIONS as readonly string[]).includes(p.input.relation)) problems.add('relation', 'validation.choice');
  if (!problems.list.length && from === to) problems.add('to_event_id', 'cases.error.link_self');
  if (!problems.list.length) {
    const dup = await p.trx
      .selectFrom('case_event_link')
      .select('id')
      .where('from_event_id', '=', from as number)
      .where('to_event_id', '=', to as number)
      .executeTakeFirst();
    if (dup) problems.add('to_event_id', 'cases.error.link_twice');
  }
  problems.throwIfAny();
  const row = await p.trx
    .insertInto('case_event_link')
    .values({
      case_id: p.caseId,
      from_event_id: from as number,
      to_event_id: to as number,
      relation: p.input.relation as (typeof RELATIONS)[number],
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.events_linked',
    objectType: 'case',
    objectId: p.caseId,
    data: { link: row.id },
    at: p.now,
  });
  return row.id;
}
