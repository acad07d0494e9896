import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Runtime } from '../../src/bootstrap.js';
import { consultationPhase } from '../../src/modules/consultations/phase.js';
import { consultationsSeed } from '../../src/modules/consultations/seed.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { currentParagraphs } from './fixtures.js';

forEachDialect('consultations: demo seed', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('the demo set gets one open Kyrgyz consultation, once; without demo data, nothing', async () => {
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
    // Without the Ministry of Justice in the directory there is no drafting body to name.
    await consultationsSeed({ runtime, demo: true, now: t.clock.now });
    assert.equal((await db.selectFrom('consultation').select('id').execute()).length, 0);
    await buildBody(t, {
      code: 'minjust',
      kind: 'ministry',
      name_ky: 'Юстиция министрлиги',
      name_ru: 'Министерство юстиции',
      name_en: 'Ministry of Justice',
      emails: null,
    });
    await consultationsSeed({ runtime, demo: false, now: t.clock.now });
    assert.equal((await db.selectFrom('consultation').select('id').execute()).length, 0);
    await consultationsSeed({ runtime, demo: true, now: t.clock.now });
    await consultationsSeed({ runtime, demo: true, now: t.clock.now });
    const rows = await db.selectFrom('consultation').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(consultationPhase(rows[0]!, t.clock.now), 'open');
    const paragraphs = await currentParagraphs(t, rows[0]!.id);
    assert.deepEqual([...new Set(paragraphs.map((p) => p.article_number))], [null, '1', '2', '3']);
  });
});
