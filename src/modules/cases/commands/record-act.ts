/**
 * Acts: what was done to one victim within an event (HURIDOCS: an act has exactly one victim).
 * The type comes from the thesaurus; torture methods too. Without a date the act takes its event's.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { ctxOf } from '../encrypted-columns.js';
import {
  Problems,
  belongsToCase,
  checkTerm,
  optionalId,
  parseDateRange,
  touchCase,
  type CaseCommandProps,
  type DateInput,
} from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface ActInput extends DateInput {
  event_id: string;
  act_type: string;
  victim_id?: string;
  methods?: string[];
  notes?: string;
}

export async function addAct(p: CaseCommandProps & { input: ActInput }): Promise<number> {
  const problems = new Problems();
  const eventId = optionalId(p.input.event_id);
  const event =
    typeof eventId === 'number'
      ? await p.trx
          .selectFrom('case_event')
          .select(['id', 'start_date', 'start_precision', 'start_label'])
          .where('id', '=', eventId)
          .where('case_id', '=', p.caseId)
          .executeTakeFirst()
      : undefined;
  if (!event) problems.add('event_id', eventId === null ? 'validation.required' : 'cases.error.unknown_event');
  await checkTerm(p.trx, problems, 'act_type', 'act_type', p.input.act_type, true);
  const victimId = optionalId(p.input.victim_id);
  if (victimId === null) problems.add('victim_id', 'cases.error.victim_required');
  else if (victimId === 'bad' || !(await belongsToCase(p.trx, 'case_person', victimId, p.caseId)))
    problems.add('victim_id', 'cases.error.unknown_person');
  const methods = [...new Set(p.input.methods ?? [])].filter((m) => m !== '');
  for (const m of methods) await checkTerm(p.trx, problems, 'methods', 'torture_method', m, false);
  const fallback = event
    ? { date: event.start_date, precision: event.start_precision, label: event.start_label }
    : undefined;
  const { start, end } = parseDateRange(problems, p.input, fallback);
  if (!start && !problems.has('start') && !problems.has('start_label')) problems.add('start', 'validation.required');
  problems.throwIfAny();
  const row = await p.trx
    .insertInto('case_act')
    .values({
      case_id: p.caseId,
      event_id: event!.id,
      act_type: p.input.act_type,
      victim_id: victimId as number,
      methods: methods.join(','),
      start_date: start!.date,
      start_precision: start!.precision,
      start_label: start!.label,
      end_date: end?.date ?? null,
      end_precision: end?.precision ?? null,
      end_label: end?.label ?? null,
      notes_enc: p.cipher.encryptNullable(p.input.notes?.trim() || null, ctxOf('case_act', 'notes_enc')),
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.act_added',
    objectType: 'case',
    objectId: p.caseId,
    data: { act: row.id, type: p.input.act_type },
    at: p.now,
  });
  return row.id;
}
