/**
 * "Create an appeal from the case": a draft appeal (appeals module) to the chosen body, pre-filled
 * with the act's type, date and territory, and recorded on the case as an intervention linked to it.
 *
 * The victim's identity stays confidential: the draft carries no name, contact or place (the appeal
 * is written in the organisation's name and says the identity can be given separately). Copying the
 * name into the appeal would widen who can read it: NGO appeals are open to every coordinator and
 * lawyer, while the case is open only to its access list.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { T } from '../../../platform/i18n/translate.js';
import { createDraft } from '../../appeals/index.js';
import { kyrgyzDateOf } from '../../calendar/index.js';
import { resolveBody } from '../queries.js';
import { labelsFor } from '../thesaurus/queries.js';
import { fuzzyText, lbl, nameOf } from '../views/names.js';
import { addIntervention } from './record-intervention.js';
import { Problems, optionalId, type CaseCommandProps } from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export async function createAppealFromCase(
  p: CaseCommandProps & { input: { act_id?: string; body: string }; locale: Locale; t: T },
): Promise<{ appealId: number; interventionId: number }> {
  const problems = new Problems();
  const actId = optionalId(p.input.act_id);
  const act =
    typeof actId === 'number'
      ? await p.trx
          .selectFrom('case_act')
          .innerJoin('case_event', 'case_event.id', 'case_act.event_id')
          .innerJoin('hr_case', 'hr_case.id', 'case_act.case_id')
          .select([
            'case_act.id',
            'case_act.act_type',
            'case_act.start_date',
            'case_act.start_precision',
            'case_act.start_label',
            'case_event.territory_id as event_territory',
            'hr_case.territory_id as case_territory',
          ])
          .where('case_act.id', '=', actId)
          .where('case_act.case_id', '=', p.caseId)
          .executeTakeFirst()
      : undefined;
  if (!act) problems.add('act_id', actId === null ? 'validation.required' : 'cases.error.unknown_act');
  const body = await resolveBody(p.trx, p.input.body);
  if (!body) problems.add('body', p.input.body.trim() ? 'cases.error.unknown_body' : 'validation.required');
  problems.throwIfAny();
  const labels = await labelsFor(p.trx, p.locale);
  const type = lbl(labels, 'act_type', act!.act_type);
  const date = fuzzyText(p.t, p.locale, {
    date: act!.start_date,
    precision: act!.start_precision,
    label: act!.start_label,
  });
  const territoryId = act!.event_territory ?? act!.case_territory;
  const territory = territoryId
    ? await p.trx
        .selectFrom('territory')
        .select(['name_ky', 'name_ru', 'name_en'])
        .where('id', '=', territoryId)
        .executeTakeFirst()
    : undefined;
  const place = territory ? `, ${nameOf(territory, p.locale)}` : '';
  const appealId = await createDraft({
    trx: p.trx,
    ownerId: p.userId,
    ngo: true,
    bodyId: body!.id,
    kind: 'complaint',
    language: p.locale,
    subject: p.t('cases.appeal_subject', { type, date }),
    text: p.t('cases.appeal_text', { type, date, place }),
    personNameEnc: null,
    personContactEnc: null,
    actor: userActor(p.userId),
    now: p.now,
  });
  const interventionId = await addIntervention({
    ...p,
    input: {
      kind: 'appeal',
      on_date: kyrgyzDateOf(p.now),
      act_id: String(act!.id),
      body: String(body!.id),
      response: 'pending',
      appeal_id: appealId,
    },
  });
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.appeal_created',
    objectType: 'case',
    objectId: p.caseId,
    data: { appeal: appealId, intervention: interventionId },
    at: p.now,
  });
  return { appealId, interventionId };
}
