import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Runtime } from '../../src/bootstrap.js';
import { statementsSeed } from '../../src/modules/statements/seed.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

forEachDialect('statements: demo seed', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('the demo set gets one public trilingual statement with figures and one upcoming event, once', async () => {
    const runtime = {
      config: t.config,
      conn: t.db.conn,
      cipher: t.cipher,
      mailer: t.app.achyk.mailer,
      keyFileCreated: false,
      close: async () => {},
    } satisfies Runtime;
    const db = t.db.conn.db;
    await buildUser(t, { role: 'admin' });
    await statementsSeed({ runtime, demo: true, now: t.clock.now });
    assert.equal(
      (await db.selectFrom('statement').select('id').execute()).length,
      0,
      'no Ministry of Justice, no demo statement',
    );
    await buildBody(t, {
      code: 'minjust',
      kind: 'ministry',
      name_ky: 'Юстиция министрлиги',
      name_ru: 'Министерство юстиции',
      name_en: 'Ministry of Justice',
      emails: null,
    });
    await statementsSeed({ runtime, demo: false, now: t.clock.now });
    assert.equal((await db.selectFrom('statement').select('id').execute()).length, 0);
    await statementsSeed({ runtime, demo: true, now: t.clock.now });
    await statementsSeed({ runtime, demo: true, now: t.clock.now });
    const rows = await db.selectFrom('statement').selectAll().execute();
    assert.equal(rows.length, 1);
    const anon = new Agent(t.app, { 'accept-language': 'ru' });
    const page = await anon.get(`/statements/${rows[0]!.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /зафиксировано при публикации/);
    const events = await anon.get('/events');
    assert.match(events.body, /Пресс-конференция: сроки ответов на обращения \(демо\)/);
  });
});
