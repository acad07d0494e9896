import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { exportDirectory } from '../../src/modules/directory/commands/export-directory.js';
import { importDirectory } from '../../src/modules/directory/commands/import-directory.js';
import { forEachDialect } from '../support/dialects.js';
import type { TestApp } from '../support/test-app.js';
import { shippedCsv } from './support.js';
import { buildTestApp } from '../support/test-app.js';
import { directorySeed, seedDirectory } from '../../src/modules/directory/seed.js';
import { seedSteps } from '../../src/seed/seed.js';
import type { Runtime } from '../../src/bootstrap.js';
import fs from 'node:fs';
import path from 'node:path';
import { loadBoundaries } from '../../src/modules/directory/boundaries.js';

forEachDialect('directory seed and CSV', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
    // How long the seed takes is a benchmark's question (npm run bench), not a unit test's.
    await t.db.conn.db.transaction().execute((trx) => seedDirectory(trx, t.clock.now));
  });
  after(async () => t.close());

  test('the seed has 7 oblasts, 2 cities of republican significance and 40 rayons', async () => {
    const db = t.db.conn.db;
    const rows = await db
      .selectFrom('territory')
      .select(['level', sql<number>`count(*)`.as('n')])
      .groupBy('level')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
    assert.equal(by.oblast, 7);
    assert.equal(by.city_republican, 2);
    assert.equal(by.rayon, 40);
    assert.equal(by.aiyl_aimak, 436);
  });

  test('every aiyl aimak in the shipped list has its aiyl okmotu, supervised by the rayon administration', async () => {
    const db = t.db.conn.db;
    const missing = await db
      .selectFrom('territory')
      .leftJoin('body', (j) => j.onRef('body.territory_id', '=', 'territory.id').on('body.kind', '=', 'aiyl_okmotu'))
      .select(['territory.code'])
      .where('territory.level', '=', 'aiyl_aimak')
      .where('body.id', 'is', null)
      .execute();
    assert.deepEqual(missing, []);
    const okmotu = await db
      .selectFrom('body as b')
      .innerJoin('body as s', 's.id', 'b.supervisor_id')
      .select(['s.kind'])
      .where('b.kind', '=', 'aiyl_okmotu')
      .execute();
    assert.equal(okmotu.length, 436);
    assert.ok(okmotu.every((r) => r.kind === 'rayon_administration'));
  });

  test('the boundaries of 9 oblasts and cities and 53 rayons and towns are loaded', async () => {
    const db = t.db.conn.db;
    const rows = await db.selectFrom('territory').select(['level']).where('boundary', 'is not', null).execute();
    assert.equal(rows.filter((r) => r.level === 'oblast' || r.level === 'city_republican').length, 9);
    assert.equal(rows.filter((r) => r.level === 'rayon' || r.level === 'city').length, 53);
  });

  test('exporting the seeded directory gives back the shipped files byte for byte', async () => {
    for (const file of ['territories', 'bodies'] as const) {
      const { csv } = await exportDirectory(t.db.conn.db, file);
      assert.equal(csv, shippedCsv(file), `${file}.csv differs`);
    }
  });

  test('export → import changes nothing (idempotent upsert by code)', async () => {
    const db = t.db.conn.db;
    const historyBefore = await db
      .selectFrom('directory_change')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    for (const file of ['territories', 'bodies'] as const) {
      const { csv, rows } = await exportDirectory(db, file);
      const report = await db
        .transaction()
        .execute((trx) => importDirectory({ trx, file, data: Buffer.from(csv), actor: 'test', now: t.clock.now }));
      assert.deepEqual(report.problems, []);
      assert.equal(report.rows, rows);
      assert.equal(report.unchanged, rows);
      assert.equal(report.created + report.updated, 0);
      assert.equal((await exportDirectory(db, file)).csv, csv);
    }
    const historyAfter = await db
      .selectFrom('directory_change')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(historyAfter.n), Number(historyBefore.n));
  });
});

forEachDialect('directory seed step', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('the registered seed step fills a new database once, and leaves a filled one alone', async () => {
    assert.ok(
      seedSteps().includes(directorySeed),
      'declared in the directory manifest (src/modules/directory/index.ts)',
    );
    const runtime = { conn: t.db.conn } as unknown as Runtime;
    await directorySeed({ runtime, demo: false, now: t.clock.now });
    const count = async () =>
      Number(
        (
          await t.db.conn.db
            .selectFrom('body')
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count(), 582);
    await directorySeed({ runtime, demo: false, now: t.clock.now });
    assert.equal(await count(), 582);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select(['actor', 'action'])
      .where('action', 'like', 'directory.%')
      .execute();
    assert.deepEqual(audit, [
      { actor: 'system', action: 'directory.import' },
      { actor: 'system', action: 'directory.import' },
      { actor: 'system', action: 'directory.boundaries' },
    ]);
  });

  test('new boundaries replace the shapes of the territories with the same codes; others are skipped', async () => {
    const file = path.join(t.dir, 'new.geojson');
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [75, 42],
          [76, 42],
          [76, 43],
          [75, 42],
        ],
      ],
    };
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { id: '41708213000000' }, geometry: square },
          { type: 'Feature', properties: { id: 'KG08213000000' }, geometry: { type: 'Point', coordinates: [1, 2] } },
          { type: 'Feature', properties: { id: '41799999999999' }, geometry: square },
          { type: 'Feature', properties: {}, geometry: square },
        ],
      }),
    );
    const matched = await t.db.conn.db.transaction().execute((trx) => loadBoundaries(trx, t.clock.now, [file]));
    assert.equal(matched, 1);
    const kemin = await t.db.conn.db
      .selectFrom('territory')
      .select('boundary')
      .where('code', '=', '41708213000000')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(kemin.boundary!), square);
  });
});
