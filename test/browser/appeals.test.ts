/**
 * The appeals wizard in a real browser against the real server on a fresh database (the shipped
 * directory): the first administrator signs in (password + TOTP), searches the body, writes the
 * appeal, attaches a document, reviews the letter with its legal basis and due date, and sends it;
 * the appeal page then shows it awaiting registration with the due date and why. Every page is
 * scanned with axe-core; the wizard's pages are also checked on a phone-sized screen.
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
} from './support.js';

const ky = translator('ky');

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('appeals wizard in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`appeals wizard in the browser [${dialect}]`, skip);
      continue;
    }
    describe(`appeals wizard in the browser [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      const problems: string[] = [];
      const shot = (name: string, p: Page = page) => screenshot(p, `${dialect}-appeals-${name}`);

      before(async () => {
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
        context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        page = await context.newPage();
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
            problems.push(`console: ${m.text()}`);
        });
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('from body search to a sent appeal, in Kyrgyz, without errors or accessibility problems', async () => {
        // Sign in (the first administrator, with the printed one-time password and a new TOTP).
        // Chromium asks for English; the visible language switch chooses Kyrgyz.
        await page.goto(`${server.url}/login`);
        await submit(page, ky('lang.ky'));
        assert.equal(await page.getAttribute('html', 'lang'), 'ky');
        await page.getByLabel(ky('accounts.email')).fill(server.adminEmail);
        await page.getByLabel(ky('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(page, ky('accounts.login_submit'));
        const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
        await page.getByLabel(ky('accounts.totp_code')).fill(await new Phone(secret).nextCode());
        await submit(page, ky('accounts.totp_submit'));

        // My appeals → new appeal
        await page.goto(`${server.url}/appeals`);
        assert.equal((await page.locator('h1').innerText()).trim(), ky('appeals.my_title'));
        await assertAccessible(page, 'my appeals');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('link', { name: ky('appeals.new_title') }).click(),
        ]);

        // 1. Body, by search
        await page.getByLabel(ky('appeals.body_search')).fill('юстиция министрлиги');
        await submit(page, ky('common.search'));
        const name = 'Кыргыз Республикасынын Юстиция министрлиги';
        await page.getByText(name, { exact: true }).waitFor();
        await assertAccessible(page, 'the body search step');
        await shot('1-body');
        await submit(page, ky('appeals.choose_body', { name }));

        // 2. The appeal
        assert.match(page.url(), /\/appeals\/\d+\/edit$/);
        await assertAccessible(page, 'the appeal step');
        await page.getByLabel(ky('appeals.subject')).fill('Соттуулугу жоктугу тууралуу маалымкат');
        await page.getByLabel(ky('appeals.text')).fill('Соттуулугу жоктугу тууралуу маалымкат берүүнү суранам.');
        await page.getByLabel(ky('appeals.to_address')).fill('info@minjust.example.kg');
        await shot('2-appeal');
        await submit(page, ky('appeals.save_continue'));

        // 3. Documents
        assert.match(page.url(), /\/documents$/);
        await page
          .getByLabel(ky('appeals.file_label'))
          .setInputFiles({ name: 'pasport.txt', mimeType: 'text/plain', buffer: Buffer.from('Паспорттун көчүрмөсү') });
        await submit(page, ky('appeals.upload'));
        await page.getByRole('link', { name: 'pasport.txt' }).waitFor();
        await assertAccessible(page, 'the documents step');
        await shot('3-documents');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('link', { name: ky('appeals.continue_review') }).click(),
        ]);

        // 4. Review: the letter with the legal basis and the due date
        const review = await page.locator('main').innerText();
        assert.match(review, /№ 67/);
        assert.match(review, /10 000 сом/);
        await assertAccessible(page, 'the review step');
        await shot('4-review');
        await submit(page, ky('appeals.send'));

        // The appeal page
        assert.match(page.url(), /\/appeals\/\d+\?done=sent$/);
        await page
          .getByRole('status')
          .filter({ hasText: ky('appeals.notice.sent') })
          .waitFor();
        const main = await page.locator('main').innerText();
        assert.match(main, new RegExp(ky('appeals.status.awaiting_registration')));
        assert.match(main, /иш күнү калды/);
        assert.match(main, /pasport\.txt/);
        await assertAccessible(page, 'the appeal page');
        await shot('5-appeal');
        assert.deepEqual(problems, [], server.output());
      });

      test('the wizard needs no horizontal scrolling on a phone', async () => {
        const mobile = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          storageState: await context.storageState(),
        });
        try {
          const p = await mobile.newPage();
          await p.goto(`${server.url}/appeals/new?q=${encodeURIComponent('прокуратура')}`);
          assert.equal(await hasHorizontalScroll(p), false, 'the body step scrolls sideways');
          await p.goto(`${server.url}/appeals`);
          assert.equal(await hasHorizontalScroll(p), false, 'my appeals scrolls sideways');
          await shot('phone-my-appeals', p);
        } finally {
          await mobile.close();
        }
      });
    });
  }
}
