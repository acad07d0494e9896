/**
 * Plants a distinct marker in every private or confidential field of every kind of record, through
 * the real pages (the way people fill them in), so the markers travel every path real data travels:
 * logs, audit entries, search indexes, mail, files, statistics.
 */
import assert from 'node:assert/strict';
import { Agent } from '../../support/agent.js';
import { buildBody, buildUser, signIn, type TestUser } from '../../support/factories.js';
import type { TestApp } from '../../support/test-app.js';
import { upload } from '../../appeals/support.js';
import { event, publish, sentAppeal } from '../../publication/support.js';
import { addOk, idsOf } from '../../cases/support.js';
import { multipartBody, PDF } from '../../cases/multipart.js';
import { createApiToken } from '../../cases/api-token.js';
import { follow, reporter, sendReport } from '../../anonymous/support.js';
import { currentParagraphs, RU_DRAFT, seedConsultation } from '../../consultations/fixtures.js';
import { Markers } from './markers.js';

export interface Planted {
  markers: Markers;
  /** ids of the planted records, to fill the route inventory's parameters */
  ids: Record<string, number[]>;
  /** the people of the planting (owners, members) */
  people: Record<'owner' | 'monitorOwner' | 'lawyer' | 'coordinator' | 'commenter', TestUser>;
}

const ok = (res: { statusCode: number; body: string }, what: string, code = 303) =>
  assert.equal(res.statusCode, code, `${what}: ${res.statusCode} ${res.body.slice(0, 600)}`);

