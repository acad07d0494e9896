import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { currentParagraphs, seedConsultation } from './fixtures.js';

forEachDialect('consultations: flags and moderation', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  async function commentFixture() {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [para] = await currentParagraphs(t, id);
    const author = await signIn(t, await buildUser(t));
    assert.equal(
      (
        await author.post(`/consultations/${id}/paragraphs/${para!.id}/comments`, {
          body: 'Оскорбительный текст про соседа',
          format: 'text',
          stance: 'oppose',
          proposed_wording: '',
        })
      ).statusCode,
      303,
    );
    const comment = await t.db.conn.db
      .selectFrom('consultation_comment')
      .selectAll()
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    return { coordinator, id, para: para!, author, comment };
  }

  const auditOf = (commentId: number) =>
    t.db.conn.db
      .selectFrom('audit_event')
      .select(['actor', 'action', 'data'])
      .where('object_type', '=', 'consultation_comment')
      .where('object_id', '=', String(commentId))
      .orderBy('seq')
      .execute();

  test('three flags from different people hide a comment pending review; a duplicate flag is refused', async () => {
    const { id, para, author, comment } = await commentFixture();
    const flaggers = await Promise.all(
      [0, 1, 2].map(async () => signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'en' }))),
    );
    const flag = (a: Agent, reason = 'оскорбление') =>
      a.post(`/consultations/${id}/comments/${comment.id}/flag`, { reason });
    assert.equal((await flag(flaggers[0]!)).statusCode, 303);
    const dup = await flag(flaggers[0]!, 'again');
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /already flagged this comment/);
    const own = await author.post(
      `/consultations/${id}/comments/${comment.id}/flag`,
      { reason: '' },
      { headers: { 'accept-language': 'en' } },
    );
    assert.equal(own.statusCode, 409);
    assert.equal((await flag(flaggers[1]!)).statusCode, 303);
    let row = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('status')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'visible');
    assert.equal((await flag(flaggers[2]!)).statusCode, 303);
    row = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('status')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending_review');
    const flags = await t.db.conn.db
      .selectFrom('consultation_flag')
      .select('id')
      .where('comment_id', '=', comment.id)
      .execute();
    assert.equal(flags.length, 3, 'the duplicate left no row');

    // The public sees a placeholder, not the text; the counts leave it out.
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(`/consultations/${id}/paragraphs/${para.id}`);
    assert.match(page.body, /hidden after flags, pending review/);
    assert.doesNotMatch(page.body, /Оскорбительный текст/);
    const report = JSON.parse((await new Agent(t.app).get(`/consultations/${id}/report.json`)).body);
    assert.equal(report.totals.comments, 0);
    assert.equal(report.totals.hidden, 1);

    const audit = await auditOf(comment.id);
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'consultation.comment',
        'consultation.comment_flag',
        'consultation.comment_flag',
        'consultation.comment_flag',
        'consultation.comment_auto_hide',
      ],
    );
    assert.equal(audit[4]!.actor, 'system');
    assert.deepEqual(JSON.parse(audit[4]!.data), { flags: 3, reason: 'flags' });
    assert.deepEqual(JSON.parse(audit[1]!.data), { reason: 'оскорбление' });
  });

  test('a moderator restores or hides with a reason; each decision is audited with it; citizens cannot moderate', async () => {
    const { coordinator, id, para, comment } = await commentFixture();
    const citizen = await signIn(t, await buildUser(t));
    assert.equal((await citizen.get(`/consultations/${id}/moderation`)).statusCode, 403);
    assert.equal(
      (await citizen.post(`/consultations/${id}/comments/${comment.id}/moderate`, { action: 'hide', reason: 'x' }))
        .statusCode,
      403,
    );
    const mod = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    // A reason is required.
    assert.equal(
      (await mod.post(`/consultations/${id}/comments/${comment.id}/moderate`, { action: 'hide', reason: '' }))
        .statusCode,
      422,
    );
    await citizen.post(`/consultations/${id}/comments/${comment.id}/flag`, { reason: 'спам' });
    const queue = await mod.get(`/consultations/${id}/moderation`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Flags: 1/);
    assert.equal(
      (
        await mod.post(`/consultations/${id}/comments/${comment.id}/moderate`, {
          action: 'hide',
          reason: 'Личные оскорбления (правило 2)',
        })
      ).statusCode,
      303,
    );
    let row = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('status')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'hidden');
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(`/consultations/${id}/paragraphs/${para.id}`);
    assert.match(page.body, /hidden by a moderator/);
    assert.equal(
      (
        await mod.post(`/consultations/${id}/comments/${comment.id}/moderate`, {
          action: 'restore',
          reason: 'Ошибка модерации',
        })
      ).statusCode,
      303,
    );
    row = await t.db.conn.db
      .selectFrom('consultation_comment')
      .select('status')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'visible');
    const open = await t.db.conn.db
      .selectFrom('consultation_flag')
      .select('id')
      .where('comment_id', '=', comment.id)
      .where('resolved_at', 'is', null)
      .execute();
    assert.equal(open.length, 0, 'the flags were resolved by the decision');
    const audit = (await auditOf(comment.id)).filter(
      (a) => a.action.startsWith('consultation.comment_h') || a.action.startsWith('consultation.comment_r'),
    );
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor, JSON.parse(a.data).reason]),
      [
        ['consultation.comment_hide', `user:${coordinator.id}`, 'Личные оскорбления (правило 2)'],
        ['consultation.comment_restore', `user:${coordinator.id}`, 'Ошибка модерации'],
      ],
    );
  });
});
