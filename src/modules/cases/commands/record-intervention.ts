/**
 * Interventions: what the organisation did. Appeals, lawsuits (court, parties, claim amount and
 * currency, hearings, decision such as "claim withdrawn"), UN communications (mechanism, date,
 * reference), media work. The state's response is a thesaurus term ("no response" included), which
 * the reports count as the outcome.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { isIsoDate } from '../../calendar/index.js';
import { ctxOf } from '../encrypted-columns.js';
import { resolveBody } from '../queries.js';
import { CURRENCIES, UN_MECHANISMS } from '../thesaurus/default-terms.js';
import { Problems, belongsToCase, checkTerm, optionalId, touchCase, type CaseCommandProps } from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface InterventionInput {
  kind: string;
  on_date: string;
  act_id?: string;
  body?: string;
  response?: string;
  parties?: string;
  claim_amount?: string;
  claim_currency?: string;
  decision?: string;
  mechanism?: string;
  reference?: string;
  outlet?: string;
  /** one hearing per line: "2026-02-10 adjourned" */
  hearings?: string;
  notes?: string;
  appeal_id?: number | null;
}

export async function addIntervention(p: CaseCommandProps & { input: InterventionInput }): Promise<number> {
  const problems = new Problems();
  const i = p.input;
  await checkTerm(p.trx, problems, 'kind', 'intervention_type', i.kind, true);
  if (!isIsoDate(i.on_date.trim()))
    problems.add('on_date', i.on_date.trim() ? 'validation.date' : 'validation.required');
  const actId = optionalId(i.act_id);
  if (actId === 'bad' || (actId !== null && !(await belongsToCase(p.trx, 'case_act', actId, p.caseId))))
    problems.add('act_id', 'cases.error.unknown_act');
  let bodyId: number | null = null;
  if ((i.body ?? '').trim()) {
    const body = await resolveBody(p.trx, i.body!);
    if (!body) problems.add('body', 'cases.error.unknown_body');
    else bodyId = body.id;
  } else if (i.kind === 'lawsuit' || i.kind === 'appeal')
    problems.add('body', i.kind === 'lawsuit' ? 'cases.error.court_required' : 'validation.required');
  await checkTerm(p.trx, problems, 'response', 'state_response', i.response, false);
  const amount = (i.claim_amount ?? '').trim().replace(/\s/g, '').replace(',', '.');
  if (amount && !/^\d{1,12}(\.\d{1,2})?$/.test(amount)) problems.add('claim_amount', 'cases.error.amount');
  const currency = (i.claim_currency ?? '').trim();
  if (amount && !(CURRENCIES as readonly string[]).includes(currency))
    problems.add('claim_currency', currency ? 'validation.choice' : 'validation.required');
  if (!amount && currency && !(CURRENCIES as readonly string[]).includes(currency))
    problems.add('claim_currency', 'validation.choice');
  const mechanism = (i.mechanism ?? '').trim();
  if (i.kind === 'un_communication' && !mechanism) problems.add('mechanism', 'validation.required');
  if (mechanism && !(UN_MECHANISMS as readonly string[]).includes(mechanism))
    problems.add('mechanism', 'validation.choice');
  const hearings: { on_date: string; note: string | null }[] = [];
  for (const line of (i.hearings ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const d = line.slice(0, 10);
    if (!isIsoDate(d)) {
      problems.add('hearings', 'cases.error.hearing_line', { line: line.slice(0, 40) });
      break;
    }
    hearings.push({ on_date: d, note: line.slice(10).trim() || null });
  }
  problems.throwIfAny();
  const row = await p.trx
    .insertInto('case_intervention')
    .values({
      case_id: p.caseId,
      act_id: actId as number | null,
      kind: i.kind,
      on_date: i.on_date.trim(),
      body_id: bodyId,
      response: i.response || null,
      parties_enc: p.cipher.encryptNullable(i.parties?.trim() || null, ctxOf('case_intervention', 'parties_enc')),
      claim_amount: amount || null,
      claim_currency: currency || null,
      decision: i.decision?.trim() || null,
      mechanism: mechanism || null,
      reference: i.reference?.trim() || null,
      outlet: i.outlet?.trim() || null,
      appeal_id: i.appeal_id ?? null,
      notes_enc: p.cipher.encryptNullable(i.notes?.trim() || null, ctxOf('case_intervention', 'notes_enc')),
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (hearings.length)
    await p.trx
      .insertInto('case_hearing')
      .values(hearings.map((h) => ({ intervention_id: row.id, ...h })))
      .execute();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.intervention_added',
    objectType: 'case',
    objectId: p.caseId,
    data: { intervention: row.id, kind: i.kind },
    at: p.now,
  });
  return row.id;
}
