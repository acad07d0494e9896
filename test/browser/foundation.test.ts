/**
 * The foundation in a real browser, against the real server (compiled as `npm start` runs it) on a fresh database:
 * the home page in Kyrgyz, Russian and English; a wrong password; the first administrator's first
 * sign-in with the printed one-time password, TOTP enrolment and recovery codes; a second sign-in
 * with a fresh TOTP code; a phone-sized screen; and the whole sign-in with JavaScript turned off.
 * Every page visited is scanned with axe-core; screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/platform/i18n/locales.js';
import { translator } from '../../src/platform/i18n/translate.js';
import {
  assertAccessible,
  browserDialects,
  browserSkipReason,
  hasHorizontalScroll,
  skipSuite,
  launchBrowser,
  Phone,
  screenshot,
  startServer,
  type RunningServer,
} from './support.js';

const ky = translator('ky');
const LANGS: Locale[] = ['ky', 'ru', 'en'];

/**
 * A page that records console errors (a CSP violation shows up here), uncaught exceptions and
 * failed stylesheets, scripts or images. A form page answering 422 is by design, so documents are
 * not counted (Chromium logs every 4xx response as "Failed to load resource").
 */
async function openPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document')
      problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}

/** Clicks a submit button and waits for the page the form leads to. */
async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

async function switchLanguage(page: Page, lang: Locale): Promise<void> {
  await submit(page, translator(lang)(`lang.${lang}`));
  assert.equal(await page.getAttribute('html', 'lang'), lang);
}

