import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { answerComment } from '../../src/modules/consultations/commands/participation.js';
import { postComment, postReply } from '../../src/modules/consultations/commands/post-comment.js';
import { addVersion } from '../../src/modules/consultations/commands/add-version.js';
import type { Stance } from '../../src/modules/consultations/tables.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { currentParagraphs, RU_DRAFT, seedConsultation } from './fixtures.js';

forEachDialect('consultations: the final report', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-03-02T06:00:00Z') });
  });
  after(async () => t.close());

  const actor = (u: TestUser) => ({ id: u.id, role: u.role, status: 'active' as const });

  /**
   * The fixture: paragraphs P1 (preamble), P2, P3 (article 1), P4 (article 2).
   * P2: support (Aida, named), oppose ×2 (Bakyt; Cholpon), answered accepted + rejected.
   * P4: neutral (Bakyt) with a reply (Aida), then a version 2 changes P4's text: that comment moves to "earlier".
   * P3: one comment hidden by moderation (not counted).
   */
  async function fixture() {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const [, p2, p3, p4] = await currentParagraphs(t, id);
    const [aida, bakyt, cholpon] = await Promise.all([buildUser(t), buildUser(t), buildUser(t)]);
    const db = t.db.conn.db;
    const now = t.clock.now;
    const ids = await db.transaction().execute(async (trx) => {
      const c = async (u: TestUser, pid: number, stance: Stance, body: string, showName = false, proposed = '') =>
        postComment({
          trx,
          consultationId: id,
          paragraphId: pid,
          actor: actor(u),
          input: { body, format: 'text', stance, proposedWording: proposed, showName },
          now,
        });
      const a1 = await c(aida, p2!.id, 'support', 'Хорошая норма', true);
      const b1 = await c(bakyt, p2!.id, 'oppose', '=HYPERLINK("http://evil")', false, 'Новая редакция');
      const c1 = await c(cholpon, p2!.id, 'oppose', 'Против');
      const hidden = await c(cholpon, p3!.id, 'support', 'спам');
      const b2 = await c(bakyt, p4!.id, 'neutral', 'Срок?');
      await postReply({
        trx,
        consultationId: id,
        parentId: b2,
        actor: actor(aida),
        input: { body: 'Согласна', format: 'text', showName: true },
        now,
      });
      await answerComment({
        trx,
        consultationId: id,
        commentId: b1,
        actor: actor(coordinator),
        outcome: 'accepted',
        reasons: 'Учтено',
        now,
      });
      await answerComment({
        trx,
        consultationId: id,
        commentId: c1,
        actor: actor(coordinator),
        outcome: 'rejected',
        reasons: 'Противоречит Конституции',
        now,
      });
      await trx.updateTable('consultation_comment').set({ status: 'hidden' }).where('id', '=', hidden).execute();
      await addVersion({
        trx,
        consultationId: id,
        text: RU_DRAFT.replace('15 дней', '30 дней'),
        format: 'text',
        sourceFormat: 'text',
        changeNote: null,
        actorId: coordinator.id,
        mail: { cipher: t.cipher, publicUrl: t.config.publicUrl, now },
      });
      return { a1, b1, c1, b2 };
    });
    return { coordinator, id, aida, bakyt, cholpon, ids };
  }

  test('counts per article and paragraph, totals, earlier wording, anonymised authors (JSON)', async () => {
    const { id, aida, bakyt, ids } = await fixture();
    const res = await new Agent(t.app).get(`/consultations/${id}/report.json`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="consultation-\d+-report\.json"/);
    const r = JSON.parse(res.body);
    assert.deepEqual(r.totals, {
      comments: 4,
      support: 1,
      oppose: 2,
      neutral: 1,
      answered: 2,
      accepted: 1,
      partly_accepted: 0,
      rejected: 1,
      participants: 3,
      hidden: 1,
    });
    assert.equal(r.currentVersion, 2);
    assert.equal(r.final, false);
    const art1 = r.articles.find((a: { number: string }) => a.number === '1');
    assert.deepEqual(
      [art1.tally.comments, art1.tally.support, art1.tally.oppose, art1.tally.accepted, art1.tally.rejected],
      [3, 1, 2, 1, 1],
    );
    const p2 = art1.paragraphs[0];
    assert.deepEqual(
      p2.comments.map((c: { id: number }) => c.id),
      [ids.a1, ids.b1, ids.c1],
    );
    const aidaName = (
      await t.db.conn.db.selectFrom('user').select('display_name').where('id', '=', aida.id).executeTakeFirstOrThrow()
    ).display_name;
    assert.deepEqual(p2.comments[0].author, { participant: 1, name: aidaName });
    assert.deepEqual(p2.comments[1].author, { participant: 2, name: null });
    // Article 2's paragraph changed in version 2: its comment is reported under the earlier wording.
    const art2 = r.articles.find((a: { number: string }) => a.number === '2');
    assert.equal(art2.tally.comments, 0);
    assert.equal(r.earlier.length, 1);
    assert.equal(r.earlier[0].versionNumber, 1);
    assert.match(r.earlier[0].text, /15 дней/);
    assert.equal(r.earlier[0].comments[0].replies[0].body, 'Согласна');
    assert.doesNotMatch(res.body, new RegExp(bakyt.email));
    assert.doesNotMatch(res.body, /@example\.org/);
  });

  test('CSV: one row per comment and reply, names only when chosen, formula cells neutralised', async () => {
    const { id } = await fixture();
    const res = await new Agent(t.app).get(`/consultations/${id}/report.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    const rows = parse(res.body.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 5);
    assert.deepEqual(
      rows.map((r) => r.stance),
      ['support', 'oppose', 'oppose', 'neutral', ''],
    );
    assert.deepEqual(
      rows.map((r) => r.participant),
      ['1', '2', '3', '2', '1'],
    );
    assert.equal(rows[1]!.name, '');
    assert.match(rows[0]!.name!, /^Test citizen/);
    assert.equal(rows[1]!.comment, `'=HYPERLINK("http://evil")`);
    assert.equal(rows[1]!.answer, 'accepted');
    assert.equal(rows[2]!.answer_reasons, 'Противоречит Конституции');
    assert.equal(rows[4]!.reply_to, rows[3]!.comment_id);
  });

  test('the printable page: A4 print stylesheet, totals table with headers, interim then final after closing', async () => {
    const { id, coordinator } = await fixture();
    const page = await new Agent(t.app, { 'accept-language': 'ru' }).get(`/consultations/${id}/report`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<link rel="stylesheet" href="\/consultations\/consultations\.css"\/>/);
    assert.match(page.body, /<th scope="col">Поддерживаю<\/th>/);
    assert.match(page.body, /промежуточные итоги/);
    const css = await new Agent(t.app).get('/consultations/consultations.css');
    assert.match(css.body, /@page \{ size: A4/);
    // Publishing the report before closing is refused; after closing it works and is final.
    let mod = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    const early = await mod.post(`/consultations/${id}/report`, { conclusion: 'Итоги' });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /only after the comment period has closed/);
    const saved = t.clock.now;
    t.clock.now = new Date('2026-03-15T06:00:00Z');
    mod = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    assert.equal(
      (await mod.post(`/consultations/${id}/report`, { conclusion: 'Большинство предложений учтено.' })).statusCode,
      303,
    );
    const final = await new Agent(t.app, { 'accept-language': 'en' }).get(`/consultations/${id}/report`);
    assert.match(final.body, /Report published on/);
    assert.match(final.body, /Большинство предложений учтено\./);
    const r = JSON.parse((await new Agent(t.app).get(`/consultations/${id}/report.json`)).body);
    assert.equal(r.final, true);
    assert.equal(r.phase, 'report');
    t.clock.now = saved;
  });

  test('the JSON API lists published consultations (not drafts) with their phase and report link, and is documented', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const published = await seedConsultation(t, coordinator.id, { title: 'Опубликованный проект' });
    const draft = await seedConsultation(t, coordinator.id, { title: 'Черновик', published: false });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/consultations' });
    assert.equal(res.statusCode, 200);
    const list = JSON.parse(res.body).consultations as { id: number; phase: string; reportUrl: string }[];
    const mine = list.find((c) => c.id === published)!;
    assert.equal(mine.phase, 'open');
    assert.match(mine.reportUrl, new RegExp(`/consultations/${published}/report\\.json$`));
    assert.equal(
      list.some((c) => c.id === draft),
      false,
    );
    const openapi = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body);
    assert.ok(openapi.paths['/api/v1/consultations']);
  });
});
