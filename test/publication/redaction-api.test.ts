/**
 * POST /api/v1/redaction/suggest (issue #17, item 6): the publication's detector for the
 * organisation's other tools. Staff only; documented in the OpenAPI document; bounded time on a
 * text as large as the body limit allows; nothing of the text kept in the logs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { createApiToken } from '../cases/api-token.js';

forEachDialect('POST /api/v1/redaction/suggest', (dialect) => {
  let t: TestApp;
  let staffToken: string;
  let citizenToken: string;
  const call = (payload: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/redaction/suggest',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify(payload),
    });
  before(async () => {
    t = await buildTestApp(dialect);
    staffToken = await createApiToken(t, (await buildUser(t, { role: 'monitor' })).id);
    citizenToken = await createApiToken(t, (await buildUser(t)).id);
  });
  after(async () => t.close());

  test('finds known names in every form, other names and patterns, and returns the redacted text', async () => {
    const text =
      'Жалоба Маматовой Гульнары (тел. +996 700 123 456). Маматовага жооп берилди. Проверку провёл Сыдыков Н. К.';
    const res = await call({ text, lang: 'ru', names: ['Маматова Гульнара'] }, staffToken);
    assert.equal(res.statusCode, 200, res.body);
    const body = JSON.parse(res.body) as { spans: { start: number; end: number; kind: string }[]; redacted: string };
    assert.equal(body.redacted, 'Жалоба […] (тел. […]). […] жооп берилди. Проверку провёл […]');
    assert.deepEqual(
      body.spans.map((s) => [text.slice(s.start, s.end), s.kind]),
      [
        ['Маматовой Гульнары', 'known_name'],
        ['+996 700 123 456', 'phone'],
        ['Маматовага', 'known_name'],
        ['Сыдыков Н. К.', 'name'],
      ],
    );
    assert.ok(!t.logs.join('\n').includes('Маматов'), 'the text is not logged');
  });

  test('staff only: a citizen gets 403, a visitor without a token 401', async () => {
    assert.equal((await call({ text: 'x', lang: 'ky' }, citizenToken)).statusCode, 403);
    assert.equal((await call({ text: 'x', lang: 'ky' })).statusCode, 401);
  });

  test('bad input is a 400 naming the field', async () => {
    for (const payload of [
      { text: 'x', lang: 'de' },
      { text: 'x', lang: 'ky', extra: 1 },
      { lang: 'ky' },
      { text: 'x', lang: 'ky', names: [''] },
    ]) {
      const res = await call(payload, staffToken);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.ok((JSON.parse(res.body) as { error: { code: string } }).error.code, res.body);
    }
  });

  test('a text as large as the body limit allows is answered in bounded time', async () => {
    const line = 'Прокуратура рассмотрела обращение гражданина Асанбекова Т. и сообщает, что нарушений не выявлено. ';
    const text = line.repeat(Math.floor(900_000 / Buffer.byteLength(line)));
    const started = Date.now();
    const res = await call({ text, lang: 'ru', names: ['Маматов Азамат'] }, staffToken);
    const ms = Date.now() - started;
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body) as { spans: unknown[]; redacted: string };
    assert.ok(!body.redacted.includes('Асанбеков'));
    assert.ok(ms < 10_000, `${text.length} characters took ${ms} ms`);
    console.log(
      `# suggest: ${text.length} characters (${Buffer.byteLength(text)} bytes) in ${ms} ms, ${body.spans.length} spans`,
    );
  });

  test('documented in the OpenAPI document', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    assert.ok(doc.paths['/api/v1/redaction/suggest']?.post?.requestBody);
  });
});
