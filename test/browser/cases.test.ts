/**
 * Documenting a case in a real browser against the real server (shipped directory): the first
 * administrator invites a lawyer; the lawyer follows the link in the invitation e-mail, chooses a
 * password, sets up two-step verification, opens a case, records an event with an imprecise date
 * ("spring 2017"), the victim, the act of torture, uploads a medical report (SHA-256 shown), and
 * creates a pre-filled appeal to the General Prosecutor's Office from the case; the case then links
 * to the appeal. The case pages are scanned with axe-core (one of each kind, to stay within the
 * suite's time limit on a busy machine); the case page is checked on a phone.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
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

const en = translator('en');
const PDF = Buffer.from('%PDF-1.4\n% medical report\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}
async function follow(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name, exact: true }).first().click()]);
}

/** The invitation link from the e-mail the server wrote to its mail folder (no SMTP configured). */
async function invitationLink(server: RunningServer, to: string): Promise<string> {
  const dir = /outgoing mail is written to (.+)$/m.exec(server.output())?.[1]?.trim();
  assert.ok(dir, 'the server names its mail folder');
  for (let i = 0; i < 50; i++) {
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((x) => x.endsWith('.eml')) : []) {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const rcpt = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
      const link = /https?:\/\/\S+\/password\/reset\?token=[\w-]+/.exec(mail.text ?? '')?.[0];
      if (rcpt?.includes(to) && link) return link;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no invitation for ${to}`);
}

const skipReason = browserSkipReason();
if (skipReason) {
  skipSuite('documenting a case in the browser', skipReason);
} else {
  for (const { dialect, skip } of browserDialects()) {
    if (skip) {
      skipSuite(`documenting a case in the browser [${dialect}]`, skip);
      continue;
    }
    describe(`documenting a case in the browser [${dialect}]`, () => {
      let server: RunningServer;
      let browser: Browser;
      const problems: string[] = [];
      const watch = (p: Page) => {
        p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        p.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
            problems.push(`console: ${m.text()}`);
        });
      };
      const shot = (p: Page, name: string) => screenshot(p, `${dialect}-cases-${name}`);
      let lawyerState: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>>;
      let caseUrl = '';

      before(async () => {
        const [s, b] = await Promise.allSettled([startServer(dialect), launchBrowser()]);
        if (s.status === 'fulfilled') server = s.value;
        if (b.status === 'fulfilled') browser = b.value;
        if (s.status === 'rejected') throw s.reason;
        if (b.status === 'rejected') throw b.reason;
      });
      after(async () => {
        await browser?.close();
        await server?.stop();
      });

      test('from intake to a linked appeal, without errors or accessibility problems', async () => {
        // The administrator invites a lawyer.
        const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
        const admin = await adminCtx.newPage();
        watch(admin);
        await admin.goto(`${server.url}/login`);
        await admin.getByLabel(en('accounts.email')).fill(server.adminEmail);
        await admin.getByLabel(en('accounts.password'), { exact: true }).fill(server.adminPassword);
        await submit(admin, en('accounts.login_submit'));
        const adminSecret = (await admin.locator('code.secret').innerText()).replace(/\s+/g, '');
        await admin.getByLabel(en('accounts.totp_code')).fill(await new Phone(adminSecret).nextCode());
        await submit(admin, en('accounts.totp_submit'));
        await admin.goto(`${server.url}/admin`);
        const lawyerEmail = 'aigerim.lawyer@ngo.example.kg';
        await admin.getByLabel(en('accounts.display_name')).fill('Aigerim (lawyer)');
        await admin.getByLabel(en('accounts.email')).fill(lawyerEmail);
        await admin.getByLabel(en('accounts.role')).selectOption('lawyer');
        await submit(admin, en('admin.user_create'));
        // The administrator cannot see case content: the list is empty for them.
        await admin.goto(`${server.url}/cases`);
        assert.equal((await admin.locator('h1').innerText()).trim(), en('cases.title'));
        await adminCtx.close();

        // The lawyer follows the link, chooses a password, sets up two-step verification.
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
        const page = await ctx.newPage();
        watch(page);
        await page.goto(await invitationLink(server, lawyerEmail));
        const password = `a long passphrase ${crypto.randomBytes(4).toString('hex')}`;
        await page.getByLabel(en('accounts.new_password')).fill(password);
        await submit(page, en('common.save'));
        await page.getByLabel(en('accounts.email')).fill(lawyerEmail);
        await page.getByLabel(en('accounts.password'), { exact: true }).fill(password);
        await submit(page, en('accounts.login_submit'));
        const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
        await page.getByLabel(en('accounts.totp_code')).fill(await new Phone(secret).nextCode());
        await submit(page, en('accounts.totp_submit'));

        // Intake: a new case.
        await page.goto(`${server.url}/cases`);
        await assertAccessible(page, 'the case list');
        await follow(page, en('cases.new'));
        await page.getByLabel(en('cases.case_title'), { exact: true }).fill('Journalist beaten in IVS');
        await page
          .getByLabel(en('cases.summary'))
          .fill('Detained after a press conference; beaten during questioning.');
        await page.getByLabel(en('cases.territory')).selectOption({ label: 'Bishkek (city)' });
        await submit(page, en('cases.open'));
        assert.match(page.url(), /\/cases\/\d+$/);
        caseUrl = page.url();

        // An event with an approximate date.
        await follow(page, en('cases.add_event'));
        await page.getByLabel(en('cases.event_title')).fill('Detention and questioning');
        await page.locator('#field-start').fill('2017-03');
        await page.locator('#field-start_precision').selectOption('approximate');
        await page.locator('#field-start_label').fill('spring 2017');
        await submit(page, en('common.save'));
        await page.getByText('spring 2017', { exact: false }).first().waitFor();

        // A refused form keeps the input and says what is wrong: an exact date without a day.
        await follow(page, en('cases.add_event'));
        await page.getByLabel(en('cases.event_title')).fill('Release');
        await page.locator('#field-start').fill('2017-04');
        await submit(page, en('common.save'));
        await page.getByText(en('cases.error.precision_mismatch')).first().waitFor();
        assert.equal(await page.getByLabel(en('cases.event_title')).inputValue(), 'Release');
        await assertAccessible(page, 'a refused event form');
        await page.goto(caseUrl);

        // The victim, with identity fields (encrypted at rest) and a vulnerable-group tag.
        await follow(page, en('cases.add_person'));
        await page.getByLabel(en('cases.name'), { exact: true }).fill('Bermet Journalistova');
        await page.getByLabel(en('cases.contact')).fill('+996 555 010 203');
        await page.getByLabel(en('cases.sex')).selectOption('female');
        await page.getByLabel(en('cases.age_group')).selectOption('adult');
        await page.getByLabel('Journalist', { exact: true }).check();
        await assertAccessible(page, 'the person form');
        await submit(page, en('common.save'));

        // The act: torture, by beating.
        await follow(page, en('cases.add_act'));
        await page.getByLabel(en('cases.event'), { exact: true }).selectOption({ index: 1 });
        await page.getByLabel(en('cases.act_type')).selectOption('torture');
        await page.getByLabel(en('cases.victim'), { exact: true }).selectOption({ index: 1 });
        await page.getByLabel('Beating', { exact: true }).check();
        await assertAccessible(page, 'the act form');
        await submit(page, en('common.save'));
        await page.getByRole('cell', { name: 'Torture', exact: true }).waitFor();

        // Evidence: SHA-256 recorded at upload, chain of custody shown.
        await follow(page, en('cases.upload'));
        await page
          .locator('#field-file')
          .setInputFiles({ name: 'medical-report.pdf', mimeType: 'application/pdf', buffer: PDF });
        await submit(page, en('cases.upload'));
        await page.getByText(crypto.createHash('sha256').update(PDF).digest('hex')).waitFor();
        await assertAccessible(page, 'the case page');
        await shot(page, '1-case');

        // An appeal from the case, pre-filled, without the victim's identity.
        await follow(page, en('cases.appeal_from_case'));
        await page.getByLabel(en('cases.addressee')).fill('gp');
        await assertAccessible(page, 'the appeal-from-case form');
        await submit(page, en('cases.create_appeal'));
        assert.match(page.url(), /\/appeals\/\d+\/edit$/);
        const appealId = /\/appeals\/(\d+)\/edit$/.exec(page.url())![1]!;
        const main = await page.locator('main').innerText();
        assert.ok(!main.includes('Bermet'), 'the victim’s name stays out of the appeal');
        await shot(page, '2-appeal');

        await page.goto(caseUrl);
        await page.getByRole('link', { name: en('cases.appeal_link', { id: appealId }) }).waitFor();
        lawyerState = await ctx.storageState();
        await ctx.close();
        assert.deepEqual(problems, [], server.output());
      });

      test('the case page needs no horizontal scrolling on a phone', async () => {
        assert.ok(caseUrl, 'the first test opened a case');
        const mobile = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          storageState: lawyerState,
        });
        try {
          const p = await mobile.newPage();
          await p.goto(caseUrl);
          assert.equal(await hasHorizontalScroll(p), false, 'the case page scrolls sideways');
          await shot(p, 'phone-case');
        } finally {
          await mobile.close();
        }
      });
    });
  }
}
