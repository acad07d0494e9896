import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findBodyByCode, findTerritoryByCode } from '../../src/modules/directory/queries.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { buildSeededApp, csvOf, shippedCsv } from './support.js';

/** Posts the upload page's multipart form as the agent (CSRF token in the query unless csrf: false). */
async function upload(
  agent: Agent,
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string } | null,
  opts: { csrf?: boolean } = {},
) {
  return agent.postMultipart(
    '/admin/directory/import',
    fields,
    file ? [{ field: 'csv', filename: file.name, content: file.content, type: 'text/csv' }] : [],
    opts,
  );
}

forEachDialect('directory administration', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  before(async () => {
    t = await buildSeededApp(dialect);
    admin = await signIn(t, await buildUser(t, { role: 'admin' }), new Agent(t.app, { 'accept-language': 'en' }));
  });
  after(async () => t.close());

  test('only administrators reach the admin pages, upload and download', async () => {
    const lawyer = await signIn(t, await buildUser(t, { role: 'lawyer' }));
    assert.equal((await lawyer.get('/admin/directory')).statusCode, 403);
    assert.equal((await lawyer.get('/admin/directory/export/bodies.csv')).statusCode, 403);
    assert.equal((await upload(lawyer, { file: 'bodies' }, { name: 'b.csv', content: 'x' })).statusCode, 403);
    const okmotu = await findBodyByCode(t.db.conn.db, 'aiyl-okmotu.41708213842000');
    assert.equal((await lawyer.post(`/admin/directory/bodies/${okmotu!.id}/deactivate`, {})).statusCode, 403);
    const anonymous = await new Agent(t.app).get('/admin/directory');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
    assert.equal((await admin.get('/admin/directory')).statusCode, 200);
  });

  test('the upload without a CSRF token is refused', async () => {
    assert.equal(
      (await upload(admin, { file: 'bodies' }, { name: 'b.csv', content: csvOf('bodies', []) }, { csrf: false }))
        .statusCode,
      403,
    );
  });

  test('a bad file uploaded on the admin page is refused with a table of rows, columns and reasons', async () => {
    const ru = new Agent(t.app, { 'accept-language': 'ru' });
    for (const [k, v] of admin.cookies) ru.cookies.set(k, v);
    const res = await upload(
      ru,
      { file: 'bodies' },
      {
        name: 'b.csv',
        content: csvOf('bodies', [
          { code: 'x.a', kind: 'other', name_en: 'A', supervisor_code: 'x.b' },
          { code: 'x.b', kind: 'other', name_en: 'B', supervisor_code: 'x.a', emails: 'nope' },
        ]),
      },
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Ничего не загружено: найдено 3 ошибки\. Исправьте их/);
    assert.match(
      res.body,
      /<td>3<\/td><td><code>emails<\/code><\/td><td>«nope» — неверный адрес электронной почты.<\/td>/,
    );
    assert.match(res.body, /<td>2<\/td><td><code>supervisor_code<\/code><\/td><td>Цикл подчинённости: x.a → x.b → x.a/);
    assert.equal(await findBodyByCode(t.db.conn.db, 'x.a'), undefined);
  });

  test('a good file is imported (dry run first), and the export downloads the directory as CSV', async () => {
    const file = csvOf('bodies', [
      {
        code: 'ivs.bishkek',
        kind: 'closed_institution',
        institution_type: 'ivs',
        name_ru: 'ИВС ГУВД г. Бишкек',
        territory_code: '41711000000000',
        supervisor_code: 'mvd',
        contact_unknown: '1',
      },
    ]);
    const dry = await upload(admin, { file: 'bodies', dry_run: '1' }, { name: 'b.csv', content: file });
    assert.equal(dry.statusCode, 200);
    assert.match(dry.body, /An import would create 1, change 0/);
    assert.equal(await findBodyByCode(t.db.conn.db, 'ivs.bishkek'), undefined);
    const res = await upload(admin, { file: 'bodies' }, { name: 'b.csv', content: file });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /1 row imported: 1 new/);
    const ivs = await findBodyByCode(t.db.conn.db, 'ivs.bishkek');
    assert.equal(ivs!.institution_type, 'ivs');
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(`/directory/bodies/${ivs!.id}`);
    assert.match(page.body, /Temporary detention facility \(IVS\)/);
    assert.match(page.body, /<span lang="ru">ИВС ГУВД г. Бишкек<\/span>/);

    const territories = await admin.get('/admin/directory/export/territories.csv');
    assert.equal(territories.statusCode, 200);
    assert.match(String(territories.headers['content-type']), /^text\/csv/);
    assert.match(String(territories.headers['content-disposition']), /attachment; filename="territories.csv"/);
    assert.equal(territories.body, shippedCsv('territories'));
    const bodies = await admin.get('/admin/directory/export/bodies.csv');
    assert.ok(bodies.body.startsWith(shippedCsv('bodies')));
    assert.ok(
      bodies.body.endsWith('ivs.bishkek,closed_institution,ivs,,ИВС ГУВД г. Бишкек,,41711000000000,mvd,,,,,1,,\n'),
    );
  });

  test('a file over 1 MB is refused with 413 and nothing is written', async () => {
    const big =
      csvOf('bodies', [{ code: 'x.big', kind: 'other', name_en: 'x'.repeat(200) }]) + '#'.repeat(1024 * 1024 + 10);
    assert.equal((await upload(admin, { file: 'bodies' }, { name: 'b.csv', content: big })).statusCode, 413);
    assert.equal(await findBodyByCode(t.db.conn.db, 'x.big'), undefined);
  });

  test('editing a body into a supervision cycle is refused with a clear message', async () => {
    const cabinet = await findBodyByCode(t.db.conn.db, 'cabinet');
    const form = await admin.get(`/admin/directory/bodies/${cabinet!.id}`);
    assert.equal(form.statusCode, 200);
    const values = {
      kind: 'cabinet',
      name_ky: cabinet!.name_ky!,
      name_ru: cabinet!.name_ru!,
      name_en: cabinet!.name_en!,
      territory_code: '41711000000000',
      supervisor_code: 'aiyl-okmotu.41708213842000',
      contact_unknown: '1',
    };
    const res = await admin.post(`/admin/directory/bodies/${cabinet!.id}`, values);
    assert.equal(res.statusCode, 422);
    assert.match(
      res.body,
      /Supervision cycle: cabinet → aiyl-okmotu.41708213842000 → admin.41708213000000 → plenipotentiary.41708000000000 → cabinet. The escalation chain would never end./,
    );
    assert.equal((await findBodyByCode(t.db.conn.db, 'cabinet'))!.supervisor_id, null);
  });

  test('an edit is saved with its history: who changed which field, when', async () => {
    const okmotu = await findBodyByCode(t.db.conn.db, 'aiyl-okmotu.41708213842000');
    const res = await admin.post(`/admin/directory/bodies/${okmotu!.id}`, {
      kind: 'aiyl_okmotu',
      name_ky: okmotu!.name_ky!,
      name_ru: 'Айыл окмоту Чон-Кеминского айыльного аймака',
      name_en: okmotu!.name_en!,
      territory_code: '41708213842000',
      supervisor_code: 'admin.41708213000000',
      emails: 'chon-kemin@example.kg',
      phone: '+996 3135 5-12-34',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/directory/bodies/${okmotu!.id}?done=saved`);
    const after = await findBodyByCode(t.db.conn.db, okmotu!.code);
    assert.equal(after!.name_ru, 'Айыл окмоту Чон-Кеминского айыльного аймака');
    assert.equal(after!.contact_unknown, 0);
    const page = await admin.get(String(res.headers.location));
    assert.match(page.body, /Saved\./);
    assert.match(page.body, /<code>name_ru<\/code>: — → Айыл окмоту Чон-Кеминского айыльного аймака/);
    assert.match(page.body, /<code>emails<\/code>: — → chon-kemin@example.kg/);
    assert.match(page.body, /user:\d+/);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'directory.body.update')
      .execute();
    assert.ok(audit.some((a) => a.object_id === String(okmotu!.id)));
    // The public page now shows the contacts and the Russian name.
    const pub = await new Agent(t.app, { 'accept-language': 'ru' }).get(`/directory/bodies/${okmotu!.id}`);
    assert.match(pub.body, /href="mailto:chon-kemin@example.kg"/);
    assert.doesNotMatch(pub.body, /Контакты неизвестны/);
    // A bad form is re-rendered with the input and a message per field.
    const bad = await admin.post(`/admin/directory/bodies/${okmotu!.id}`, {
      kind: 'aiyl_okmotu',
      name_ky: 'X',
      emails: 'broken',
      website: 'ftp://x',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /“broken” is not a valid e-mail address/);
    assert.match(bad.body, /value="broken"/);
  });

  test('an administrator creates a closed institution; a code in use is refused', async () => {
    const res = await admin.post('/admin/directory/bodies/new', {
      code: 'sizo.1',
      kind: 'closed_institution',
      institution_type: 'sizo',
      name_ru: 'СИЗО-1',
      territory_code: '41711000000000',
      supervisor_code: 'sin',
      contact_unknown: '1',
    });
    assert.equal(res.statusCode, 303);
    const sizo = await findBodyByCode(t.db.conn.db, 'sizo.1');
    assert.equal(sizo!.kind, 'closed_institution');
    const dup = await admin.post('/admin/directory/bodies/new', { code: 'sizo.1', kind: 'other', name_en: 'Other' });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /This code is already in use/);
  });

  test('merging a body closes it, points to the target, moves its subordinates, with history on all', async () => {
    const source = await findBodyByCode(t.db.conn.db, 'admin.41708213000000');
    const target = await findBodyByCode(t.db.conn.db, 'admin.41708217000000');
    assert.ok(source && target);
    const refused = await admin.post(`/admin/directory/bodies/${source.id}/merge`, { target: source.code, date: '' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /cannot be merged into itself/);
    const res = await admin.post(`/admin/directory/bodies/${source.id}/merge`, { target: target.code, date: '' });
    assert.equal(res.statusCode, 303);
    const after = await findBodyByCode(t.db.conn.db, source.code);
    assert.equal(after!.merged_into_id, target.id);
    assert.equal(after!.active_to, '2026-03-02');
    const moved = await findBodyByCode(t.db.conn.db, 'aiyl-okmotu.41708213842000');
    assert.equal(moved!.supervisor_id, target.id);
    const pub = await new Agent(t.app, { 'accept-language': 'en' }).get(`/directory/bodies/${source.id}`);
    assert.match(pub.body, /Inactive since/);
    assert.match(pub.body, new RegExp(`Merged into:.*href="/directory/bodies/${target.id}"`));
    const history = await admin.get(`/admin/directory/bodies/${moved!.id}`);
    assert.match(history.body, /moved to another record/);
  });

  test('deactivating and reactivating a body or a territory, with history', async () => {
    const prosecutor = await findBodyByCode(t.db.conn.db, 'prosecutor.41708213000000');
    assert.equal(
      (await admin.post(`/admin/directory/bodies/${prosecutor!.id}/deactivate`, { end_date: '2026-02-30' })).statusCode,
      422,
    );
    assert.equal(
      (await admin.post(`/admin/directory/bodies/${prosecutor!.id}/deactivate`, { end_date: '' })).statusCode,
      303,
    );
    assert.equal((await findBodyByCode(t.db.conn.db, prosecutor!.code))!.active_to, '2026-03-02');
    const again = await admin.post(`/admin/directory/bodies/${prosecutor!.id}/deactivate`, { end_date: '' });
    assert.equal(again.statusCode, 422);
    assert.equal((await admin.post(`/admin/directory/bodies/${prosecutor!.id}/reactivate`, {})).statusCode, 303);
    assert.equal((await findBodyByCode(t.db.conn.db, prosecutor!.code))!.active_to, null);
    const page = await admin.get(`/admin/directory/bodies/${prosecutor!.id}`);
    assert.match(page.body, /deactivated/);
    assert.match(page.body, /reactivated/);

    const aimak = await findTerritoryByCode(t.db.conn.db, '41708213804000');
    const into = await findTerritoryByCode(t.db.conn.db, '41708213842000');
    assert.ok(aimak && into);
    const merged = await admin.post(`/admin/directory/territories/${aimak.id}/merge`, {
      target: into.code,
      date: '2026-01-01',
    });
    assert.equal(merged.statusCode, 303);
    const ended = await findTerritoryByCode(t.db.conn.db, aimak.code);
    assert.equal(ended!.successor_id, into.id);
    assert.equal(ended!.valid_to, '2026-01-01');
    const pub = await new Agent(t.app, { 'accept-language': 'en' }).get(`/directory/territories/${aimak.id}`);
    assert.match(pub.body, /No longer exists since/);
    const wrongLevel = await admin.post(`/admin/directory/territories/${into.id}/merge`, {
      target: '41708000000000',
      date: '',
    });
    assert.equal(wrongLevel.statusCode, 422);
    assert.match(wrongLevel.body, /same level/);
  });
});
