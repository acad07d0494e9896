/**
 * SECURITY.md "Errors and logs": never log passwords, tokens or submitters' addresses. The flows run
 * with every log line captured (at the most verbose level), then the logs are searched for each
 * planted secret: zero hits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { totpCode } from '../../src/platform/auth/totp.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const CLIENT_IP = '203.0.113.77';
const FORWARDED_IP = '198.51.100.23';
const USER_AGENT = 'PlantedBrowser/9.9 (Planted-UA-Marker)';

/** A planted value, found only as a whole (a 6-digit code inside a timestamp does not count). */
function occurs(logs: string, secret: string): boolean {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(/^\d+$/.test(secret) ? `(?<!\\d)${escaped}(?!\\d)` : escaped).test(logs);
}

forEachDialect('nothing confidential in the logs', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { env: { LOG_LEVEL: 'trace' } });
  });
  after(async () => t.close());

  test('passwords, TOTP codes and secrets, reset and API tokens, cookies, IPs and user agents are never logged', async () => {
    const planted: Record<string, string> = {};
    const browser = () =>
      new Agent(
        t.app,
        { 'user-agent': USER_AGENT, 'x-forwarded-for': FORWARDED_IP, 'accept-language': 'en' },
        CLIENT_IP,
      );

    // A citizen registers, confirms and signs in; a wrong password is tried first.
    planted.registrationPassword = 'planted registration passphrase';
    planted.wrongPassword = 'planted wrong passphrase';
    const citizen = browser();
    await citizen.post('/register', {
      display_name: 'Planted Name',
      email: 'planted.citizen@example.org',
      password: planted.registrationPassword,
    });
    const confirmLink = /\/register\/confirm\?token=([\w-]+)/.exec((await t.sentMail()).at(-1)!.text)!;
    planted.confirmToken = confirmLink[1]!;
    await citizen.get(confirmLink[0]);
    await citizen.post('/register/confirm', { token: planted.confirmToken });
    await citizen.post('/login', { email: 'planted.citizen@example.org', password: planted.wrongPassword });
    assert.equal(
      (await citizen.post('/login', { email: 'planted.citizen@example.org', password: planted.registrationPassword }))
        .statusCode,
      303,
    );
    planted.sessionToken = citizen.cookies.get(t.app.achyk.cookies.session)!;
    planted.csrfCookie = citizen.cookies.get(t.app.achyk.cookies.csrf)!;
    planted.csrfToken = await citizen.csrf();

    // An API token is created and used.
    const created = await citizen.post('/account/tokens', { name: 'planted' });
    planted.apiToken = /(achyk_[\w-]{43})/.exec(created.body)![1]!;
    const api = await t.app.inject({
      url: '/api/v1/me',
      remoteAddress: CLIENT_IP,
      headers: { authorization: `Bearer ${planted.apiToken}`, 'user-agent': USER_AGENT },
    });
    assert.equal(api.statusCode, 200);
    await t.app.inject({
      url: '/api/v1/me',
      remoteAddress: CLIENT_IP,
      headers: { authorization: `Bearer ${planted.apiToken}x` },
    });

    // The password is changed, then reset by e-mail.
    planted.changedPassword = 'planted changed passphrase';
    await citizen.post('/account/password', {
      current_password: planted.registrationPassword,
      password: planted.changedPassword,
    });
    const forgot = browser();
    await forgot.post('/password/forgot', { email: 'planted.citizen@example.org' });
    const resetLink = /\/password\/reset\?token=([\w-]+)/.exec((await t.sentMail()).at(-1)!.text)!;
    planted.resetToken = resetLink[1]!;
    planted.resetPassword = 'planted reset passphrase';
    await forgot.get(resetLink[0]);
    assert.equal(
      (await forgot.post('/password/reset', { token: planted.resetToken, password: planted.resetPassword })).statusCode,
      303,
    );

    // An administrator signs in with TOTP (one wrong code first) and re-authenticates.
    const admin = await buildUser(t, { role: 'admin' });
    planted.adminPassword = admin.password;
    planted.totpSecret = admin.totpSecret!;
    const adminAgent = browser();
    await adminAgent.post('/login', { email: admin.email, password: admin.password });
    t.clock.advance(30_000);
    planted.wrongCode = totpCode(admin.totpSecret!, new Date(t.clock.now.getTime() + 10 * 60_000));
    await adminAgent.post('/login/totp', { code: planted.wrongCode });
    planted.totpCode = totpCode(admin.totpSecret!, t.clock.now);
    assert.equal((await adminAgent.post('/login/totp', { code: planted.totpCode })).statusCode, 303);
    await adminAgent.post('/reauth', { password: admin.password, next: '/admin' });
    await adminAgent.get('/admin/audit');

    // A staff member enrols TOTP: the new secret and the recovery codes.
    const lawyer = await buildUser(t, { role: 'lawyer', totp: false });
    const enrol = browser();
    await enrol.post('/login', { email: lawyer.email, password: lawyer.password });
    const setup = await enrol.get('/account/totp/setup');
    planted.enrolSecret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replace(/ /g, '');
    const done = await enrol.post('/account/totp/setup', { code: totpCode(planted.enrolSecret, t.clock.now) });
    planted.recoveryCode = /<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/.exec(done.body)![1]!;

    // Errors are logged too: a refused form and a 404 with a secret in the query string.
    await citizen.post('/login', { email: 'x@example.org', password: planted.wrongPassword }, { csrf: false });
    await citizen.get(
      `/no/such/page?token=${planted.resetToken}&password=${encodeURIComponent(planted.resetPassword)}`,
    );

    const logs = t.logs.join('');
    assert.ok(t.logs.length > 50, 'the logs were captured');
    assert.match(logs, /"path":"\/password\/reset"/, 'requests are logged by path');
    for (const [name, secret] of Object.entries(planted)) {
      assert.ok(secret && secret.length >= 6, `${name} was planted`);
      assert.equal(occurs(logs, secret), false, `${name} appears in the logs`);
    }
    for (const [name, marker] of Object.entries({ CLIENT_IP, FORWARDED_IP, USER_AGENT: 'Planted-UA-Marker' }))
      assert.equal(logs.includes(marker), false, `${name} appears in the logs`);
    assert.doesNotMatch(logs, /remoteAddress|remotePort|user-agent/i);
    assert.doesNotMatch(logs, /"(cookie|authorization|x-forwarded-for)"/i);
  });
});
