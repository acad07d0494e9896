/**
 * The directory in a real browser against the real server on a fresh database (seeded with the
 * shipped directory by `npm start`'s first start): browse oblast → rayon → aiyl aimak → body,
 * search, the map, and the administrator's directory page; every page scanned with axe-core,
 * the pages checked on a phone-sized screen, and search and browsing without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '../../src/platform/i18n/translate.js';
import {
  assertAccessible,
  browserDialects,
  browserSkipReason,
  hasHorizontalScroll,
  launchBrowser,
  Phone,
  screenshot,
  skipSuite,
  startServer,
  type RunningServer,
} from '../browser/support.js';

const en = translator('en');

async function follow(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page
      .getByRole('link', { name, exact: typeof name === 'string' })
      .first()
      .click(),
  ]);
}

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('directory in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`directory in the browser [${dialect}]`, skip);
      continue;
    }
    describe(`directory in the browser [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];

      before(async () => {
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
        context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
        page = await context.newPage();
        page.setDefaultTimeout(30_000);
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('browse from the navigation to an aiyl okmotu and up its escalation chain', async () => {
        await page.goto(`${server.url}/`);
        await follow(page, en('directory.nav'));
        assert.equal((await page.locator('h1').innerText()).trim(), en('directory.title'));
        await assertAccessible(page, 'the directory page');
        await follow(page, 'Chui');
        await assertAccessible(page, 'an oblast page with its rayon map');
        await follow(page, 'Kemin');
        await follow(page, /^Chon-Kemin$/);
        await assertAccessible(page, 'an aiyl aimak page');
        await follow(page, 'Chon-Kemin aiyl okmotu');
        assert.match(await page.locator('main').innerText(), new RegExp(en('directory.contact_unknown')));
        await assertAccessible(page, 'a body page');
        await screenshot(page, `${dialect}-directory-body`);
        await follow(page, 'Cabinet of Ministers of the Kyrgyz Republic');
        assert.match(await page.locator('main').innerText(), new RegExp(en('directory.escalation_top')));
        assert.deepEqual(problems, [], server.output());
      });

      test('search forgives transliteration and adjective endings', async () => {
        await page.goto(`${server.url}/directory`);
        await page.getByLabel(en('directory.search_label')).fill('ошский');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: en('common.search'), exact: true }).click(),
        ]);
        await page.getByRole('link', { name: "Prosecutor's Office of Osh Oblast" }).waitFor();
        await assertAccessible(page, 'the search results');
        await page.getByLabel(en('directory.search_label')).fill('ysyk-kol');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: en('common.search'), exact: true }).click(),
        ]);
        await page.getByRole('link', { name: 'Issyk-Kul', exact: true }).first().waitFor();
      });

      test('the map: regions are links, with a table alternative', async () => {
        await page.goto(`${server.url}/directory/map`);
        await assertAccessible(page, 'the map page');
        await screenshot(page, `${dialect}-directory-map`);
        assert.equal(await page.locator('svg[data-layer="oblast"] a').count(), 9);
        assert.equal(await page.locator('svg[data-layer="rayon"] a').count(), 53);
        await Promise.all([page.waitForNavigation(), page.locator('svg[data-layer="oblast"] a').first().click()]);
        assert.match(page.url(), /\/directory\/territories\/\d+$/);
      });

      test('on a phone the directory pages need no horizontal scrolling', async () => {
        const mobile = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        try {
          const p = await mobile.newPage();
          for (const url of ['/directory', '/directory/map', '/directory/search?q=kemin']) {
            await p.goto(`${server.url}${url}`);
            assert.equal(await hasHorizontalScroll(p), false, `${url} scrolls sideways`);
          }
          await screenshot(p, `${dialect}-directory-phone-search`);
        } finally {
          await mobile.close();
        }
      });

      test('search and browsing work without JavaScript', async () => {
        const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
        try {
          const p = await noJs.newPage();
          p.setDefaultTimeout(20_000);
          await p.goto(`${server.url}/directory`);
          await p.getByLabel(en('directory.search_label')).fill('кеминский');
          await Promise.all([
            p.waitForNavigation(),
            p.getByRole('button', { name: en('common.search'), exact: true }).click(),
          ]);
          await follow(p, 'Kemin District State Administration');
          assert.match(await p.locator('h1').innerText(), /Kemin District State Administration/);
        } finally {
          await noJs.close();
        }
      });

      test('the administrator reaches the directory administration, which is accessible', async () => {
        const admin = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
        try {
          const p = await admin.newPage();
          await p.goto(`${server.url}/login`);
          await p.getByLabel(en('accounts.email')).fill(server.adminEmail);
          await p.getByLabel(en('accounts.password'), { exact: true }).fill(server.adminPassword);
          await Promise.all([
            p.waitForNavigation(),
            p.getByRole('button', { name: en('accounts.login_submit'), exact: true }).click(),
          ]);
          const secret = (await p.locator('code.secret').innerText()).replace(/\s+/g, '');
          await p.getByLabel(en('accounts.totp_code')).fill(await new Phone(secret).nextCode());
          await Promise.all([
            p.waitForNavigation(),
            p.getByRole('button', { name: en('accounts.totp_submit'), exact: true }).click(),
          ]);
          await p.goto(`${server.url}/admin/directory`);
          assert.equal((await p.locator('h1').innerText()).trim(), en('directory.admin.title'));
          await assertAccessible(p, 'the directory administration');
          await Promise.all([
            p.waitForNavigation(),
            p.getByRole('link', { name: en('directory.admin.new_body') }).click(),
          ]);
          await assertAccessible(p, 'the new body form');
          await screenshot(p, `${dialect}-directory-admin-new-body`);
        } finally {
          await admin.close();
        }
      });
    });
  }
}
