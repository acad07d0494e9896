import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findBodyByCode, findTerritoryByCode } from '../../src/modules/directory/queries.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import type { TestApp } from '../support/test-app.js';
import { buildSeededApp } from './support.js';

forEachDialect('directory pages and API', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildSeededApp(dialect);
  });
  after(async () => t.close());

  const svgOf = (html: string, layer: string) => {
    const m = new RegExp(`<svg[^>]*data-layer="${layer}"[^>]*>([\\s\\S]*?)</svg>`).exec(html);
    assert.ok(m, `no ${layer} map`);
    return m[1]!;
  };

  test('the map has 9 oblast paths and 53 rayon paths, each a link to its page with a title', async () => {
    const res = await new Agent(t.app, { 'accept-language': 'en' }).get('/directory/map');
    assert.equal(res.statusCode, 200);
    for (const [layer, count] of [
      ['oblast', 9],
      ['rayon', 53],
    ] as const) {
      const svg = svgOf(res.body, layer);
      const links = [
        ...svg.matchAll(
          /<a href="(\/directory\/territories\/\d+)"><title[^>]*>([^<]+)<\/title><path d="M[^"]+"[^>]*>(?:<\/path>)?<\/a>/g,
        ),
      ];
      assert.equal(links.length, count, `${layer} links`);
      assert.equal((svg.match(/<path /g) ?? []).length, count);
      for (const [, href] of links.slice(0, 5)) assert.equal((await t.app.inject({ url: href! })).statusCode, 200);
    }
    assert.match(res.body, /<title[^>]*>Issyk-Kul Oblast|<title[^>]*>Иссык-Кульская область|<title[^>]*>Issyk-Kul</);
    // The accessible alternative: a table with the same links.
    assert.equal((res.body.match(/<th scope="row"><a href="\/directory\/territories\/\d+"/g) ?? []).length, 62);
    assert.doesNotMatch(res.body, /https?:\/\/(?!www\.w3\.org)/, 'no external tiles or resources');
  });

  test('browse oblast → rayon → aiyl aimak and see the bodies seated there', async () => {
    const agent = new Agent(t.app, { 'accept-language': 'ru' });
    const home = await agent.get('/directory');
    assert.equal(home.statusCode, 200);
    const chui = await findTerritoryByCode(t.db.conn.db, '41708000000000');
    assert.match(home.body, new RegExp(`href="/directory/territories/${chui!.id}">Чуйская область`));
    const oblast = await agent.get(`/directory/territories/${chui!.id}`);
    assert.match(oblast.body, /Кеминский район/);
    assert.match(oblast.body, /Прокуратура Чуйской области/);
    assert.match(oblast.body, /data-layer="rayon"/, 'an oblast page shows its rayons on a map');
    const kemin = await findTerritoryByCode(t.db.conn.db, '41708213000000');
    const rayon = await agent.get(`/directory/territories/${kemin!.id}`);
    assert.match(rayon.body, /Государственная администрация Кеминского района/);
    const chon = await findTerritoryByCode(t.db.conn.db, '41708213842000');
    assert.match(rayon.body, new RegExp(`href="/directory/territories/${chon!.id}"`));
    const aimak = await agent.get(`/directory/territories/${chon!.id}`);
    assert.equal(aimak.statusCode, 200);
    // No Russian name in the data: the Kyrgyz name is shown, marked as a fallback.
    assert.match(
      aimak.body,
      /<span lang="ky">Чоң-Кемин<\/span> <abbr class="muted fallback" title="Перевода на этот язык нет; показано на языке: Кыргызча.">\(ky\)<\/abbr>/,
    );
    assert.match(aimak.body, /Чоң-Кемин айыл өкмөтү/);
  });

  test('a body page shows kind, territory, "contact unknown" and the escalation chain up to the Cabinet', async () => {
    const okmotu = await findBodyByCode(t.db.conn.db, 'aiyl-okmotu.41708213842000');
    const res = await new Agent(t.app, { 'accept-language': 'en' }).get(`/directory/bodies/${okmotu!.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Chon-Kemin aiyl okmotu/);
    assert.match(res.body, /Contact unknown/);
    const chain = /<ol class="escalation-chain">([\s\S]*?)<\/ol>/.exec(res.body)![1]!;
    const names = [...chain.matchAll(/<a href="\/directory\/bodies\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(names, [
      'Kemin District State Administration',
      'Office of the Plenipotentiary Representative of the President of the Kyrgyz Republic in Chui Oblast',
      'Cabinet of Ministers of the Kyrgyz Republic',
    ]);
  });

  test('the search page finds territories and bodies in any script', async () => {
    const res = await new Agent(t.app, { 'accept-language': 'ky' }).get(
      '/directory/search?q=' + encodeURIComponent('ошский'),
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Ош облусунун прокуратурасы/);
    const latin = await new Agent(t.app).get('/directory/search?q=bishkek');
    assert.match(latin.body, /id="territory-results"[\s\S]*Бишкек/);
    const none = await new Agent(t.app, { 'accept-language': 'en' }).get('/directory/search?q=zzqxw');
    assert.match(none.body, /Nothing found/);
    assert.ok([400, 422].includes((await new Agent(t.app).get('/directory/search?q=a&kind=spaceship')).statusCode));
  });

  test('unknown ids answer 404, malformed ids 400/404, never 500', async () => {
    assert.equal((await t.app.inject({ url: '/directory/bodies/999999' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/directory/territories/999999' })).statusCode, 404);
    assert.ok([400, 404, 422].includes((await t.app.inject({ url: '/directory/bodies/abc' })).statusCode));
    assert.equal((await t.app.inject({ url: '/api/v1/bodies/999999' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/api/v1/bodies/abc' })).statusCode, 400);
  });

  test('GET /api/v1/territories lists and filters the territories', async () => {
    const res = await t.app.inject({ url: '/api/v1/territories?level=oblast' });
    assert.equal(res.statusCode, 200);
    const { territories } = res.json() as { territories: Array<{ code: string; name: { ru: string } }> };
    assert.equal(territories.length, 7);
    assert.ok(territories.some((x) => x.name.ru === 'Иссык-Кульская область'));
    const kemin = await findTerritoryByCode(t.db.conn.db, '41708213000000');
    const inside = (await t.app.inject({ url: `/api/v1/territories?parent=${kemin!.id}` })).json() as {
      territories: unknown[];
    };
    assert.ok(inside.territories.length > 5);
    const q = (await t.app.inject({ url: '/api/v1/territories?q=issyk-kul&level=oblast' })).json() as {
      territories: Array<{ code: string }>;
    };
    assert.deepEqual(
      q.territories.map((x) => x.code),
      ['41702000000000'],
    );
    assert.equal((await t.app.inject({ url: '/api/v1/territories?level=planet' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/api/v1/territories?nope=1' })).statusCode, 400);
  });

  test('GET /api/v1/bodies searches by name, kind and territory (including units inside it)', async () => {
    const chui = await findTerritoryByCode(t.db.conn.db, '41708000000000');
    const res = await t.app.inject({
      url: `/api/v1/bodies?q=${encodeURIComponent('кеминский')}&kind=rayon_administration&territory=${chui!.id}`,
    });
    assert.equal(res.statusCode, 200);
    const { bodies } = res.json() as { bodies: Array<{ code: string; contactUnknown: boolean; emails: string[] }> };
    assert.deepEqual(
      bodies.map((b) => b.code),
      ['admin.41708213000000'],
    );
    assert.equal(bodies[0]!.contactUnknown, true);
    assert.deepEqual(bodies[0]!.emails, []);
    const all = (
      await t.app.inject({ url: `/api/v1/bodies?territory=${chui!.id}&kind=aiyl_okmotu&limit=500` })
    ).json() as { bodies: unknown[] };
    assert.ok(all.bodies.length > 50);
    assert.equal((await t.app.inject({ url: '/api/v1/bodies?kind=spaceship' })).statusCode, 400);
  });

  test('GET /api/v1/bodies/{id} returns the body and its supervisor chain', async () => {
    const rayonProsecutor = await findBodyByCode(t.db.conn.db, 'prosecutor.41708213000000');
    const res = await t.app.inject({ url: `/api/v1/bodies/${rayonProsecutor!.id}` });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { code: string; kind: string; supervisorChain: Array<{ code: string }> };
    assert.equal(body.kind, 'prosecutor');
    assert.deepEqual(
      body.supervisorChain.map((c) => c.code),
      ['prosecutor.41708000000000', 'gp'],
    );
  });

  test('the three directory endpoints are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/v1/territories', '/api/v1/bodies', '/api/v1/bodies/{id}'])
      assert.ok(doc.paths[p], `${p} missing`);
  });

  test('the main navigation links to the directory', async () => {
    const res = await new Agent(t.app, { 'accept-language': 'en' }).get('/');
    assert.match(res.body, /<nav[^>]*>[\s\S]*href="\/directory"[\s\S]*<\/nav>/);
  });
});
