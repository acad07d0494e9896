/**
 * Issue #17 through the real pages: the confirmation step before publishing, whole-word redaction of
 * every form of a hidden word, known identities (the person acted for, the people of a linked case)
 * hidden in every case and never "kept", and the exact letter of the issue.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { addOk, directoryFixture, idsOf, openCase, staff } from '../cases/support.js';
import { confirmAllSafe, event, openReviewItems, publish, sentAppeal } from './support.js';

const ISSUE_ANSWER =
  'По обращению в интересах Маматова Азамата Бакытовича (тел. 0555 12 34 56, ПИН 21203199000123), проживающего по адресу ул. Токтогула, 125, кв. 4, сообщаем: проверку провёл Сыдыков Н. К. Маматову А. Б. разъяснено право на обжалование.';

forEachDialect('publication: confirmation step and known identities', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-04-01T06:00:00Z') });
  });
  after(async () => t.close());

  test('the issue’s letter: the person acted for is hidden whole in every case, with patronymic and initials', async () => {
    const lawyer = await signIn(
      t,
      await buildUser(t, { role: 'lawyer' }),
      new Agent(t.app, { 'accept-language': 'ru' }),
    );
    const id = await sentAppeal(lawyer, await buildBody(t), {
      language: 'ru',
      subject: 'Жалоба о пытках',
      text: 'Прошу проверить законность задержания.',
      person_name: 'Маматов Азамат Бакытович',
    });
    await event(lawyer, id, { kind: 'answer', on: '2026-03-05', text: ISSUE_ANSWER });
    // Trying to keep the known person's name visible does not work: it is always hidden.
    assert.equal(
      (await lawyer.post(`/appeals/${id}/publication/choices`, { kind: 'keep', value: 'Маматова Азамата Бакытовича' }))
        .statusCode,
      303,
    );
    await publish(lawyer, id);
    const page = (await new Agent(t.app, { 'accept-language': 'ru' }).get(`/published/${id}`)).body;
    for (const leak of [
      'Маматов',
      'Азамат',
      'Бакытович',
      '[…]а',
      'А. Б.',
      '0555',
      '21203199000123',
      'Токтогула',
      'Сыдыков',
    ])
      assert.ok(!page.includes(leak), leak);
    assert.match(
      page,
      /По обращению в интересах \[…\] \(тел\. \[…\], ПИН \[…\]\), проживающего по адресу \[…\], сообщаем/,
    );
  });

  test('publishing is refused until each visible word and number is hidden or confirmed safe (one click each, audited)', async () => {
    const owner = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'ru' }));
    const id = await sentAppeal(owner, await buildBody(t), {
      language: 'ru',
      subject: 'Ответ не получен',
      text: 'Моё заявление от 12.03.2026 о колонии №47 передал Кенжебек. Начальник отдела Бишкекглавархитектура не ответил.',
    });
    const items = await openReviewItems(owner, id);
    for (const v of ['12.03.2026', '47', 'Начальник', 'Бишкекглавархитектура'])
      assert.ok(items.includes(v), `${v} in ${items.join(', ')}`);
    assert.ok(!items.includes('Кенжебек'), 'a given name is hidden by the detector, not left for review');
    const refused = await owner.post(`/appeals/${id}/publication/publish`);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Проверка перед публикацией не завершена/);
    assert.equal(
      await t.db.conn.db.selectFrom('appeal_publication').select('id').where('appeal_id', '=', id).executeTakeFirst(),
      undefined,
    );

    // Hide one, confirm the rest safe.
    assert.equal(
      (await owner.post(`/appeals/${id}/publication/choices`, { kind: 'redact', value: 'Бишкекглавархитектура' }))
        .statusCode,
      303,
    );
    assert.ok(!(await openReviewItems(owner, id)).includes('Бишкекглавархитектура'));
    const confirmed = await confirmAllSafe(owner, id);
    assert.ok(confirmed.includes('Начальник') && confirmed.includes('12.03.2026'));
    assert.equal((await owner.post(`/appeals/${id}/publication/publish`)).statusCode, 303);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select(['action', 'data'])
      .where('object_type', '=', 'appeal')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    const safe = audit.filter((e) => e.action === 'publication.safe');
    assert.equal(safe.length, confirmed.length, 'each confirmation is an audit entry');
    assert.ok(audit.some((e) => e.action === 'publication.publish'));
    for (const e of audit)
      assert.ok(
        !String(e.data).includes('Бишкекглав') && !String(e.data).includes('Начальник'),
        'the audit names the choice, never its text',
      );
    const page = (await new Agent(t.app).get(`/published/${id}`)).body;
    assert.ok(!page.includes('Кенжебек') && !page.includes('Бишкекглавархитектура'));
    assert.ok(page.includes('Начальник отдела'));

    // A new answer is a new text: "Update the publication" waits for its words to be confirmed.
    await event(owner, id, { kind: 'answer', on: '2026-03-20', text: 'Ответ подготовил отдел Кыргызгипрозем.' });
    assert.equal((await owner.post(`/appeals/${id}/publication/publish`)).statusCode, 422);
    assert.ok(!(await new Agent(t.app).get(`/published/${id}`)).body.includes('Кыргызгипрозем'));
  });

  test('a word hidden by hand is hidden whole, in every inflected form, in every text', async () => {
    const owner = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'ky' }));
    const id = await sentAppeal(owner, await buildBody(t), {
      language: 'ky',
      subject: 'Токтобаевдин иши',
      text: 'Токтобаев кармалды. Токтобаевге жардам керек.',
    });
    await event(owner, id, {
      kind: 'answer',
      on: '2026-03-05',
      text: 'Токтобаевдин арызы каралды. ТОКТОБАЕВДЕН түшүндүрмө алынды.',
    });
    assert.equal(
      (await owner.post(`/appeals/${id}/publication/choices`, { kind: 'redact', value: 'Токтобаев' })).statusCode,
      303,
    );
    await publish(owner, id);
    const page = (await new Agent(t.app).get(`/published/${id}`)).body;
    assert.ok(!/токтобаев/i.test(page));
    assert.ok(!/\]\p{L}/u.test(page.replace(/<[^>]+>/g, ' ')), 'no ending is left after a hidden word');
  });

  test('the people of a linked case (victim, witness) are hidden in their Russian and Kyrgyz forms without anyone adding them', async () => {
    const dir = await directoryFixture(t, '-c');
    const lawyer = await staff(t, 'lawyer');
    const a = lawyer.agent;
    const caseId = await openCase(a, 'Пытки в ИВС', dir.chui);
    await addOk(a, caseId, 'event', { title: 'Ночь в ИВС', start: '2026-02-14', start_precision: 'exact' });
    await addOk(a, caseId, 'person', { name: 'Сатыбалдиева Айгерим Маратовна', sex: 'female', age_group: 'adult' });
    await addOk(a, caseId, 'person', { name: 'Бекназар Үсөн уулу', sex: 'male', age_group: 'adult' });
    const [eventId] = await idsOf(t, 'case_event', caseId);
    const [victimId] = await idsOf(t, 'case_person', caseId);
    await addOk(a, caseId, 'act', { event_id: String(eventId), act_type: 'torture', victim_id: String(victimId) });
    const [actId] = await idsOf(t, 'case_act', caseId);
    const res = await a.post(`/cases/${caseId}/add/appeal`, { act_id: String(actId), body: 'police.test-c' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const id = Number(/\/appeals\/(\d+)\/edit/.exec(String(res.headers.location))![1]);
    assert.equal(
      (
        await a.post(`/appeals/${id}/edit`, {
          kind: 'complaint',
          language: 'ky',
          subject: 'Кыйноо',
          text: 'Сатыбалдиевага карата кыйноо болду. Күбө Үсөн уулунун көрсөтмөсү тиркелди.',
          channel: 'paper',
          submitted_on: '2026-03-02',
        })
      ).statusCode,
      303,
    );
    assert.equal((await a.post(`/appeals/${id}/send`)).statusCode, 303);
    await event(a, id, {
      kind: 'answer',
      on: '2026-03-06',
      text: 'По жалобе в интересах Сатыбалдиевой А. М. опрошен свидетель Бекназар Үсөн уулу; Айгерим Маратовне направлен ответ.',
    });
    await publish(a, id);
    const page = (await new Agent(t.app).get(`/published/${id}`)).body;
    // (as words: "уулу" is also inside the menu's "Отчеттуулук")
    for (const leak of ['Сатыбалди', 'Айгерим', 'Маратовн', 'Бекназар', 'Үсөн', 'уулу'])
      assert.ok(!new RegExp(`(^|[^\\p{L}])${leak}`, 'u').test(page), leak);
  });
});
