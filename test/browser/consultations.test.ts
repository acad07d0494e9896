/**
 * Consultations in a real browser with JavaScript switched OFF, against the real server on a fresh
 * database (the shipped directory): a coordinator (the first administrator) creates a consultation,
 * pastes a Kyrgyz draft, publishes it, and comments on a paragraph with a stance and a proposed
 * wording, using nothing but links, forms and buttons. Every page is scanned with axe-core (axe is a
 * script, so the scan opens the same URL in a second, JavaScript-enabled context with the same
 * cookies), and the draft is checked on a phone-sized screen.
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

const DRAFT = `Кыргыз Республикасынын «Коомдук угуулар жөнүндө» Мыйзамынын долбоору

1-берене. Жалпы жоболор
Ушул Мыйзам мыйзам долбоорлорун коомдук угууларды өткөрүү тартибин аныктайт.
Угуулар ачык өткөрүлөт.

2-берене. Мөөнөттөр
Талкуу 15 күндөн кем эмес убакытка созулат.`;

/** A calendar date in Bishkek (UTC+6), `days` from today. */
function bishkekDate(days: number): string {
  return new Date(Date.now() + 6 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('consultations in the browser without JavaScript', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`consultations in the browser without JavaScript [${dialect}]`, skip);
      continue;
    }
    describe(`consultations in the browser without JavaScript [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let context: BrowserContext;
      let page: Page;
      const shot = (name: string, p: Page = page) => screenshot(p, `${dialect}-consultations-${name}`);
      let draftUrl = '';

      /** axe-core needs JavaScript: scan the page's URL in a JS-enabled context with the same session. */
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

      test('a coordinator publishes a Kyrgyz draft and comments on a paragraph, with JavaScript off', async () => {
        await page.goto(`${server.url}/login`);
        await submit(page, ky('lang.ky'));
        await page.getByLabel(ky('accounts.email')).fill(server.adminEmail);
        await page.getByLabel(ky('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(page, ky('accounts.login_submit'));
        const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
        await page.getByLabel(ky('accounts.totp_code')).fill(await new Phone(secret).nextCode());
        await submit(page, ky('accounts.totp_submit'));

        // A new consultation: the drafting body by its directory code, open from today.
        await page.goto(`${server.url}/consultations`);
        await scan('the list of consultations');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('link', { name: ky('consultations.new') }).click(),
        ]);
        await page.getByLabel(ky('consultations.field.title')).fill('Коомдук угуулар жөнүндө');
        await page.getByLabel(ky('consultations.field.body'), { exact: true }).fill('minjust');
        await page.getByLabel(ky('consultations.field.summary')).fill('Долбоор коомдук угуулардын тартибин аныктайт.');
        await page.getByLabel(ky('consultations.field.opens_on')).fill(bishkekDate(0));
        await page.getByLabel(ky('consultations.field.closes_on')).fill(bishkekDate(14));
        await scan('the new consultation form');
        await submit(page, ky('consultations.create'));
        assert.match(page.url(), /\/consultations\/\d+\/manage\?m=created$/);

        // The text, pasted into the (multipart) form, then published.
        await page.getByLabel(ky('consultations.source_text'), { exact: true }).fill(DRAFT);
        await scan('the manage page');
        await submit(page, ky('consultations.new_version'));
        assert.match(page.url(), /\/versions\/1$/);
        const version = await page.locator('main').innerText();
        assert.match(version, /1-берене\. Жалпы жоболор/);
        assert.match(version, /2-берене\. Мөөнөттөр/);
        await page.goto(page.url().replace(/\/versions\/1$/, '/manage'));
        await submit(page, ky('consultations.publish'));
        draftUrl = page.url().replace(/\?.*$/, '');
        assert.match(draftUrl, /\/consultations\/\d+$/);
        await scan('the draft');
        await shot('1-draft');

        // Comment on the second paragraph of article 1.
        const paragraph = page.locator('.paragraph', { hasText: 'Угуулар ачык өткөрүлөт.' });
        await Promise.all([
          page.waitForNavigation(),
          paragraph.getByRole('link', { name: ky('consultations.comment_here') }).click(),
        ]);
        await scan('the paragraph page');
        await page.getByLabel(ky('consultations.stance.oppose')).check();
        await page
          .getByLabel(ky('consultations.comment.body'), { exact: true })
          .fill('Угуулардын онлайн көрсөтүлүшүн да камсыз кылуу керек.');
        await page
          .getByLabel(ky('consultations.comment.proposed_wording'))
          .fill('Угуулар ачык өткөрүлөт жана интернет аркылуу көрсөтүлөт.');
        await shot('2-comment-form');
        await submit(page, ky('consultations.comment.submit'));
        await page
          .getByRole('status')
          .filter({ hasText: ky('consultations.comment.posted') })
          .waitFor();
        const thread = await page.locator('main').innerText();
        assert.match(thread, /онлайн көрсөтүлүшүн/);
        assert.match(thread, new RegExp(ky('consultations.stance.oppose')));
        assert.match(thread, new RegExp(ky('consultations.participant_n', { n: 1 })));
        await scan('the paragraph page with a comment');
        await shot('3-commented');

        // The draft counts it; the report lists it.
        await page.goto(draftUrl);
        assert.match(await paragraph.innerText(), new RegExp(ky('consultations.comments_count', { count: 1 })));
        await page.goto(`${draftUrl}/report`);
        assert.match(await page.locator('main').innerText(), /интернет аркылуу көрсөтүлөт/);
        await scan('the report');
        await shot('4-report');
      });

      test('the draft and the paragraph page need no horizontal scrolling on a phone', async () => {
        const mobile = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          javaScriptEnabled: false,
          storageState: await context.storageState(),
        });
        try {
          const p = await mobile.newPage();
          await p.goto(draftUrl);
          assert.equal(await hasHorizontalScroll(p), false, 'the draft scrolls sideways');
          await shot('phone-draft', p);
          await p.goto(`${draftUrl}/report`);
          assert.equal(await hasHorizontalScroll(p), false, 'the report scrolls sideways');
        } finally {
          await mobile.close();
        }
      });
    });
  }
}