async function h1(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('foundation in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`foundation in the browser [${dialect}]`, skip);
      continue;
    }
    describe(`foundation in the browser [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      let desktop: BrowserContext;
      let page: Page;
      let phone: Phone;
      let recoveryCodes: string[] = [];
      const problems: string[] = [];
      const shot = (name: string, p: Page = page) => screenshot(p, `${dialect}-${name}`);

      before(async () => {
        // Both at once; whichever started is stopped in after() even when the other failed.
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
        desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        page = await openPage(desktop, problems);
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      const noProblems = () => {
        assert.deepEqual(problems.splice(0), [], `the browser reported errors; server output:\n${server.output()}`);
      };

      test('the home page switches between Kyrgyz, Russian and English with the visible buttons', async () => {
        await page.goto(`${server.url}/`);
        for (const lang of ['ru', 'en', 'ky'] as Locale[]) {
          await switchLanguage(page, lang);
          const t = translator(lang);
          assert.equal(new URL(page.url()).pathname, '/', 'the language switch returns to the same page');
          await page.getByRole('heading', { level: 2, name: t('home.appeals') }).waitFor();
          assert.equal(
            await page.getByRole('button', { name: t(`lang.${lang}`), exact: true }).getAttribute('aria-pressed'),
            'true',
          );
          await shot(`home-${lang}`);
        }
        assert.equal(await page.title(), `${ky('home.title')} · ${ky('app.name')}`);
        await assertAccessible(page, 'the home page');
        // Keyboard: the first Tab reaches the skip link, which takes focus past the header.
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), ky('layout.skip'));
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
        noProblems();
      });

      test('a wrong password is refused with a translated error that is announced and focused', async () => {
        await page.getByRole('link', { name: ky('layout.signin'), exact: true }).click();
        await page.waitForURL(/\/login$/);
        assert.equal(await h1(page), ky('accounts.login_title'));
        await assertAccessible(page, 'the sign-in page');
        await shot('login');
        await page.getByLabel(ky('accounts.email')).fill(server.adminEmail);
        await page.getByLabel(ky('accounts.password'), { exact: true }).fill('this is not the password');
        await submit(page, ky('accounts.login_submit'));
        const alert = page.getByRole('alert');
        assert.match(
          await alert.innerText(),
          new RegExp(ky('accounts.login_failed').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        );
        // app.js moves focus to the summary so a screen reader reads it out.
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
        assert.equal(
          await page.getByLabel(ky('accounts.password'), { exact: true }).getAttribute('aria-invalid'),
          'true',
        );
        assert.equal(
          await page.getByLabel(ky('accounts.email')).inputValue(),
          server.adminEmail,
          'the e-mail address is kept',
        );
        await assertAccessible(page, 'the sign-in page with an error');
        await shot('login-error');
        noProblems();
      });

      test('the first administrator signs in with the printed password and sets up TOTP', async () => {
        await page.getByLabel(ky('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(page, ky('accounts.login_submit'));
        assert.equal(new URL(page.url()).pathname, '/account/totp/setup');
        assert.equal(await h1(page), ky('accounts.totp_setup_title'));
        // Half signed in: the administration stays closed until the second factor is set up.
        const blocked = await desktop.request.get(`${server.url}/admin`, { maxRedirects: 0 });
        assert.notEqual(blocked.status(), 200);
        await assertAccessible(page, 'the TOTP set-up page');
        await shot('totp-setup');

        const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
        assert.match(secret, /^[A-Z2-7]{32}$/);
        phone = new Phone(secret);
        await page.getByLabel(ky('accounts.totp_code')).fill(await phone.nextCode());
        await submit(page, ky('accounts.totp_submit'));
        assert.equal(await h1(page), ky('accounts.recovery_title'));
        recoveryCodes = await page.locator('.recovery-codes code').allInnerTexts();
        assert.equal(recoveryCodes.length, 10);
        await assertAccessible(page, 'the recovery codes page');
        await shot('recovery-codes');

        await page.getByRole('link', { name: ky('accounts.continue') }).click();
        await page.waitForURL(/\/account$/);
        assert.equal(await h1(page), ky('accounts.account_title'));
        assert.match(await page.locator('main').innerText(), new RegExp(server.adminEmail.replace('.', '\\.')));
        await assertAccessible(page, 'the account page');
        await shot('account');

        await page.getByRole('link', { name: ky('layout.admin'), exact: true }).click();
        await page.waitForURL(/\/admin$/);
        assert.equal(await h1(page), ky('admin.users'));
        await assertAccessible(page, 'the administration page');
        await shot('admin');

        await submit(page, ky('layout.signout'));
        assert.equal(new URL(page.url()).pathname, '/login');
        await page
          .getByRole('status')
          .filter({ hasText: ky('accounts.signed_out') })
          .waitFor();
        noProblems();
      });

      test('the administrator signs in again with the password and a fresh TOTP code, then signs out', async () => {
        await page.getByLabel(ky('accounts.email')).fill(server.adminEmail);
        await page.getByLabel(ky('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(page, ky('accounts.login_submit'));
        assert.equal(new URL(page.url()).pathname, '/login/totp');
        assert.equal(await h1(page), ky('accounts.totp_title'));
        await assertAccessible(page, 'the TOTP sign-in page');
        await shot('login-totp');
        await page.getByLabel(ky('accounts.totp_code')).fill(await phone.nextCode());
        await submit(page, ky('accounts.totp_submit'));
        assert.equal(new URL(page.url()).pathname, '/account');
        await page.goto(`${server.url}/admin`);
        assert.equal(await h1(page), ky('admin.users'));
        await submit(page, ky('layout.signout'));
        assert.equal(new URL(page.url()).pathname, '/login');
        // Signed out means signed out: the account page sends us back to sign in.
        await page.goto(`${server.url}/account`);
        assert.equal(new URL(page.url()).pathname, '/login');
        noProblems();
      });

      test('on a phone-sized screen the home and sign-in pages need no horizontal scrolling', async () => {
        const mobile = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        try {
          const p = await openPage(mobile, problems);
          await p.goto(`${server.url}/`);
          for (const lang of LANGS) {
            await switchLanguage(p, lang);
            assert.equal(await hasHorizontalScroll(p), false, `the home page scrolls sideways in ${lang}`);
            await shot(`phone-home-${lang}`, p);
            await p.goto(`${server.url}/login`);
            assert.equal(await hasHorizontalScroll(p), false, `the sign-in page scrolls sideways in ${lang}`);
            await shot(`phone-login-${lang}`, p);
            await p.goto(`${server.url}/`);
          }
          await assertAccessible(p, 'the home page on a phone');
          noProblems();
        } finally {
          await mobile.close();
        }
      });

      test('with JavaScript turned off the administrator signs in (wrong password, then TOTP) and signs out', async () => {
        const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 768 } });
        try {
          const p = await openPage(noJs, problems);
          await p.goto(`${server.url}/`);
          await switchLanguage(p, 'ru');
          const ru = translator('ru');
          await p.getByRole('link', { name: ru('layout.signin'), exact: true }).click();
          await p.waitForURL(/\/login$/);
          await p.getByLabel(ru('accounts.email')).fill(server.adminEmail);
          await p.getByLabel(ru('accounts.password'), { exact: true }).fill('still not the password');
          await submit(p, ru('accounts.login_submit'));
          assert.match(await p.getByRole('alert').innerText(), new RegExp(ru('accounts.login_failed')));
          await p.getByLabel(ru('accounts.password'), { exact: true }).fill(server.adminPassword);
          await submit(p, ru('accounts.login_submit'));
          assert.equal(new URL(p.url()).pathname, '/login/totp');
          // Each code is accepted once, so this may wait for the next 30-second step.
          await p.getByLabel(ru('accounts.totp_code')).fill(await phone.nextCode());
          await submit(p, ru('accounts.totp_submit'));
          assert.equal(new URL(p.url()).pathname, '/account');
          assert.equal(await h1(p), ru('accounts.account_title'));
          await shot('nojs-account', p);
          await submit(p, ru('layout.signout'));
          assert.equal(new URL(p.url()).pathname, '/login');
          noProblems();
        } finally {
          await noJs.close();
        }
      });

      test('a recovery code replaces a TOTP code once', async () => {
        const code = recoveryCodes[0]!;
        assert.ok(code, 'recovery codes were shown at enrolment');
        const signInWith = async (second: string) => {
          await page.goto(`${server.url}/login`);
          await page.getByLabel(ky('accounts.email')).fill(server.adminEmail);
          await page.getByLabel(ky('accounts.password'), { exact: true }).fill(server.adminPassword);
          await submit(page, ky('accounts.login_submit'));
          await page.getByLabel(ky('accounts.totp_code')).fill(second);
          await submit(page, ky('accounts.totp_submit'));
        };
        await signInWith(code);
        assert.equal(new URL(page.url()).pathname, '/account');
        await submit(page, ky('layout.signout'));
        await signInWith(code);
        assert.equal(new URL(page.url()).pathname, '/login/totp');
        assert.match(
          await page.getByRole('alert').innerText(),
          new RegExp(ky('accounts.totp_wrong').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        );
        noProblems();
      });
    });
  }
}
