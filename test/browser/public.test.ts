/**
 * The public accountability pages in a real browser with JavaScript OFF, as a journalist without an
 * account would use them: the accountability home, a body's report card (period form, chart and its
 * table), the league table with filters, the choropleth map (each region a titled link) and search
 * with a transliterated query. Every page is scanned with axe-core (no serious or critical
 * violation) and checked on a phone-sized screen for horizontal scrolling.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assertAccessible,
  browserDialects,
  browserSkipReason,
  hasHorizontalScroll,
  launchBrowser,
  screenshot,
  skipSuite,
  startServer,
  type RunningServer,
} from './support.js';

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('public accountability pages in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`public accountability pages in the browser [${dialect}]`, skip);
      continue;
    }
    describe(`public accountability pages in the browser [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];
      /** pages visited without JavaScript, scanned with axe-core afterwards (axe needs scripts) */
      const scanned: string[] = [];

      before(async () => {
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
        // No JavaScript at all: the pages must work with plain links and GET forms.
        context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
          javaScriptEnabled: false,
          locale: 'en-GB',
        });
        page = await context.newPage();
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      const go = async (path: string) => {
        const res = await page.goto(`${server.url}${path}`);
        assert.ok(res && res.status() < 500, `${path}: ${res?.status()}`);
        return res!;
      };

      test('the accountability home is in the main navigation and links to every public page', async () => {
        await go('/');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('navigation').getByRole('link', { name: 'Accountability' }).click(),
        ]);
        assert.match(page.url(), /\/stats$/);
        scanned.push(page.url());
        for (const name of [
          'League table of bodies',
          'Map by territory',
          'Search published appeals',
          'Open data and sources',
        ]) {
          assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, name);
        }
        await screenshot(page, `${dialect}-public-home`);
      });

      test('a report card: figures, the basis of the figures, the period form without JavaScript, chart and table', async () => {
        await go('/stats/league');
        scanned.push(page.url());
        // The first aiyl okmotu's card, through the directory's body page id.
        await go('/directory/search?q=okmotu');
        const href = await page.locator('a[href^="/directory/bodies/"]').first().getAttribute('href');
        const id = href!.split('/').pop();
        await go(`/stats/bodies/${id}`);
        assert.match(await page.title(), /report card/);
        assert.match(await page.locator('main').innerText(), /whose owners allow statistical use/);
        await page.getByLabel('From (YYYY-MM)').fill('2026-13');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show' }).click()]);
        assert.match(await page.locator('[role=alert]').first().innerText(), /Enter a month as YYYY-MM/);
        await page.getByLabel('From (YYYY-MM)').fill('2025-01');
        await page.getByLabel('To (YYYY-MM)').fill('2025-12');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show' }).click()]);
        assert.match(page.url(), /from=2025-01&to=2025-12/);
        assert.equal(await page.locator('svg[role=img] title').count(), 1);
        scanned.push(page.url());
        await screenshot(page, `${dialect}-public-card`);
      });

      test('the map: every region is a titled link, with a legend and a table alternative', async () => {
        await go('/stats/map');
        const regions = page.locator('figure.map svg a');
        assert.ok((await regions.count()) >= 9, 'oblasts and the two cities');
        assert.ok((await page.locator('figure.map svg a title').count()) >= 9);
        assert.ok((await page.locator('table th[scope=row]').count()) >= 9);
        scanned.push(page.url());
        await page.getByLabel('Level').selectOption('rayon');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show' }).click()]);
        assert.ok((await regions.count()) >= 40, 'rayons');
        scanned.push(page.url());
        await screenshot(page, `${dialect}-public-map`);
      });

      test('search: a transliterated query, a query with FTS syntax, and only stop words', async () => {
        await go('/search');
        await page.getByLabel('Words').fill('"okmotu" OR *');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: 'Search', exact: true }).click(),
        ]);
        assert.match(await page.locator('main').innerText(), /Bodies|Nothing found|appeals found/);
        scanned.push(page.url());
        await page.getByLabel('Words').fill('the of and');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: 'Search', exact: true }).click(),
        ]);
        assert.match(await page.locator('main').innerText(), /only very common words/);
        scanned.push(page.url());
      });

      test('every page visited passes axe-core (no serious or critical violation)', async () => {
        const scanning = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
        try {
          const p = await scanning.newPage();
          for (const url of [...new Set(scanned)]) {
            await p.goto(url);
            await assertAccessible(p, url.replace(server.url, ''));
          }
        } finally {
          await scanning.close();
        }
      });

      test('on a phone: no horizontal scrolling on the public pages', async () => {
        const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
        const p = await phone.newPage();
        for (const path of ['/stats', '/stats/league', '/stats/map', '/search?q=okmotu', '/data']) {
          await p.goto(`${server.url}${path}`);
          assert.equal(await hasHorizontalScroll(p), false, path);
        }
        await phone.close();
        assert.deepEqual(problems, []);
      });
    });
  }
}
