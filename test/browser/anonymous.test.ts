/**
 * The anonymous reporter in a real browser with JavaScript turned OFF, against the real server
 * (SQLite and PostgreSQL): the questionnaire with the institution search, a phone photo with GPS,
 * the receipt shown once, the follow-up with the receipt, a reply, and deletion. Every request the
 * pages make goes to our own origin; the server's output never holds the receipt or the browser's
 * user agent. axe-core needs script, so the accessibility scan runs in a second, ordinary browser
 * over the same pages (with their forms and errors).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '../../src/platform/i18n/translate.js';
import { jpegWithGps } from '../anonymous/support.js';
import {
  assertAccessible,
  browserDialects,
  browserSkipReason,
  launchBrowser,
  screenshot,
  startServer,
  type RunningServer,
} from './support.js';

const en = translator('en');
const UA = 'Mozilla/5.0 (PlantedAnonymousBrowser-Marker)';

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

const skipReason = browserSkipReason();
if (skipReason) {
  describe.skip(`anonymous reporting in the browser [skipped: ${skipReason}]`, () => {});
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      describe.skip(`anonymous reporting in the browser [${dialect}: ${skip}]`, () => {});
      continue;
    }
    describe(`anonymous reporting in the browser, JavaScript off [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      const foreign: string[] = [];
      const problems: string[] = [];

      before(async () => {
        server = await startServer(dialect);
        browser = await launchBrowser();
        context = await browser.newContext({
          javaScriptEnabled: false,
          locale: 'en-GB',
          userAgent: UA,
          viewport: { width: 390, height: 844 },
        });
        page = await context.newPage();
        page.on('request', (r) => {
          if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
        });
        page.on('response', (r) => {
          if (r.status() >= 400 && r.request().resourceType() !== 'document')
            problems.push(`${r.status()} for ${r.url()}`);
        });
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('report with a photo, keep the receipt, follow up, answer and delete, without JavaScript', async () => {
        await page.goto(`${server.url}/report`);
        assert.equal(await page.locator('h1').innerText(), en('anonymous.intro.title'));
        await page.getByRole('link', { name: en('anonymous.intro.start') }).click();
        await page.waitForURL(/\/report\/new$/);

        await page.getByLabel(en('anonymous.topic.ill_treatment')).check();
        await page.getByLabel(en('anonymous.body.search')).fill('penitentiary');
        await submit(page, en('anonymous.body.find'));
        await page.getByLabel(/Penitentiary Service/).check();
        await page
          .getByLabel(en('anonymous.field.what'))
          .fill('Detainees in the isolation unit are beaten at night (browser test).');
        await page.getByLabel(en('anonymous.field.when')).fill('February 2026');
        await screenshot(page, `${dialect}-anonymous-step1`);
        await submit(page, en('anonymous.new.continue'));

        assert.equal(await page.locator('h1').innerText(), en('anonymous.send.title'));
        await page
          .getByLabel(en('anonymous.field.files'))
          .setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
        await page.getByLabel(en('anonymous.consent.description')).check();
        await page.getByLabel(en('anonymous.consent.files')).check();
        await submit(page, en('anonymous.send.submit'));

        assert.equal(await page.locator('h1').innerText(), en('anonymous.receipt.title'));
        const receipt = (await page.locator('#receipt code').innerText()).trim();
        assert.match(receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        assert.match(await page.locator('main').innerText(), /location \(GPS\)/);
        await screenshot(page, `${dialect}-anonymous-receipt`);

        // Follow up with the code as written on paper (lower case, spaces).
        await page.getByRole('link', { name: en('anonymous.receipt.follow') }).click();
        await page.getByLabel(en('anonymous.follow.receipt')).fill(receipt.toLowerCase().replace(/-/g, ' '));
        await submit(page, en('anonymous.follow.open'));
        assert.equal(new URL(page.url()).pathname, '/report/status');
        assert.match(await page.locator('#report-state').innerText(), new RegExp(en('anonymous.state.new')));
        assert.ok(!(await page.content()).includes(receipt), 'the receipt is not shown again');

        await page.getByLabel(en('anonymous.status.reply')).fill('One more detail: it happens after 22:00.');
        await submit(page, en('anonymous.status.send_reply'));
        assert.match(await page.locator('main').innerText(), /it happens after 22:00/);
        await screenshot(page, `${dialect}-anonymous-status`);

        await page.getByLabel(en('anonymous.delete.confirm')).check();
        await submit(page, en('anonymous.delete.button'));
        assert.equal(await page.locator('h1').innerText(), en('anonymous.deleted.title'));

        // The receipt opens nothing any more, with the same neutral message as a wrong code.
        await page.goto(`${server.url}/report/follow`);
        await page.getByLabel(en('anonymous.follow.receipt')).fill(receipt);
        await submit(page, en('anonymous.follow.open'));
        assert.match(await page.locator('main').innerText(), new RegExp(en('anonymous.follow.not_found').slice(0, 30)));

        assert.deepEqual(foreign, [], 'the pages loaded something from another origin');
        assert.deepEqual(problems, []);
        const out = server.output();
        assert.ok(
          !out.includes(receipt) && !out.includes('PlantedAnonymousBrowser-Marker'),
          'the server printed the receipt or the user agent',
        );
      });

      test('the reporter pages pass axe-core on a phone (scan with scripts on)', async () => {
        const scanning = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
        try {
          const p = await scanning.newPage();
          const ru = translator('ru');
          await p.goto(`${server.url}/report`);
          await assertAccessible(p, 'the start page');
          await p.goto(`${server.url}/report/new`);
          await p.getByLabel(ru('anonymous.body.search')).fill('омбудсмен');
          await submit(p, ru('anonymous.body.find'));
          await assertAccessible(p, 'step one with search results');
          await submit(p, ru('anonymous.new.continue'));
          await assertAccessible(p, 'step one with errors');
          await p.getByLabel(ru('anonymous.topic.corruption')).check();
          await p.getByLabel(ru('anonymous.field.what')).fill('Проверка доступности');
          await submit(p, ru('anonymous.new.continue'));
          await assertAccessible(p, 'step two');
          await p.goto(`${server.url}/report/follow`);
          await p.getByLabel(ru('anonymous.follow.receipt')).fill('AAAA-BBBB-CCCC-DDDD');
          await submit(p, ru('anonymous.follow.open'));
          await assertAccessible(p, 'the follow-up page with the neutral error');
          await screenshot(p, `${dialect}-anonymous-follow-error`);
        } finally {
          await scanning.close();
        }
      });
    });
  }
}
