import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { DEFAULT_TERMS } from '../../src/modules/cases/thesaurus/default-terms.js';
import { staff } from './support.js';

forEachDialect('case thesaurus', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('the seeded tree has stable codes and labels in three languages, incl. "no response" and the SDG flags', async () => {
    const rows = await t.db.conn.db.selectFrom('thesaurus_term').selectAll().execute();
    assert.equal(rows.length, DEFAULT_TERMS.length);
    for (const r of rows) assert.ok(r.label_ky && r.label_ru && r.label_en, r.code);
    const get = (th: string, code: string) => rows.find((r) => r.thesaurus === th && r.code === code);
    assert.equal(get('state_response', 'no_response')?.label_ru, 'Ответа нет');
    assert.equal(get('act_type', 'torture')?.parent_code, 'integrity');
    assert.equal(get('act_type', 'extremist_listing')?.parent_code, 'association_assembly');
    assert.equal(get('act_type', 'hate_speech')?.parent_code, 'equality');
    assert.deepEqual(
      rows
        .filter((r) => r.thesaurus === 'act_type' && r.sdg)
        .map((r) => r.sdg)
        .sort(),
      ['arbitrary_detention', 'enforced_disappearance', 'killing', 'killing', 'kidnapping', 'torture'].sort(),
    );
    assert.deepEqual(
      rows
        .filter((r) => r.thesaurus === 'vulnerable_group' && r.sdg)
        .map((r) => r.code)
        .sort(),
      ['hrd', 'journalist', 'media_worker', 'trade_unionist'],
    );
  });

  test('an administrator adds a term and relabels or retires one; codes stay; others cannot', async () => {
    const admin = (await staff(t, 'admin')).agent;
    const lawyer = (await staff(t, 'lawyer')).agent;
    assert.equal((await lawyer.get('/admin/thesaurus')).statusCode, 403);
    const page = await admin.get('/admin/thesaurus');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('no_response'));
    const added = await admin.post('/admin/thesaurus', {
      thesaurus: 'act_type',
      code: 'forced_psychiatry',
      parent_code: 'detention_rights',
      label_ky: 'Мажбурлап психиатриялык дарылоо',
      label_ru: 'Принудительное психиатрическое лечение',
      label_en: 'Forced psychiatric treatment',
    });
    assert.equal(added.statusCode, 303);
    for (const [form, msg] of [
      [
        { thesaurus: 'act_type', code: 'forced_psychiatry', label_ky: 'a', label_ru: 'b', label_en: 'c' },
        /already exists/,
      ],
      [{ thesaurus: 'act_type', code: 'Bad Code', label_ky: 'a', label_ru: 'b', label_en: 'c' }, /lower-case Latin/],
      [
        { thesaurus: 'act_type', code: 'x_y', parent_code: 'nowhere', label_ky: 'a', label_ru: 'b', label_en: 'c' },
        /Unknown code: nowhere/,
      ],
      [
        { thesaurus: 'astrology', code: 'x_y', label_ky: 'a', label_ru: 'b', label_en: 'c' },
        /Choose one of the listed values/,
      ],
    ] as const) {
      const res = await admin.post('/admin/thesaurus', form, { headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, msg);
    }
    const row = await t.db.conn.db
      .selectFrom('thesaurus_term')
      .select('id')
      .where('code', '=', 'threats')
      .executeTakeFirstOrThrow();
    assert.equal(
      (
        await admin.post(`/admin/thesaurus/${row.id}`, {
          label_ky: 'Коркутуу',
          label_ru: 'Угрозы',
          label_en: 'Threats',
        })
      ).statusCode,
      303,
    );
    const after = await t.db.conn.db
      .selectFrom('thesaurus_term')
      .select(['code', 'label_en', 'active'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, { code: 'threats', label_en: 'Threats', active: 0 });
  });
});
