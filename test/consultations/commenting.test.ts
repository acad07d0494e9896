import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { postComment } from '../../src/modules/consultations/commands/post-comment.js';
import { AppError } from '../../src/platform/errors.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { XSS_PAYLOADS } from './comment-text.test.js';
import { currentParagraphs, RU_DRAFT, seedBody, seedConsultation, text } from './fixtures.js';

forEachDialect('consultations: drafting and commenting', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-03-02T06:00:00Z') });
  });
  after(async () => t.close());

  const countComments = async () =>
    Number(
      (
        await t.db.conn.db
          .selectFrom('consultation_comment')
          .select(t.db.conn.db.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('a coordinator creates a consultation, pastes a Russian draft and sees it split into articles', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const agent = await signIn(t, coordinator);
    const body = await seedBody(t, { ru: 'Министерство юстиции Кыргызской Республики' });
    const created = await agent.post('/consultations', {
      title: 'Об общественных слушаниях',
      body: 'Министерство юстиции Кыргызской Республики',
      summary: 'Проект закона.',
      official_url: 'https://cbd.minjust.gov.kg/',
      opens_on: '2026-03-01',
      closes_on: '2026-03-20',
    });
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(/\/consultations\/(\d+)\/manage/.exec(String(created.headers.location))![1]);
    const row = await t.db.conn.db
      .selectFrom('consultation')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.body_id, body.id);
    const { postMultipart } = await import('./fixtures.js');
    const version = await postMultipart(agent, `/consultations/${id}/versions`, {
      text: RU_DRAFT,
      format: 'text',
      change_note: '',
    });
    assert.equal(version.statusCode, 303, version.body);
    assert.equal(version.headers.location, `/consultations/${id}/versions/1`);
    // Not yet published: citizens and anonymous visitors get 404, the coordinator sees it.
    assert.equal((await new Agent(t.app).get(`/consultations/${id}`)).statusCode, 404);
    const citizen = await signIn(t, await buildUser(t));
    assert.equal((await citizen.get(`/consultations/${id}`)).statusCode, 404);
    assert.equal((await citizen.get(`/consultations/${id}/report.csv`)).statusCode, 404);
    const page = await agent.get(`/consultations/${id}`, { 'accept-language': 'ru' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Статья 1\. Предмет регулирования/);
    assert.match(page.body, /id="p-[0-9a-f]{10}"/);
    assert.equal((await agent.post(`/consultations/${id}/publish`)).statusCode, 303);
    assert.equal((await new Agent(t.app).get(`/consultations/${id}`)).statusCode, 200);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'consultation')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['consultation.create', 'consultation.version_add', 'consultation.publish'],
    );
  });

  test('bad consultation input: unknown body, dates in the wrong order, a javascript: link → 422 with field errors', async () => {
    const agent = await signIn(t, await buildUser(t, { role: 'coordinator' }));
    const res = await agent.post(
      '/consultations',
      {
        title: 'X',
        body: 'No such ministry at all',
        summary: 'S',
        official_url: 'javascript:alert(1)',
        opens_on: '2026-03-10',
        closes_on: '2026-03-01',
      },
      { headers: { 'accept-language': 'en' } },
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /No such body in the directory/);
    assert.match(res.body, /The last day cannot be before the first day/);
    assert.match(res.body, /starting with http/);
    // A citizen cannot even see the form.
    const citizen = await signIn(t, await buildUser(t));
    assert.equal((await citizen.get('/consultations/new')).statusCode, 403);
  });

  test('a text without article headings stays one block, with a message', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id, { text: 'Просто текст без статей.\nВторая строка.' });
    const paragraphs = await currentParagraphs(t, id);
    assert.equal(paragraphs.length, 1);
    const page = await new Agent(t.app, { 'accept-language': 'ru' }).get(`/consultations/${id}`);
    assert.match(page.body, /оставлен одним блоком/);
  });

  test('a confirmed citizen comments on a paragraph with a stance and a proposed wording; shown as "Participant 1"', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [, para] = await currentParagraphs(t, id);
    const citizen = await buildUser(t);
    const agent = await signIn(t, citizen, new Agent(t.app, { 'accept-language': 'en' }));
    const form = await agent.get(`/consultations/${id}/paragraphs/${para!.id}`);
    assert.match(form.body, /name="stance"/);
    const res = await agent.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
      body: 'Нужно уточнить срок.',
      format: 'text',
      stance: 'oppose',
      proposed_wording: 'Обсуждение длится не менее 30 дней.',
      show_name: '',
    });
    assert.equal(res.statusCode, 422, 'an empty checkbox value is not "1"');
    const ok = await agent.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
      body: 'Нужно уточнить срок.',
      format: 'text',
      stance: 'oppose',
      proposed_wording: 'Обсуждение длится не менее 30 дней.',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(String(ok.headers.location).split('#')[0]!);
    assert.match(page.body, /Participant 1/);
    assert.match(page.body, /Oppose/);
    assert.match(text(page.body), /не менее 30 дней/);
    assert.doesNotMatch(page.body, new RegExp(citizen.email));
    assert.doesNotMatch(page.body, /Test citizen/);
    const doc = await new Agent(t.app, { 'accept-language': 'en' }).get(`/consultations/${id}`);
    assert.match(doc.body, /Comments: 1/);
  });

  test('phase rules with time as a parameter: no comments before opening, after closing, or on an old version; nothing written', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id, { opensOn: '2026-03-05', closesOn: '2026-03-10' });
    const [para] = await currentParagraphs(t, id);
    const citizen = await buildUser(t);
    let agent = await signIn(t, citizen, new Agent(t.app, { 'accept-language': 'en' }));
    // Sessions expire after 30 idle minutes, so each jump in time signs in again.
    const travel = async (iso: string) => {
      t.clock.now = new Date(iso);
      agent = await signIn(t, citizen, new Agent(t.app, { 'accept-language': 'en' }));
    };
    const post = () =>
      agent.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
        body: 'Комментарий',
        format: 'text',
        stance: 'support',
        proposed_wording: '',
      });
    const before = await countComments();
    // 2 March: announced, not open.
    let res = await post();
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /not open for comments yet/);
    // 4 March 23:59 in Bishkek (17:59 UTC) is still before opening; 5 March 00:00 opens.
    await travel('2026-03-04T17:59:00Z');
    assert.equal((await post()).statusCode, 409);
    await travel('2026-03-04T18:00:00Z');
    assert.equal((await post()).statusCode, 303);
    // A revised version: the old paragraph no longer takes comments.
    const coordAgent = await signIn(t, coordinator);
    const { postMultipart } = await import('./fixtures.js');
    const v2 = await postMultipart(coordAgent, `/consultations/${id}/versions`, {
      text: RU_DRAFT.replace('15 дней', '30 дней'),
      format: 'text',
      change_note: 'Срок увеличен',
    });
    assert.equal(v2.statusCode, 303, v2.body);
    res = await post();
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /belongs to an earlier version/);
    // After the last day (10 March, Bishkek time), comments are closed even on the current version.
    const [current] = await currentParagraphs(t, id);
    await travel('2026-03-10T18:00:00Z');
    res = await agent.post(`/consultations/${id}/paragraphs/${current!.id}/comments`, {
      body: 'Поздно',
      format: 'text',
      stance: 'support',
      proposed_wording: '',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /closed for comments/);
    assert.equal(await countComments(), before + 1);
    t.clock.now = new Date('2026-03-02T06:00:00Z');
  });

  test('empty, oversize and unexpected comments are refused with clear errors; unconfirmed accounts cannot comment', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [para] = await currentParagraphs(t, id);
    const agent = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'en' }));
    const url = `/consultations/${id}/paragraphs/${para!.id}/comments`;
    const before = await countComments();
    let res = await agent.post(url, { body: '   ', format: 'text', stance: 'support', proposed_wording: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Please fill in this field/);
    res = await agent.post(url, { body: 'x'.repeat(10_001), format: 'text', stance: 'support', proposed_wording: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /at most 10000 characters/);
    res = await agent.post(url, { body: 'ok', format: 'text', stance: 'maybe', proposed_wording: '' });
    assert.equal(res.statusCode, 422);
    res = await agent.post(url, {
      body: 'ok',
      format: 'text',
      stance: 'support',
      proposed_wording: '',
      author_id: '1',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Unknown field: author_id/);
    // Without the CSRF token: 403, nothing written.
    res = await agent.post(
      url,
      { body: 'ok', format: 'text', stance: 'support', proposed_wording: '' },
      { csrf: false },
    );
    assert.equal(res.statusCode, 403);
    // An account whose e-mail is not confirmed cannot sign in; the command refuses it all the same.
    const unconfirmed = await buildUser(t, { status: 'unconfirmed' });
    await assert.rejects(
      t.db.conn.db.transaction().execute((trx) =>
        postComment({
          trx,
          consultationId: id,
          paragraphId: para!.id,
          actor: { id: unconfirmed.id, role: 'citizen', status: 'unconfirmed' },
          input: { body: 'ok', format: 'text', stance: 'support', proposedWording: '', showName: false },
          now: t.clock.now,
        }),
      ),
      (err: unknown) =>
        err instanceof AppError &&
        err.code === 'forbidden' &&
        err.messageKey === 'consultations.confirm_email_to_comment',
    );
    // Anonymous visitors are sent to sign in.
    res = await new Agent(t.app).post(url, { body: 'ok', format: 'text', stance: 'support', proposed_wording: '' });
    assert.equal(res.statusCode, 401);
    assert.equal(await countComments(), before);
  });

  test('XSS payloads in comments, replies and proposed wording render inert', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [para] = await currentParagraphs(t, id);
    const agent = await signIn(t, await buildUser(t));
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const res = await agent.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
        body: payload,
        format: i % 2 ? 'markdown' : 'text',
        stance: 'neutral',
        proposed_wording: payload,
      });
      assert.equal(res.statusCode, 303);
    }
    const first = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('id')
      .where('consultation_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    assert.equal(
      (
        await agent.post(`/consultations/${id}/comments/${first.id}/replies`, {
          body: '<script>alert(2)</script> [x](javascript:alert(2))',
          format: 'markdown',
        })
      ).statusCode,
      303,
    );
    for (const url of [`/consultations/${id}/paragraphs/${para!.id}`, `/consultations/${id}/report`]) {
      const page = await new Agent(t.app).get(url);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(
        page.body,
        /<script>alert|<img src=x|<svg\/onload|<iframe|<style>body|<a [^>]*href="(javascript|vbscript|data):|<[^>]*\son(error|load|click)=/i,
        url,
      );
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    }
  });

  test('replies are one level deep; a reply to a reply is refused', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [para] = await currentParagraphs(t, id);
    const a = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'en' }));
    await a.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
      body: 'Первый',
      format: 'text',
      stance: 'support',
      proposed_wording: '',
    });
    const comment = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('id')
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    const b = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'en' }));
    assert.equal(
      (
        await b.post(`/consultations/${id}/comments/${comment.id}/replies`, {
          body: 'Согласен',
          format: 'text',
          show_name: '1',
        })
      ).statusCode,
      303,
    );
    const reply = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select(['id', 'parent_id', 'stance'])
      .where('parent_id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(reply.stance, null);
    const res = await a.post(`/consultations/${id}/comments/${reply.id}/replies`, {
      body: 'Ответ на ответ',
      format: 'text',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /reply to the comment itself/);
    // A comment of another consultation cannot be reached through this one.
    const other = await seedConsultation(t, coordinator.id);
    assert.equal(
      (await a.post(`/consultations/${other}/comments/${comment.id}/replies`, { body: 'x', format: 'text' }))
        .statusCode,
      404,
    );
  });

  test('drafters and coordinators answer; other citizens cannot; answers are audited', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [para] = await currentParagraphs(t, id);
    const citizen = await signIn(t, await buildUser(t));
    await citizen.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
      body: 'Предлагаю 30 дней',
      format: 'text',
      stance: 'oppose',
      proposed_wording: '',
    });
    const comment = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('id')
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    const drafterUser = await buildUser(t, { role: 'lawyer' });
    const drafter = await signIn(t, drafterUser);
    const answer = { outcome: 'partly_accepted', reasons: 'Срок увеличен до 20 дней.' };
    assert.equal((await drafter.post(`/consultations/${id}/comments/${comment.id}/answer`, answer)).statusCode, 403);
    assert.equal((await citizen.post(`/consultations/${id}/comments/${comment.id}/answer`, answer)).statusCode, 403);
    const coordAgent = await signIn(t, coordinator);
    assert.equal(
      (await coordAgent.post(`/consultations/${id}/drafters`, { email: drafterUser.email })).statusCode,
      303,
    );
    const ok = await drafter.post(`/consultations/${id}/comments/${comment.id}/answer`, answer);
    assert.equal(ok.statusCode, 303);
    const page = await new Agent(t.app, { 'accept-language': 'ru' }).get(`/consultations/${id}/paragraphs/${para!.id}`);
    assert.match(page.body, /Принято частично/);
    assert.match(page.body, /Срок увеличен до 20 дней/);
    assert.equal(
      (
        await coordAgent.post(`/consultations/${id}/comments/${comment.id}/answer`, {
          outcome: 'accepted',
          reasons: '',
        })
      ).statusCode,
      422,
    );
    assert.equal(
      (
        await coordAgent.post(`/consultations/${id}/comments/${comment.id}/answer`, {
          outcome: 'accepted',
          reasons: 'Принято полностью.',
        })
      ).statusCode,
      303,
    );
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select(['action', 'data'])
      .where('object_type', '=', 'consultation_comment')
      .where('object_id', '=', String(comment.id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['consultation.comment', 'consultation.answer', 'consultation.answer_change'],
    );
  });
});
