import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { formatReport } from '../../src/modules/directory/report-text.js';
import { importDirectory, type ImportReport } from '../../src/modules/directory/commands/import-directory.js';
import { BODY_COLUMNS, type DirectoryFile } from '../../src/modules/directory/csv.js';
import { findBodyByCode, findTerritoryByCode } from '../../src/modules/directory/queries.js';
import { translator } from '../../src/platform/i18n/translate.js';
import { forEachDialect } from '../support/dialects.js';
import type { TestApp } from '../support/test-app.js';
import { buildSeededApp, csvOf } from './support.js';

const body = (over: Record<string, string>) => ({
  kind: 'other',
  name_en: 'Test body',
  territory_code: '41711000000000',
  contact_unknown: '1',
  ...over,
});

forEachDialect('directory CSV import: bad input', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildSeededApp(dialect);
  });
  after(async () => t.close());

  async function run(file: DirectoryFile, data: string | Buffer, dryRun = false): Promise<ImportReport> {
    return t.db.conn.db.transaction().execute((trx) =>
      importDirectory({
        trx,
        file,
        data: typeof data === 'string' ? Buffer.from(data) : data,
        actor: 'test',
        now: t.clock.now,
        dryRun,
      }),
    );
  }
  async function counts() {
    const db = t.db.conn.db;
    const n = async (table: 'body' | 'territory' | 'directory_change') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { bodies: await n('body'), territories: await n('territory'), changes: await n('directory_change') };
  }
  /** Runs an import that must be refused, checks nothing changed, returns the problems. */
  async function refused(file: DirectoryFile, data: string | Buffer) {
    const before = await counts();
    const report = await run(file, data);
    assert.equal(report.written, false);
    assert.ok(report.problems.length > 0, 'expected problems');
    assert.deepEqual(await counts(), before, 'nothing may be written');
    return report.problems.map((p) => ({ row: p.row, column: p.column, message: p.message, params: p.params }));
  }

  test('a wrong header is refused, naming the missing and unknown columns', async () => {
    const text = csvOf('bodies', [body({ code: 'x.one' })]).replace('supervisor_code', 'supervisor');
    const problems = await refused('bodies', text);
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.message]),
      [
        [1, 'supervisor', 'directory.csv.header_unknown'],
        [1, 'supervisor_code', 'directory.csv.header_missing'],
      ],
    );
    // A territories file given as bodies is refused the same way.
    assert.ok(
      (
        await refused('bodies', csvOf('territories', [{ code: '41799999999999', level: 'oblast', name_en: 'X' }]))
      ).every((p) => p.row === 1),
    );
  });

  test('a duplicate code is refused, naming both rows', async () => {
    const problems = await refused(
      'bodies',
      csvOf('bodies', [body({ code: 'x.dup' }), body({ code: 'x.other' }), body({ code: 'x.dup' })]),
    );
    assert.deepEqual(problems, [
      { row: 4, column: 'code', message: 'directory.csv.duplicate_code', params: { code: 'x.dup', row: 2 } },
    ]);
  });

  test('a parent that does not exist is refused', async () => {
    const problems = await refused(
      'territories',
      csvOf('territories', [
        { code: '41708213999000', level: 'aiyl_aimak', name_ky: 'Жаңы', parent_code: '41708299000000' },
      ]),
    );
    assert.deepEqual(problems, [
      { row: 2, column: 'parent_code', message: 'directory.csv.unknown_territory', params: { code: '41708299000000' } },
    ]);
    const level = await refused(
      'territories',
      csvOf('territories', [
        { code: '41708213999000', level: 'aiyl_aimak', name_ky: 'Жаңы', parent_code: '41708000000000' },
      ]),
    );
    assert.equal(level[0]!.message, 'directory.csv.parent_level');
  });

  test('a cycle in supervision is refused, within the file and through stored bodies', async () => {
    const inFile = await refused(
      'bodies',
      csvOf('bodies', [body({ code: 'x.a', supervisor_code: 'x.b' }), body({ code: 'x.b', supervisor_code: 'x.a' })]),
    );
    assert.deepEqual(
      inFile.map((p) => [p.row, p.column, p.message, p.params?.chain]),
      [
        [2, 'supervisor_code', 'directory.csv.supervision_cycle', 'x.a → x.b → x.a'],
        [3, 'supervisor_code', 'directory.csv.supervision_cycle', 'x.b → x.a → x.b'],
      ],
    );
    // The Cabinet put under the Ministry of Internal Affairs, which the Cabinet supervises.
    const cabinet = {
      code: 'cabinet',
      kind: 'cabinet',
      name_en: 'Cabinet',
      territory_code: '41711000000000',
      supervisor_code: 'mvd',
      contact_unknown: '1',
    };
    const stored = await refused('bodies', csvOf('bodies', [cabinet]));
    assert.deepEqual(
      stored.map((p) => p.params?.chain),
      ['cabinet → mvd → cabinet'],
    );
    const self = await refused('bodies', csvOf('bodies', [body({ code: 'x.self', supervisor_code: 'x.self' })]));
    assert.deepEqual(
      self.map((p) => p.message),
      ['directory.csv.self_reference'],
    );
  });

  test('a malformed e-mail is refused, naming the address', async () => {
    const problems = await refused(
      'bodies',
      csvOf('bodies', [body({ code: 'x.mail', emails: 'office@gov.kg; not-an-address', contact_unknown: '0' })]),
    );
    assert.deepEqual(problems, [
      { row: 2, column: 'emails', message: 'directory.csv.email', params: { value: 'not-an-address' } },
    ]);
  });

  test('a broken encoding (Windows-1251 saved by a spreadsheet) is refused, naming the rows', async () => {
    const good = Buffer.from(csvOf('bodies', [body({ code: 'x.enc1', name_en: 'Fine' })]));
    // «Бишкек» in Windows-1251: not valid UTF-8.
    const cp1251 = Buffer.concat([
      good,
      Buffer.from('x.enc2,other,,'),
      Buffer.from([0xc1, 0xe8, 0xf8, 0xea, 0xe5, 0xea]),
      Buffer.from(',,,41711000000000,,,,,,1,,\n'),
    ]);
    const problems = await refused('bodies', cp1251);
    assert.deepEqual(problems, [{ row: 3, column: '', message: 'directory.csv.encoding', params: undefined }]);
  });

  test('other bad cells are each reported by row and column, and nothing is written', async () => {
    const problems = await refused(
      'bodies',
      csvOf('bodies', [
        body({ code: 'x.ok' }),
        body({ code: 'Bad Code', kind: 'spaceship' }),
        body({
          code: 'x.t',
          territory_code: '41799999999999',
          website: 'javascript:alert(1)',
          phone: 'call me',
          active_from: '2026-02-30',
        }),
        body({
          code: 'x.n',
          name_en: '',
          institution_type: 'sizo',
          contact_unknown: 'yes',
          active_from: '2026-05-01',
          active_to: '2026-01-01',
        }),
      ]),
    );
    assert.deepEqual(
      problems.map((p) => `${p.row}:${p.column}:${p.message}`),
      [
        '3:code:directory.csv.body_code',
        '3:kind:directory.csv.choice',
        '4:active_from:directory.csv.date',
        '4:phone:directory.csv.phone',
        '4:territory_code:directory.csv.unknown_territory',
        '4:website:directory.csv.website',
        '5:active_to:directory.csv.date_order',
        '5:contact_unknown:directory.csv.flag',
        '5:institution_type:directory.csv.institution_type_only',
        '5:name_ky:directory.csv.name_required',
      ],
    );
  });

  test('the report reads well in the user language', async () => {
    const report = await run('bodies', csvOf('bodies', [body({ code: 'x.mail', emails: 'bad@' })]));
    assert.deepEqual(formatReport(report, translator('ru')), [
      'Ничего не загружено: найдена 1 ошибка. Исправьте её и загрузите файл снова.',
      '  Строка 2, Столбец emails: «bad@» — неверный адрес электронной почты.',
    ]);
    assert.match(
      formatReport(report, translator('ky'))[1]!,
      /Сап 2, Мамыча emails: «bad@» — туура электрондук почта дареги эмес/,
    );
  });

  test('unclosed quotes, ragged rows and empty files are refused', async () => {
    assert.equal(
      (await refused('bodies', `${BODY_COLUMNS.join(',')}\n"x.q,other\n`))[0]!.message,
      'directory.csv.quote',
    );
    assert.deepEqual(
      (await refused('bodies', `${BODY_COLUMNS.join(',')}\nx.r,other\n`)).map((p) => [p.row, p.message]),
      [[2, 'directory.csv.field_count']],
    );
    assert.equal((await refused('bodies', ''))[0]!.message, 'directory.csv.empty');
  });

  test('a dry run reports what would change and writes nothing', async () => {
    const before = await counts();
    const report = await run('bodies', csvOf('bodies', [body({ code: 'x.dry' })]), true);
    assert.deepEqual([report.created, report.updated, report.unchanged, report.written], [1, 0, 0, false]);
    assert.deepEqual(await counts(), before);
  });

  test('an import creates and updates by code, records the history, and a repeat changes nothing', async () => {
    const rows = [
      body({
        code: 'sizo-1',
        kind: 'closed_institution',
        institution_type: 'sizo',
        name_ru: 'СИЗО-1',
        name_en: 'SIZO No. 1',
        supervisor_code: 'sin',
        emails: 'sizo1@example.kg',
        contact_unknown: '0',
      }),
      {
        code: 'mvd',
        kind: 'ministry',
        name_ky: 'Кыргыз Республикасынын Ички иштер министрлиги',
        name_ru: 'Министерство внутренних дел Кыргызской Республики',
        name_en: 'Ministry of Internal Affairs',
        territory_code: '41711000000000',
        supervisor_code: 'cabinet',
        contact_unknown: '1',
      },
    ];
    const first = await run('bodies', csvOf('bodies', rows));
    assert.deepEqual([first.created, first.updated, first.unchanged], [1, 1, 0]);
    const mvd = await findBodyByCode(t.db.conn.db, 'mvd');
    assert.equal(mvd!.name_en, 'Ministry of Internal Affairs');
    const change = await t.db.conn.db
      .selectFrom('directory_change')
      .selectAll()
      .where('object_type', '=', 'body')
      .where('object_id', '=', mvd!.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(change.action, 'import_update');
    assert.equal(change.actor, 'test');
    assert.deepEqual(JSON.parse(change.changes), {
      name_en: ['Ministry of Internal Affairs of the Kyrgyz Republic', 'Ministry of Internal Affairs'],
    });
    const again = await run('bodies', csvOf('bodies', rows));
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 2]);
  });

  test('a territory can end and point to its successor, which may come later in the file', async () => {
    const report = await run(
      'territories',
      csvOf('territories', [
        {
          code: '41708213842000',
          level: 'aiyl_aimak',
          name_ky: 'Чоң-Кемин',
          name_en: 'Chon-Kemin',
          parent_code: '41708213000000',
          valid_to: '2025-01-01',
          successor_code: '41708213899000',
        },
        {
          code: '41708213899000',
          level: 'aiyl_aimak',
          name_ky: 'Жаңы Кемин',
          parent_code: '41708213000000',
          valid_from: '2025-01-01',
        },
      ]),
    );
    assert.deepEqual(report.problems, []);
    const old = await findTerritoryByCode(t.db.conn.db, '41708213842000');
    const successor = await findTerritoryByCode(t.db.conn.db, '41708213899000');
    assert.equal(old!.successor_id, successor!.id);
    assert.equal(old!.valid_to, '2025-01-01');
    const missingEnd = await refused(
      'territories',
      csvOf('territories', [
        {
          code: '41708213899001',
          level: 'aiyl_aimak',
          name_ky: 'Х',
          parent_code: '41708213000000',
          successor_code: '41708213899000',
        },
      ]),
    );
    assert.deepEqual(
      missingEnd.map((p) => p.message),
      ['directory.csv.successor_needs_end'],
    );
  });
});
