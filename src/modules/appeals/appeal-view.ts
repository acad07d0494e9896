/** Builds the props of the appeal page (views stay pure: everything they show is computed here). */
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { kyrgyzDateOf, renderExplanation } from '../calendar/index.js';
import { canTransition, computedStatus, escalationRefusal } from './lifecycle.js';
import { bodyById, bodyName } from '../directory/index.js';
import { loadCalendar } from './calendar-store.js';
import { appealDeadlines } from './deadlines.js';
import { OPEN_STATES } from './kinds.js';
import { listChildren, listEvents, listFiles, type Appeal } from './queries.js';
import { replyAddress } from './reply-address.js';
import { findRule, legalBasis } from './rules/queries.js';
import { termWords } from './term-words.js';
import type { AppealPageView } from './views/appeal.js';
import { userActor, userIdOfActor, userIdsOfActors } from '../../platform/audit/actor.js';

export async function appealPageView(request: FastifyRequest, a: Appeal): Promise<AppealPageView> {
  const { db, cipher, config, now } = request.server.achyk;
  const { t, locale, user } = request.ctx;
  const today = kyrgyzDateOf(now());
  const body = await bodyById(db, a.body_id);
  const redirected = a.redirected_to_body_id ? await bodyById(db, a.redirected_to_body_id) : undefined;
  const rule = a.rule_id ? await findRule(db, a.rule_id) : undefined;
  const calendar = await loadCalendar(db);
  const d = rule ? appealDeadlines(a, rule, calendar, today) : null;
  const events = await listEvents(db, a.id);
  const userIds = userIdsOfActors(events.map((e) => e.actor));
  const names = new Map(
    (userIds.length
      ? await db.selectFrom('user').select(['id', 'display_name']).where('id', 'in', userIds).execute()
      : []
    ).map((u) => [u.id, u.display_name]),
  );
  const actorName = (actor: string) => {
    const id = userIdOfActor(actor);
    if (id !== null) return id === user?.id ? t('appeals.actor.you') : (names.get(id) ?? actor);
    return actor === 'mail' ? t('appeals.actor.mail') : t('appeals.actor.system');
  };
  // Showing the identity of the person acted for is a read of a confidential record (SECURITY.md).
  if (a.person_name_enc && user)
    await recordAudit(db, {
      actor: userActor(user.id),
      action: 'appeal.person_read',
      objectType: 'appeal',
      objectId: a.id,
      at: now(),
    });
  const parent = a.parent_id ? { id: a.parent_id } : null;
  const sent = a.state !== 'draft';
  return {
    appeal: a,
    status: computedStatus(a, today),
    bodyName: body ? bodyName(body, locale) : '—',
    redirectedToName: redirected ? bodyName(redirected, locale) : null,
    legalBasis: rule ? legalBasis(rule, locale) : null,
    ruleSummary: rule
      ? t('appeals.rule_summary', {
          registration: termWords(locale, rule.registration_term, rule.registration_unit),
          answer: termWords(locale, rule.answer_term, rule.answer_unit),
          extension: termWords(locale, rule.max_extension, rule.extension_unit, 'up_to'),
        })
      : null,
    disputed: rule?.disputed === 1,
    workingDaysLeft: d?.answer?.status?.workingDaysLeft ?? null,
    explanation:
      d?.answer && OPEN_STATES.includes(a.state)
        ? renderExplanation(d.answer.explanation, locale)
        : d?.answer
          ? renderExplanation(
              d.answer.explanation.filter((i) => !i.key.startsWith('deadline.status.')),
              locale,
            )
          : [],
    registrationExplanation: d?.registration ? renderExplanation(d.registration.explanation, locale) : [],
    replyAddress: sent && a.channel === 'email' ? replyAddress(cipher, a.id, config.mailDomain) : null,
    person: a.person_name_enc
      ? {
          name: cipher.decryptNullable(a.person_name_enc, 'appeal.person_name'),
          contact: cipher.decryptNullable(a.person_contact_enc, 'appeal.person_contact'),
        }
      : null,
    events: events.map((e) => ({ ...e, actorName: actorName(e.actor) })),
    files: await listFiles(db, a.id),
    parent,
    children: await listChildren(db, a.id),
    allowed: {
      register: sent && canTransition(a.state, 'register'),
      extend: sent && canTransition(a.state, 'extend') && a.extension_days === 0,
      redirect: sent && canTransition(a.state, 'redirect'),
      answer: sent && canTransition(a.state, 'answer'),
      classify: canTransition(a.state, 'classify'),
      close: sent && canTransition(a.state, 'close'),
      escalate: escalationRefusal(a, today) === null,
    },
  };
}