export async function plantEverything(t: TestApp): Promise<Planted> {
  const mk = new Markers();
  const db = t.db.conn.db;
  const ids: Record<string, number[]> = {};
  const bodyId = await buildBody(t, { kind: 'ministry', code: 'court.test' });

  // ── User accounts ────────────────────────────────────────────────────────────────────────────────
  // Administrators manage accounts, so they may see e-mail addresses and names; nobody else may.
  const ownerPassword = `${mk.make('user.password', 'secret')} horse battery`;
  const owner = await buildUser(t, {
    role: 'citizen',
    email: `${mk.make('user.email', 'private', ['admin'])}@example.org`,
    password: ownerPassword,
  });
  await db
    .updateTable('user')
    .set({ display_name: `Aida ${mk.make('user.display_name', 'private', ['admin'])}` })
    .where('id', '=', owner.id)
    .execute();
  const ownerAgent = await signIn(t, owner, new Agent(t.app, { 'accept-language': 'en' }));
  mk.add('api_token (owner)', await createApiToken(t, owner.id), 'secret');

  // ── Appeals: private to their owner (a citizen's appeal is seen by nobody else) ───────────────────
  const appealId = await sentAppeal(ownerAgent, bodyId, {
    subject: `Subject ${mk.make('appeal.subject', 'private')}`,
    text: `Text ${mk.make('appeal.text', 'private')} of the appeal.`,
  });
  await event(ownerAgent, appealId, { kind: 'note', text: `Note ${mk.make('appeal_event.note', 'private')}` });
  await event(ownerAgent, appealId, {
    kind: 'answer',
    on: '2026-03-04',
    text: `Answer ${mk.make('appeal_event.answer', 'private')}`,
  });
  await event(ownerAgent, appealId, {
    kind: 'classify',
    classification: 'partially_satisfied',
    text: `Classified ${mk.make('appeal.classification_note', 'private')}`,
  });
  ok(
    await upload(
      ownerAgent,
      `/appeals/${appealId}/files`,
      `${mk.make('appeal_file.original_name', 'private')}.txt`,
      `Scan of ${mk.make('appeal_file.content', 'private')} letter`,
    ),
    'appeal file',
  );

  // An appeal a monitor files on behalf of a person whose identity is encrypted.
  const monitorOwner = await buildUser(t, { role: 'monitor' });
  const monitorAgent = await signIn(t, monitorOwner, new Agent(t.app, { 'accept-language': 'en' }));
  const behalfId = await sentAppeal(monitorAgent, bodyId, {
    subject: 'Visit to the colony',
    text: 'Complaint gathered during the visit.',
    person_name: `Bakyt ${mk.make('appeal.person_name', 'encrypted')}`,
    person_contact: `+996 555 ${mk.make('appeal.person_contact', 'encrypted')}`,
  });
  ids.appeal = [appealId, behalfId];
  ids.appeal_file = (await db.selectFrom('appeal_file').select('id').execute()).map((r) => r.id);

  // ── Human-rights cases: content only for the case's access list ───────────────────────────────────
  const lawyer = await buildUser(t, { role: 'lawyer' });
  mk.add('user.totp_secret (lawyer)', lawyer.totpSecret!, 'encrypted');
  const lawyerAgent = await signIn(t, lawyer, new Agent(t.app, { 'accept-language': 'en' }));
  const created = await lawyerAgent.post('/cases', {
    title: `Case ${mk.make('hr_case.title', 'encrypted')}`,
    summary: `Summary ${mk.make('hr_case.summary', 'encrypted')}`,
  });
  ok(created, 'case');
  const caseId = Number(/\/cases\/(\d+)$/.exec(String(created.headers.location))![1]);
  await addOk(lawyerAgent, caseId, 'event', {
    title: `Event ${mk.make('case_event.title', 'encrypted')}`,
    description: mk.make('case_event.description', 'encrypted'),
    place: mk.make('case_event.place', 'encrypted'),
    start: '2025-05-05',
    start_precision: 'exact',
  });
  await addOk(lawyerAgent, caseId, 'person', {
    name: `Zhyldyz ${mk.make('case_person.name', 'encrypted')}`,
    other_names: mk.make('case_person.other_names', 'encrypted'),
    contact: `+996 700 ${mk.make('case_person.contact', 'encrypted')}`,
    id_number: `ID-${mk.make('case_person.id_number', 'encrypted')}`,
    address: `Ulitsa ${mk.make('case_person.address', 'encrypted')} 12`,
    birth_date: '1911-11-11',
    sex: 'female',
    age_group: 'adult',
    groups: ['journalist'],
  });
  const [eventId] = await idsOf(t, 'case_event', caseId);
  const [personId] = await idsOf(t, 'case_person', caseId);
  await addOk(lawyerAgent, caseId, 'act', {
    event_id: String(eventId),
    act_type: 'torture',
    victim_id: String(personId),
    notes: mk.make('case_act.notes', 'encrypted'),
  });
  await addOk(lawyerAgent, caseId, 'intervention', {
    kind: 'lawsuit',
    on_date: '2025-06-01',
    body: 'court.test',
    parties: mk.make('case_intervention.parties', 'encrypted'),
    notes: mk.make('case_intervention.notes', 'encrypted'),
    decision: mk.make('case_intervention.decision', 'private'),
    response: 'pending',
  });
  await addOk(lawyerAgent, caseId, 'source', {
    description: mk.make('case_source.description', 'encrypted'),
    reliability: 'high',
    event_id: String(eventId),
  });
  const evidence = multipartBody(`${mk.make('case_evidence.original_name', 'encrypted')}.pdf`, PDF);
  const up = await t.app.inject({
    method: 'POST',
    url: `/cases/${caseId}/add/evidence?_csrf=${encodeURIComponent(await lawyerAgent.csrf())}`,
    payload: evidence.payload,
    headers: { 'content-type': evidence.contentType, cookie: lawyerAgent.cookieHeader() },
  });
  ok(up, 'evidence');
  ids.hr_case = [caseId];
  ids.case_person = [personId!];
  ids.case_evidence = await idsOf(t, 'case_evidence', caseId);

  // ── Inflected names (issue #17): a victim of the case, named in an appeal from the case and in the
  // body's answer in Russian and Kyrgyz cases, then published. The marker is the surname's stem, so
  // every form (Зкватбековой, Зкватбековага, ЗКВАТБЕКОВУ …) is found wherever it would leak.
  mk.add('appeal_event.answer (a case victim’s surname, inflected)', 'зкватбеков', 'private');
  await addOk(lawyerAgent, caseId, 'person', { name: 'Айгерим Зкватбекова', sex: 'female', age_group: 'adult' });
  const [firstAct] = await idsOf(t, 'case_act', caseId);
  const fromCase = await lawyerAgent.post(`/cases/${caseId}/add/appeal`, {
    act_id: String(firstAct),
    body: 'court.test',
  });
  ok(fromCase, 'appeal from the case');
  const inflectedAppeal = Number(/\/appeals\/(\d+)\/edit/.exec(String(fromCase.headers.location))![1]);
  ok(
    await lawyerAgent.post(`/appeals/${inflectedAppeal}/edit`, {
      kind: 'complaint',
      language: 'ru',
      subject: 'Жалоба о пытках',
      text: 'Прошу проверить задержание Зкватбековой А. и опросить свидетелей.',
      channel: 'paper',
      submitted_on: '2026-03-02',
    }),
    'appeal text',
  );
  ok(await lawyerAgent.post(`/appeals/${inflectedAppeal}/send`), 'appeal sent');
  await event(lawyerAgent, inflectedAppeal, {
    kind: 'answer',
    on: '2026-03-04',
    text: `Ответ по жалобе в интересах Зкватбековой Айгерим: ЗКВАТБЕКОВУ А. разъяснено право. Зкватбековага жооп берилди, Зкватбекованын арызы каралды.`,
  });
  await publish(lawyerAgent, inflectedAppeal);
  ids.appeal.push(inflectedAppeal);

  // ── Anonymous reports and their messages: coordinators and lawyers only ──────────────────────────
  const rep = reporter(t);
  const sent = await sendReport(
    rep,
    {
      what: `What ${mk.make('anonymous_report.what', 'encrypted')} happened`,
      when: mk.make('anonymous_report.when', 'encrypted'),
      where: mk.make('anonymous_report.where', 'encrypted'),
    },
    [
      {
        name: `${mk.make('anonymous_file.name', 'encrypted')}.txt`,
        data: Buffer.from(`Statement ${mk.make('anonymous_file.content', 'encrypted')}`),
        type: 'text/plain',
      },
    ],
  );
  assert.ok(sent.receipt, `no receipt: ${sent.res.statusCode} ${sent.res.body.slice(0, 600)}`);
  mk.add('anonymous_report.receipt', sent.receipt, 'secret');
  const reportId = (await db.selectFrom('anonymous_report').select('id').executeTakeFirstOrThrow()).id;
  ok(
    await lawyerAgent.post(`/anonymous-reports/${reportId}/message`, {
      message: `Question ${mk.make('anonymous_message.staff', 'encrypted')}`,
    }),
    'staff message',
  );
  ok(await follow(rep, sent.receipt), 'follow-up with the receipt');
  const replied = await rep.post('/report/reply', {
    message: `Reply ${mk.make('anonymous_message.reporter', 'encrypted')}`,
  });
  ok(replied, 'reporter reply');
  assert.equal(replied.headers.location, '/report/status?done=reply');
  ids.anonymous_report = [reportId];
  ids.anonymous_file = (await db.selectFrom('anonymous_file').select('id').execute()).map((r) => r.id);

  // ── Consultations: drafts before publication, hidden comments, flags, unnamed commenters ──────────
  // Coordinators and administrators run and moderate consultations: they may see these.
  const coordinator = await buildUser(t, { role: 'coordinator' });
  const draftId = await seedConsultation(t, coordinator.id, {
    published: false,
    title: `Draft ${mk.make('consultation.unpublished_title', 'private', ['admin'])}`,
    text: RU_DRAFT.replace(
      'Обсуждение длится',
      `${mk.make('consultation_version.unpublished_text', 'private', ['admin'])} Обсуждение длится`,
    ),
  });
  const openId = await seedConsultation(t, coordinator.id);
  const [para] = await currentParagraphs(t, openId);
  const commenter = await buildUser(t, { role: 'citizen' });
  await db
    .updateTable('user')
    .set({ display_name: `Unnamed ${mk.make('consultation_comment.unnamed_author', 'private', ['admin'])}` })
    .where('id', '=', commenter.id)
    .execute();
  const commenterAgent = await signIn(t, commenter, new Agent(t.app, { 'accept-language': 'en' }));
  ok(
    await commenterAgent.post(`/consultations/${openId}/paragraphs/${para!.id}/comments`, {
      body: 'A public comment without my name.',
      format: 'text',
      stance: 'oppose',
      proposed_wording: '',
    }),
    'unnamed comment',
  );
  ok(
    await commenterAgent.post(`/consultations/${openId}/paragraphs/${para!.id}/comments`, {
      body: `Hidden ${mk.make('consultation_comment.hidden_body', 'private', ['admin'])}`,
      format: 'text',
      stance: 'oppose',
      proposed_wording: mk.make('consultation_comment.hidden_wording', 'private', ['admin']),
    }),
    'comment to hide',
  );
  const comments = await db
    .selectFrom('consultation_comment')
    .select('id')
    .where('consultation_id', '=', openId)
    .orderBy('id')
    .execute();
  const flagger = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'en' }));
  ok(
    await flagger.post(`/consultations/${openId}/comments/${comments[0]!.id}/flag`, {
      reason: `Flag ${mk.make('consultation_flag.reason', 'private', ['admin'])}`,
    }),
    'flag',
  );
  const coordAgent = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
  ok(
    await coordAgent.post(`/consultations/${openId}/comments/${comments[1]!.id}/moderate`, {
      action: 'hide',
      reason: 'Rule 2',
    }),
    'hide',
  );
  ids.consultation = [draftId, openId];
  ids.consultation_comment = comments.map((c) => c.id);
  ids.consultation_paragraph = (await db.selectFrom('consultation_paragraph').select('id').execute()).map((r) => r.id);

  // ── Contact messages: the coordinators' and administrators' inbox only ─────────────────────────────
  const visitor = new Agent(t.app, { 'accept-language': 'en' });
  const contactPage = await visitor.get('/contact');
  t.clock.advance(20_000); // the form refuses answers filled in faster than a person types
  ok(
    await visitor.post('/contact', {
      form_token: /name="form_token" value="([^"]+)"/.exec(contactPage.body)?.[1] ?? '',
      website: '',
      name: `Nurlan ${mk.make('contact_message.name', 'encrypted', ['admin'])}`,
      reply_to: `${mk.make('contact_message.reply_to', 'encrypted', ['admin'])}@example.org`,
      subject: `Subject ${mk.make('contact_message.subject', 'encrypted', ['admin'])}`,
      message: `Message ${mk.make('contact_message.body', 'encrypted', ['admin'])}`,
    }),
    'contact message',
  );
  ids.contact_message = (await db.selectFrom('contact_message').select('id').execute()).map((r) => r.id);

  // ── Subscriptions: the subscriber's address is encrypted and shown to nobody ──────────────────────
  ok(
    await new Agent(t.app, { 'accept-language': 'en' }).post('/subscribe', {
      email: `${mk.make('subscription.email', 'encrypted')}@example.org`,
      topic_statements: '1',
      language: 'en',
    }),
    'subscription',
  );

  // ── Statements: a draft is the editors' (coordinators, administrators) until it is published ──────
  const draft = await coordAgent.post('/statements/manage', {
    kind: 'statement',
    tags: 'Prisons',
    title_ky: '',
    title_ru: '',
    title_en: `Draft ${mk.make('statement.draft_title', 'private', ['admin'])}`,
    summary_ky: '',
    summary_ru: '',
    summary_en: `Summary ${mk.make('statement.draft_summary', 'private', ['admin'])}`,
    body_ky: '',
    body_ru: '',
    body_en: `Body ${mk.make('statement.draft_body', 'private', ['admin'])}`,
  });
  ok(draft, 'statement draft');
  ids.statement = [Number(/\/statements\/manage\/(\d+)/.exec(String(draft.headers.location))![1])];

  return { markers: mk, ids, people: { owner, monitorOwner, lawyer, coordinator, commenter } };
}
