/**
 * Statements and events in a real browser with JavaScript switched OFF, against the real server on a
 * fresh database (the shipped directory): the first administrator writes a statement quoting a live
 * figure, previews and publishes it, announces an event; every page is scanned with axe-core (in a
 * JavaScript-enabled context with the same cookies) and checked on a phone-sized screen.
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

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('statements in the browser without JavaScript', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`statements in the browser without JavaScript [${dialect}]`, skip);
      continue;
    }
    describe(`statements in the browser without JavaScript [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      let statementUrl = '';
      let eventUrl = '';

      async function scan(label: string): Promise<void> {
        const js = await browser.newContext({
          viewport: { width: 1280, height: 800 },
          storageState: await context.storageState(),
        });
        try {
          const p = await js.newPage();
          await p.goto(page.url());
          await assertAccessible(p, label);
        } finally {
          await js.close();
        }
      }

      before(async () => {
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
        context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
        page = await context.newPage();
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('a coordinator writes, previews and publishes a statement with a live figure, and announces an event', async () => {
        await page.goto(`${server.url}/login`);
        await submit(page, en('lang.en'));
        await page.getByLabel(en('accounts.email')).fill(server.adminEmail);
        await page.getByLabel(en('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(page, en('accounts.login_submit'));
        const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
        await page.getByLabel(en('accounts.totp_code')).fill(await new Phone(secret).nextCode());
        await submit(page, en('accounts.totp_submit'));

        await page.goto(`${server.url}/statements/manage/new`);
        await scan('the statement form');
        await page.locator('#field-title_en').fill('Appeals to the Ministry of Justice');
        await page.locator('#field-summary_en').fill('How many appeals are overdue.');
        await page
          .locator('#field-body_en')
          .fill(
            'The ministry has {{figure:overdue body=minjust freeze}} overdue appeals.\n\n- first point\n- second point',
          );
        await page.locator('#field-title_ru').fill('Обращения в Министерство юстиции');
        await page.locator('#field-body_ru').fill('Просрочено {{figure:overdue body=minjust}} обращений.');
        await submit(page, en('common.save'));
        assert.match(page.url(), /\/statements\/manage\/\d+\?m=saved$/);
        await scan('the statement editor');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('link', { name: en('statements.preview') }).click(),
        ]);
        assert.match(await page.locator('main').innerText(), /This is a preview/);
        await page.goBack();
        await submit(page, en('statements.publish_submit'));
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('link', { name: en('statements.view_public') }).click(),
        ]);
        statementUrl = page.url();
        const text = await page.locator('main').innerText();
        assert.match(text, /The ministry has 0 \(as of .*fixed at publication; source\) overdue appeals/);
        await scan('the public statement');
        await screenshot(page, `${dialect}-statements-1-public`);

        await page.goto(`${server.url}/events/manage/new`);
        await page.locator('#field-title_en').fill('Press conference: overdue appeals');
        await page.locator('#field-date').fill('2030-03-10');
        await page.locator('#field-start_time').fill('10:40');
        await page.locator('#field-end_time').fill('12:00');
        await page.locator('#field-schedule').fill('10:40 Coffee\n11:00 Opening');
        await page.locator('#field-venue').fill('Bishkek, Kievskaya 120');
        await scan('the event form');
        await submit(page, en('common.save'));
        await submit(page, en('statements.publish_submit'));
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('link', { name: en('statements.view_public') }).click(),
        ]);
        eventUrl = page.url();
        assert.match(await page.locator('main').innerText(), /Coffee/);
        await scan('the public event');
        await page.goto(`${server.url}/statements`);
        await scan('the list of statements');
      });

      test('the statement and the event need no horizontal scrolling on a phone', async () => {
        const mobile = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          javaScriptEnabled: false,
        });
        try {
          const p = await mobile.newPage();
          for (const url of [statementUrl, eventUrl, `${server.url}/events`]) {
            await p.goto(url);
            assert.equal(await hasHorizontalScroll(p), false, `${url} scrolls sideways`);
          }
          await screenshot(p, `${dialect}-statements-phone-event`);
        } finally {
          await mobile.close();
        }
      });
    });
  }
}
