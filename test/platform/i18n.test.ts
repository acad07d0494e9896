/**
 * Three interface languages (PRODUCT.md): the language is negotiated, switchable without JavaScript,
 * remembered for signed-in users; every page of the foundation renders in each language. The
 * catalogue itself (keys, translations, ICU syntax, plurals) is checked in i18n-catalogue.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LOCALES, type Locale } from '../../src/platform/i18n/locales.js';
import { translator } from '../../src/platform/i18n/translate.js';
import { totpCode } from '../../src/platform/auth/totp.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** Visible text only, so markup and asset names do not count. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ');
const UNTRANSLATED = /\b(app|layout|error|validation|common|lang|accounts|admin|home|role|status)\.[a-z_]+\b/;

forEachDialect('pages in three languages', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  function assertPage(
    res: { statusCode: number; body: string; headers: Record<string, unknown> },
    lang: Locale,
    what: string,
  ): void {
    assert.match(res.body, new RegExp(`^<!doctype html><html lang="${lang}">`), what);
    assert.equal(res.headers['content-language'], lang, what);
    assert.ok(res.body.includes(translator(lang)('layout.home')), `${what}: the menu is in ${lang}`);
    assert.ok(res.body.includes(translator(lang)('layout.footer')), `${what}: the footer is in ${lang}`);
    assert.doesNotMatch(textOf(res.body), UNTRANSLATED, `${what}: an untranslated message key is shown`);
  }

  test('Accept-Language chooses the page language; the cookie overrides it', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    assertPage(res, 'ru', '/');
    const cookie = await t.app.inject({
      url: '/',
      headers: { 'accept-language': 'ru', cookie: `${t.app.achyk.cookies.lang}=en` },
    });
    assertPage(cookie, 'en', '/ with cookie');
    assertPage(await t.app.inject({ url: '/' }), 'ky', '/ by default');
  });

  test('the switch (a POST form) sets the cookie and returns to the page; a signed-in choice is remembered', async () => {
    const user = await buildUser(t);
    const agent = await signIn(t, user, new Agent(t.app, { 'accept-language': 'ky' }));
    const res = await agent.post('/language', { lang: 'ru', next: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = res.cookies.find((c) => c.name === t.app.achyk.cookies.lang)!;
    assert.equal(cookie.value, 'ru');
    assert.ok(cookie.maxAge && cookie.maxAge > 300 * 24 * 3600, 'remembered for a year');
    assertPage(await agent.get('/account'), 'ru', '/account');
    const row = await t.db.conn.db
      .selectFrom('user')
      .select('locale')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.locale, 'ru');
    // On another device (no cookie, another Accept-Language) the profile's language applies.
    const other = await signIn(t, user, new Agent(t.app, { 'accept-language': 'en' }));
    assertPage(await other.get('/account'), 'ru', '/account on another device');
    // Anonymous visitors get the cookie only.
    const anon = new Agent(t.app);
    await anon.post('/language', { lang: 'en', next: '/login' });
    assertPage(await anon.get('/login'), 'en', '/login after switching');
  });

  for (const lang of LOCALES) {
    test(`every foundation page renders in ${lang}`, async () => {
      const headers = { 'accept-language': lang };
      const anon = new Agent(t.app, headers);
      const pages: [string, number][] = [
        ['/', 200],
        ['/login', 200],
        ['/register', 200],
        ['/password/forgot', 200],
        ['/password/reset?token=not-a-valid-token-at-all', 400],
        ['/register/confirm?token=not-a-valid-token-at-all', 400],
        ['/no/such/page', 404],
      ];
      for (const [url, status] of pages) {
        const res = await anon.get(url);
        assert.equal(res.statusCode, status, url);
        assertPage(res, lang, url);
      }
      // Half-way through a two-step sign-in.
      const admin = await buildUser(t, { role: 'admin' });
      const pending = new Agent(t.app, headers);
      await pending.post('/login', { email: admin.email, password: admin.password });
      assertPage(await pending.get('/login/totp'), lang, '/login/totp');
      const wrong = await pending.post('/login/totp', { code: '000000' });
      assert.equal(wrong.statusCode, 422);
      assertPage(wrong, lang, '/login/totp with an error');
      t.clock.advance(30_000);
      await pending.post('/login/totp', { code: totpCode(admin.totpSecret!, t.clock.now) });
      for (const url of ['/', '/account', '/account/totp/setup', '/reauth', '/admin', '/admin/audit']) {
        const res = await pending.get(url);
        assert.equal(res.statusCode, 200, url);
        assertPage(res, lang, url);
      }
      const refused = await pending.post('/account/password', {
        current_password: 'wrong password here',
        password: 'x',
      });
      assert.equal(refused.statusCode, 422);
      assertPage(refused, lang, '/account/password refused');
      const citizen = await signIn(t, await buildUser(t), new Agent(t.app, headers));
      const forbidden = await citizen.get('/admin');
      assert.equal(forbidden.statusCode, 403);
      assertPage(forbidden, lang, '/admin forbidden');
      assert.ok(forbidden.body.includes(translator(lang)('error.forbidden')));
    });
  }
});
