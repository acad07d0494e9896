/**
 * The confirmation step before publishing (issue #17, item 4) in a real browser, on a 360 px phone
 * with JavaScript OFF, in Russian: the first administrator files an appeal whose text names the
 * person it is for (in the genitive, with patronymic and initials), an official and a body; the
 * publication page hides the names automatically and lists what is left, each with one button to
 * hide it and one to confirm it safe; publishing appears only when nothing is left; the public page
 * shows the redacted letter. Every page is scanned with axe-core; screenshots under test-results/.
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

const ru = translator('ru');

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

const TEXT =
  'Прошу проверить законность задержания Маматова Азамата Бакытовича. Протокол составил Сыдыков Н. К., начальник ОВД Бишкекглавархитектура отказал 12.03.2026.';

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('confirmation before publishing in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`confirmation before publishing in the browser [${dialect}]`, skip);
      continue;
    }
    describe(`confirmation before publishing in the browser [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let signedIn: BrowserContext;
      let phone: BrowserContext;
      let page: Page;
      const problems: string[] = [];
      const visited: string[] = [];
      const shot = (name: string) => screenshot(page, `${dialect}-publication-${name}`);

      before(async () => {
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
        // Sign in once (password + TOTP), then work on a phone without JavaScript.
        signedIn = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
        const p = await signedIn.newPage();
        await p.goto(`${server.url}/login`);
        await submit(p, ru('lang.ru'));
        await p.getByLabel(ru('accounts.email')).fill(server.adminEmail);
        await p.getByLabel(ru('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(p, ru('accounts.login_submit'));
        const secret = (await p.locator('code.secret').innerText()).replace(/\s+/g, '');
        await p.getByLabel(ru('accounts.totp_code')).fill(await new Phone(secret).nextCode());
        await submit(p, ru('accounts.totp_submit'));
        phone = await browser.newContext({
          viewport: { width: 360, height: 740 },
          isMobile: true,
          hasTouch: true,
          javaScriptEnabled: false,
          locale: 'ru-RU',
          storageState: await signedIn.storageState(),
        });
        page = await phone.newPage();
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('on a 360 px phone without JavaScript: names hidden, the rest hidden or confirmed one click each, then published', async () => {
        // An appeal, through the wizard (on the desktop; the phone part below is what this test is about).
        const desk = await signedIn.newPage();
        await desk.goto(`${server.url}/appeals/new?q=${encodeURIComponent('юстиции')}`);
        await submit(desk, ru('appeals.choose_body', { name: 'Министерство юстиции Кыргызской Республики' }));
        await desk.getByLabel(ru('appeals.subject')).fill('Жалоба на задержание');
        await desk.getByLabel(ru('appeals.text')).fill(TEXT);
        await desk.getByLabel(ru('appeals.to_address')).fill('info@minjust.example.kg');
        await submit(desk, ru('appeals.save_continue'));
        await Promise.all([
          desk.waitForNavigation(),
          desk.getByRole('link', { name: ru('appeals.continue_review') }).click(),
        ]);
        await submit(desk, ru('appeals.send'));
        const id = /\/appeals\/(\d+)/.exec(desk.url())![1];
        await desk.close();

        // The publication page: names already hidden; what is left is listed.
        await page.goto(`${server.url}/appeals/${id}/publication`);
        visited.push(page.url());
        assert.equal(await hasHorizontalScroll(page), false, 'the publication page scrolls sideways at 360 px');
        const preview = await page.locator('section.preview').innerText();
        for (const name of ['Маматов', 'Азамат', 'Бакытович', 'Сыдыков']) assert.ok(!preview.includes(name), name);
        const review = page.locator('#field-review');
        assert.match(await review.innerText(), new RegExp(ru('publication.review_open', { count: '\\d+' })));
        assert.equal(
          await page.getByRole('button', { name: ru('publication.publish'), exact: true }).count(),
          0,
          'no Publish button while items are open',
        );
        await shot('1-review');

        // Hide one (the made-up office's name), confirm the rest safe: one click each, no script.
        await submit(page, ru('publication.review_hide_label', { value: 'ОВД Бишкекглавархитектура' }));
        visited.push(page.url());
        await shot('2-after-hide');
        for (let guard = 0; guard < 20; guard++) {
          const safe = page
            .locator('#field-review button.secondary')
            .filter({ hasText: ru('publication.review_safe') });
          if ((await safe.count()) === 0) break;
          await Promise.all([page.waitForNavigation(), safe.first().click()]);
        }
        assert.match(await review.innerText(), new RegExp(ru('publication.review_none')));
        await shot('3-all-checked');
        await submit(page, ru('publication.publish'));
        assert.match(page.url(), new RegExp(`/appeals/${id}/publication$`));

        // The public copy.
        await page.goto(`${server.url}/published/${id}`);
        visited.push(page.url());
        const pub = await page.locator('main').innerText();
        assert.ok(!/Маматов|Азамат|Бакытович|Сыдыков|Бишкекглавархитектура|ОВД/.test(pub), pub);
        assert.match(pub, /законность задержания \[…\]/);
        assert.match(pub, /12\.03\.2026/);
        assert.equal(await hasHorizontalScroll(page), false);
        await shot('4-public');
        assert.deepEqual(problems, [], server.output());
      });

      test('the pages visited pass axe-core', async () => {
        const scanning = await browser.newContext({
          viewport: { width: 360, height: 740 },
          locale: 'ru-RU',
          storageState: await phone.storageState(),
        });
        try {
          const p = await scanning.newPage();
          for (const url of [...new Set(visited)]) {
            await p.goto(url);
            await assertAccessible(p, url.replace(server.url, ''));
          }
        } finally {
          await scanning.close();
        }
      });
    });
  }
}
