import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { searchBodies, searchTerritories } from '../../src/modules/directory/queries.js';
import { fold, queryTerms, searchKey } from '../../src/platform/text/search-key.js';
import { forEachDialect } from '../support/dialects.js';
import type { TestApp } from '../support/test-app.js';
import { buildSeededApp } from './support.js';

test('folding forgives look-alike letters, ё/е, Latin ö/ü and transliteration', () => {
  assert.equal(fold('Чоң-Кемин'), fold('Чон-Кемин'));
  assert.equal(fold('Көк-Жаңгак'), fold('Кок-Жангак'));
  assert.equal(fold('Түп'), fold('Туп'));
  assert.equal(fold('Жети-Өгүз'), fold('Jeti-Ögüz'));
  assert.equal(fold('Ёлка'), fold('Елка'));
  assert.equal(fold('Ысык-Көл'), fold('ysyk-kol'));
  assert.equal(fold('Иссык-Куль'), fold('issyk-kul'));
  assert.equal(fold('Джалал-Абад'), fold('Jalal-Abad'));
});

test('Russian adjective endings are cut to the stem', () => {
  assert.deepEqual(queryTerms('ошский'), ['osh']);
  assert.deepEqual(queryTerms('кеминский'), queryTerms('кемин'));
  assert.ok(searchKey(['Прокуратура Ошской области']).includes(' osh '));
  assert.ok(searchKey(['Государственная администрация Кеминского района']).includes(' kemin '));
});

forEachDialect('directory search', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildSeededApp(dialect);
  });
  after(async () => t.close());

  const territoryNames = async (q: string) => (await searchTerritories(t.db.conn.db, { q })).map((x) => x.name_ky);
  const bodyCodes = async (q: string) => (await searchBodies(t.db.conn.db, { q, limit: 500 })).map((b) => b.code);

  test('"bishkek" finds «Бишкек»', async () => {
    const found = await searchTerritories(t.db.conn.db, { q: 'bishkek' });
    assert.equal(found[0]?.code, '41711000000000');
  });

  test('"ysyk-kol" and "issyk-kul" find «Ысык-Көл» (the oblast and the rayon)', async () => {
    for (const q of ['ysyk-kol', 'issyk-kul', 'Ысык-Көл', 'ысык-кол', 'Иссык-Куль', 'Issyk Kul']) {
      const codes = (await searchTerritories(t.db.conn.db, { q })).map((x) => x.code);
      assert.ok(codes.includes('41702000000000'), `${q} should find the oblast, got ${codes.join(',')}`);
      assert.ok(codes.includes('41702215000000'), `${q} should find the rayon`);
    }
  });

  test('"ошский" finds the Osh bodies', async () => {
    const codes = await bodyCodes('ошский');
    for (const c of [
      'prosecutor.41706000000000',
      'plenipotentiary.41706000000000',
      'city-hall.41721000000000',
      'prosecutor.41721000000000',
    ])
      assert.ok(codes.includes(c), `missing ${c}`);
    assert.ok(!codes.includes('prosecutor.41708000000000'), 'Chui is not Osh');
  });

  test('«кемин» and «кеминский» both find Kemin', async () => {
    for (const q of ['кемин', 'кеминский', 'Кеминского', 'kemin']) {
      const codes = await bodyCodes(q);
      for (const c of ['admin.41708213000000', 'prosecutor.41708213000000', 'aiyl-okmotu.41708213842000'])
        assert.ok(codes.includes(c), `${q}: missing ${c}`);
    }
    assert.ok((await territoryNames('кеминский')).includes('Кемин'));
  });

  test('н/ң, о/ө, у/ү and Latin ö/ü are interchangeable', async () => {
    for (const q of ['Чоң-Кемин', 'Чон-Кемин', 'chon-kemin', 'Chön-Kemin'])
      assert.deepEqual(await territoryNames(q), ['Чоң-Кемин'], q);
    for (const q of ['Жети-Өгүз', 'Жети-Огуз', 'jeti-ögüz', 'Jeti-Oguz'])
      assert.ok((await territoryNames(q)).includes('Жети-Өгүз'), q);
  });

  test('several words must all match, and a body can be filtered by kind', async () => {
    const codes = (await searchBodies(t.db.conn.db, { q: 'прокуратура ошской', kind: 'prosecutor' })).map(
      (b) => b.code,
    );
    assert.deepEqual(codes.sort(), ['prosecutor.41706000000000', 'prosecutor.41721000000000']);
  });

  test('nothing odd matches gibberish, and SQL wildcards are inert', async () => {
    assert.deepEqual(await bodyCodes('zzqxw'), []);
    assert.deepEqual(
      await bodyCodes('%'),
      (await searchBodies(t.db.conn.db, { limit: 500 })).map((b) => b.code),
    );
    assert.deepEqual(await bodyCodes("_' or 1=1 --"), await bodyCodes('or 1 1'));
  });
});
