/**
 * Scanned answers (issue #17, item 5): a scan rendered inside the test is read by Tesseract in a
 * background job, its text is marked "recognised automatically", redacted (the person acted for is
 * hidden in the Kyrgyz dative the scan uses), published only once checked against the scan, and
 * then found by search. Bad input: a corrupt file, a 100-page PDF against the time limit, a server
 * without Tesseract: each ends in a clear status, never a crash or a job left running.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { runJobs, upload } from './support.js';
import { confirmAllSafe, sentAppeal } from '../publication/support.js';
import { imagePdf, scanImage } from './scans.js';

const LINES = [
  'Башкы прокуратура Маматовго жооп берди.',
  'Жылуулук түтүгү кезексиз оңдолот.',
  'Ответ подписал прокурор Сыдыков Н. К.',
];

async function lawyerAppeal(t: TestApp): Promise<{ agent: Agent; id: number }> {
  const bodyId = await buildBody(t);
  const lawyer = await buildUser(t, { role: 'lawyer' });
  const agent = await signIn(t, lawyer, new Agent(t.app, { 'accept-language': 'ky' }));
  const id = await sentAppeal(agent, bodyId, {
    language: 'ky',
    subject: 'Кыйноо боюнча арыз',
    text: 'Жабырлануучунун атынан арыз берем.',
    person_name: 'Маматов Азамат',
  });
  return { agent, id };
}

async function fileOf(t: TestApp, appealId: number) {
  return t.db.conn.db
    .selectFrom('appeal_file')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

forEachDialect('scanned answers: OCR in the background, redaction, search', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('a scanned answer (PNG) is recognised, withheld until checked, then redacted and found by search', async () => {
    const { agent, id } = await lawyerAppeal(t);
    const scan = await scanImage(LINES);
    assert.equal((await upload(agent, `/appeals/${id}/files`, 'жооп.png', scan.data)).statusCode, 303);
    let file = await fileOf(t, id);
    assert.equal(file.ocr_status, 'queued');
    assert.equal(file.extracted_text, null);
    await runJobs(t);
    file = await fileOf(t, id);
    assert.equal(file.ocr_status, 'done');
    assert.equal(file.text_source, 'ocr');
    assert.match(file.extracted_text ?? '', /Жылуулук түтүгү/);
    assert.match((await agent.get(`/appeals/${id}`)).body, /Тексти автоматтык түрдө таанылды/);

    // Published before the recognised text is checked: the scan's text stays out of the public copy.
    const page = await agent.get(`/appeals/${id}/publication`);
    assert.match(page.body, /Таанылган текст сканер менен салыштырылып текшерилмейинче жарыяланбайт/);
    assert.doesNotMatch(page.body, /Маматовго/, 'the known identity is hidden even in the withheld preview');
    await confirmAllSafe(agent, id);
    assert.equal((await agent.post(`/appeals/${id}/publication/publish`)).statusCode, 303);
    const anon = new Agent(t.app, { 'accept-language': 'ky' });
    assert.doesNotMatch(
      (await anon.get('/search?q=' + encodeURIComponent('жылуулук'))).body,
      new RegExp(`/published/${id}"`),
    );

    // Checked against the scan, then published again: searchable in Cyrillic and Latin, name hidden, marked.
    assert.equal(
      (await agent.post(`/appeals/${id}/publication/choices`, { kind: 'ocr_checked', value: String(file.id) }))
        .statusCode,
      303,
    );
    await confirmAllSafe(agent, id);
    assert.equal((await agent.post(`/appeals/${id}/publication/publish`)).statusCode, 303);
    for (const q of ['жылуулук', 'jyluuluk', 'ЖЫЛУУЛУК'])
      assert.match((await anon.get('/search?q=' + encodeURIComponent(q))).body, new RegExp(`/published/${id}"`), q);
    const pub = await anon.get(`/published/${id}`);
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /Жылуулук түтүгү/);
    assert.doesNotMatch(pub.body, /Маматов/);
    assert.match(pub.body, /Сканерден автоматтык түрдө таанылган текст/);
    assert.doesNotMatch(
      pub.body,
      new RegExp(`/published/${id}/files/`),
      'the scan itself is not published as an image',
    );
  });

  test('an image-only PDF is rasterised and read; a corrupt scan fails with a clear status', async () => {
    const { agent, id } = await lawyerAppeal(t);
    const jpeg = await scanImage(LINES, 'jpeg');
    assert.equal(
      (await upload(agent, `/appeals/${id}/files`, 'scan.pdf', imagePdf(jpeg.data, jpeg.width, jpeg.height)))
        .statusCode,
      303,
    );
    await runJobs(t);
    const pdf = await fileOf(t, id);
    assert.equal(pdf.ocr_status, 'done');
    assert.equal(pdf.ocr_pages, 1);
    assert.match(pdf.extracted_text ?? '', /Жылуулук/);

    const corrupt = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(2000, 7),
    ]);
    assert.equal((await upload(agent, `/appeals/${id}/files`, 'broken.png', corrupt)).statusCode, 303);
    await runJobs(t);
    assert.equal((await fileOf(t, id)).ocr_status, 'failed');
    assert.match((await agent.get(`/appeals/${id}`)).body, /Сканды окууга болбоду/);
    const jobs = await t.db.conn.db.selectFrom('job').select(['status']).where('kind', '=', 'appeals.ocr').execute();
    assert.ok(
      jobs.every((j) => j.status === 'done'),
      'no recognition job is left queued, running or failed',
    );
  });
});

forEachDialect('scanned answers: time limit and a server without Tesseract', (dialect) => {
  test('a 100-page scan stops at the time limit with what it read; nothing is left running', async () => {
    const t = await buildTestApp(dialect, { env: { OCR_TIME_LIMIT_SECONDS: '5' } });
    try {
      const { agent, id } = await lawyerAppeal(t);
      const jpeg = await scanImage(LINES, 'jpeg');
      assert.equal(
        (await upload(agent, `/appeals/${id}/files`, 'long.pdf', imagePdf(jpeg.data, jpeg.width, jpeg.height, 100)))
          .statusCode,
        303,
      );
      const started = Date.now();
      await runJobs(t);
      assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
      const file = await fileOf(t, id);
      assert.equal(file.ocr_status, 'timeout');
      assert.equal(file.ocr_pages_total, 100);
      assert.ok((file.ocr_pages ?? 0) >= 1 && (file.ocr_pages ?? 0) < 100, `${file.ocr_pages} pages read`);
      assert.match(file.extracted_text ?? '', /Жылуулук/);
      assert.match((await agent.get(`/appeals/${id}`)).body, /убакыт чегинде токтотулду/);
      assert.equal(
        (
          await t.db.conn.db
            .selectFrom('job')
            .select('status')
            .where('kind', '=', 'appeals.ocr')
            .executeTakeFirstOrThrow()
        ).status,
        'done',
      );
    } finally {
      await t.close();
    }
  });

  test('without Tesseract the document says so; "recognise again" queues it once it is installed', async () => {
    const t = await buildTestApp(dialect, { env: { ACHYK_TESSERACT: '/nonexistent/tesseract' } });
    try {
      const { agent, id } = await lawyerAppeal(t);
      const scan = await scanImage(LINES);
      assert.equal((await upload(agent, `/appeals/${id}/files`, 'жооп.png', scan.data)).statusCode, 303);
      await runJobs(t);
      const file = await fileOf(t, id);
      assert.equal(file.ocr_status, 'unavailable');
      assert.match((await agent.get(`/appeals/${id}/publication`)).body, /Tesseract орнотулган эмес/);
      assert.equal((await agent.post(`/appeals/${id}/publication/files/${file.id}/ocr`)).statusCode, 303);
      assert.equal((await fileOf(t, id)).ocr_status, 'queued');
      // another appeal's document cannot be queued through this appeal
      assert.equal((await agent.post(`/appeals/${id}/publication/files/999999/ocr`)).statusCode, 404);
    } finally {
      await t.close();
    }
  });
});
