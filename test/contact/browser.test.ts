/**
 * The contact form and the subscription form in a real browser with JavaScript OFF, at phone width,
 * against the real server (SQLite and PostgreSQL): send a message, subscribe, see the translated
 * errors. No page makes a request to another origin, none scrolls sideways, and an axe-core scan
 * (in a second browser context with script, since axe needs it) finds no serious problem.
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
  skipSuite('contact and subscriptions in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      describe.skip(`contact and subscriptions in the browser [${dialect}: ${skip}]`, () => {});
      continue;
    }
    describe(`contact and subscriptions in the browser, JavaScript off, phone width [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      const foreign: string[] = [];

      before(async () => {
        server = await startServer(dialect);
        browser = await launchBrowser();
        context = await browser.newContext({
          javaScriptEnabled: false,
          locale: 'en-GB',
          viewport: { width: 390, height: 844 },
        });
        page = await context.newPage();
        page.on('request', (r) => {
          if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
        });
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('write to the organisation, with an error first', async () => {
        await page.goto(`${server.url}/contact`);
        assert.equal(await page.locator('h1').innerText(), en('contact.title'));
        assert.equal(await hasHorizontalScroll(page), false);
        await page.getByLabel(en('contact.field.subject'), { exact: true }).fill('Press accreditation');
        await submit(page, en('contact.submit'));
        assert.match(
          await page.locator('.error-summary').innerText(),
          new RegExp(en('contact.error.empty').replace('.', '\\.')),
        );
        await page.getByLabel(en('contact.field.message'), { exact: true }).fill('When is the next press conference?');
        // A person takes a few seconds; the form's signed timestamp refuses instant submissions.
        await page.waitForTimeout(3200);
        await screenshot(page, `${dialect}-contact-form`);
        await submit(page, en('contact.submit'));
        assert.equal(await page.locator('h1').innerText(), en('contact.sent.title'));
        assert.doesNotMatch(await page.content(), /[\w.+-]+@[\w-]+\.[\w.]+/);
      });

      test('subscribe, and a duplicate is told so', async () => {
        await page.goto(`${server.url}/subscribe`);
        assert.equal(await hasHorizontalScroll(page), false);
        await page.getByLabel(en('subscriptions.field.email')).fill('press@example.org');
        await page.getByLabel(en('subscriptions.topic.events')).check();
        await page.getByLabel('English').check();
        await submit(page, en('subscriptions.subscribe.submit'));
        assert.equal(await page.locator('h1').innerText(), en('subscriptions.sent.title'));
        await page.goto(`${server.url}/subscribe`);
        await page.getByLabel(en('subscriptions.field.email')).fill('press@example.org');
        await page.getByLabel(en('subscriptions.topic.statements')).check();
        await submit(page, en('subscriptions.subscribe.submit'));
        assert.match(await page.locator('#field-email-error').innerText(), /confirmation letter was already sent/);
        assert.deepEqual(foreign, []);
      });

      test('axe-core finds no serious problem on the forms, with and without errors', async () => {
        const scanning = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
        try {
          const p = await scanning.newPage();
          await p.goto(`${server.url}/contact`);
          await assertAccessible(p, 'the contact form');
          await Promise.all([
            p.waitForNavigation(),
            p.locator('form[action="/contact"] button[type="submit"]').click(),
          ]);
          await assertAccessible(p, 'the contact form with errors');
          await p.goto(`${server.url}/subscribe`);
          await assertAccessible(p, 'the subscription form');
          await Promise.all([
            p.waitForNavigation(),
            p.locator('form[action="/subscribe"] button[type="submit"]').click(),
          ]);
          assert.ok(await p.locator('.error-summary').count());
          await assertAccessible(p, 'the subscription form with errors');
        } finally {
          await scanning.close();
        }
      });
    });
  }
}
