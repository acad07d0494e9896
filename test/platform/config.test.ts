/**
 * STYLE.md §13: configuration is checked once at boot, and a wrong setting stops the start with a
 * readable list of every problem (exit code 2), never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig, parseDatabaseUrl } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ACHYK_DATA_DIR: '/tmp/achyk-config-test', ...env });
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  return [];
}

describe('loadConfig', () => {
  test('defaults: SQLite under the data directory, port 3000, plain http, scrypt 2^17', () => {
    const c = loadConfig({ ACHYK_DATA_DIR: '/srv/achyk' });
    assert.deepEqual(c.database, { dialect: 'sqlite', file: '/srv/achyk/achyk.sqlite' });
    assert.equal(c.port, 3000);
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.https, false);
    assert.equal(c.keyFile, '/srv/achyk/keys.json');
    assert.equal(c.smtp, null);
    assert.equal(c.scryptLog2N, 17);
    assert.equal(c.host, '127.0.0.1');
  });

  test('an https public address turns on the https settings', () => {
    const c = loadConfig({
      PUBLIC_URL: 'https://achyk.example.org/',
      DATABASE_URL: 'postgres://achyk:pw@db.internal:5432/achyk',
    });
    assert.equal(c.https, true);
    assert.equal(c.publicUrl, 'https://achyk.example.org');
    assert.deepEqual(c.database, { dialect: 'postgres', url: 'postgres://achyk:pw@db.internal:5432/achyk' });
  });

  test('every problem is listed in one ConfigError', () => {
    const env = {
      DATABASE_URL: 'mysql://root@localhost/achyk',
      PORT: 'eighty',
      PUBLIC_URL: 'ftp://files.example.org',
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: '99999',
      SMTP_USER: 'mailer',
      SMTP_SECURE: 'perhaps',
      ACHYK_SCRYPT_LOG2N: '12',
      LOG_LEVEL: 'loud',
      TRUST_PROXY: 'sometimes',
      INBOUND_SMTP_PORT: '-1',
      ACHYK_SEED_DEMO: 'maybe',
    };
    let error: ConfigError | null = null;
    try {
      loadConfig({ ACHYK_DATA_DIR: '/tmp/x', ...env });
    } catch (err) {
      error = err as ConfigError;
    }
    assert.ok(error instanceof ConfigError);
    const expected = [
      /DATABASE_URL must start with postgres:\/\//,
      /PORT must be a port number .+"eighty"/,
      /PUBLIC_URL must be an http/,
      /SMTP_PORT must be a port number .+"99999"/,
      /SMTP_SECURE must be true or false/,
      /SMTP_USER is set but SMTP_PASSWORD is not/,
      /ACHYK_SCRYPT_LOG2N must be an integer from 17 to 22/,
      /LOG_LEVEL must be one of/,
      /TRUST_PROXY must be true or false/,
      /INBOUND_SMTP_PORT must be a port number/,
      /ACHYK_SEED_DEMO must be true or false/,
    ];
    for (const re of expected)
      assert.ok(
        error.problems.some((p) => re.test(p)),
        `missing problem ${re}`,
      );
    assert.equal(error.problems.length, expected.length, error.problems.join('\n'));
    // One readable message: a heading, then one line per problem.
    const lines = error.message.split('\n');
    assert.equal(lines[0], 'Invalid configuration:');
    assert.equal(lines.length, expected.length + 1);
    for (const line of lines.slice(1)) assert.match(line, /^ {2}- /);
  });

  test('malformed database addresses are explained', () => {
    assert.ok(problemsOf({ DATABASE_URL: 'postgres://' }).some((p) => /no host name|not a valid URL/.test(p)));
    assert.ok(problemsOf({ DATABASE_URL: 'postgres://db.internal:5432' }).some((p) => /no database name/.test(p)));
    assert.ok(problemsOf({ DATABASE_URL: 'postgres://u:p@[::1/achyk' }).some((p) => /not a valid URL/.test(p)));
    assert.ok(problemsOf({ DATABASE_URL: 'sqlite:' }).some((p) => /needs a file path/.test(p)));
    assert.deepEqual(parseDatabaseUrl('sqlite::memory:', '/d', []), { dialect: 'sqlite', file: ':memory:' });
    assert.deepEqual(parseDatabaseUrl('sqlite:///var/lib/achyk/a.sqlite', '/d', []), {
      dialect: 'sqlite',
      file: '/var/lib/achyk/a.sqlite',
    });
  });

  test('a public address that is not a URL, and SMTP with user and password, are handled', () => {
    assert.ok(problemsOf({ PUBLIC_URL: 'achyk.example.org' }).some((p) => /PUBLIC_URL is not a valid URL/.test(p)));
    const c = loadConfig({
      ACHYK_DATA_DIR: '/tmp/x',
      SMTP_HOST: 'smtp.example.org',
      SMTP_USER: 'u',
      SMTP_PASSWORD: 'secret-pw',
      SMTP_SECURE: 'yes',
      SMTP_PORT: '465',
    });
    assert.deepEqual(
      { ...c.smtp, from: undefined },
      { host: 'smtp.example.org', port: 465, secure: true, user: 'u', password: 'secret-pw', from: undefined },
    );
  });
});

describe('npm start with a bad configuration', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-start-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function start(env: Record<string, string>) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ACHYK_DATA_DIR: dir, PORT: '0', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
  }

  test('a malformed DATABASE_URL stops the start with exit code 2 and a readable message', () => {
    const res = start({
      DATABASE_URL: 'mysql://root@localhost/achyk',
      SMTP_HOST: 'smtp.example.org',
      SMTP_USER: 'mailer',
      SMTP_PASSWORD: '',
    });
    assert.equal(res.status, 2, res.stderr);
    assert.match(
      res.stderr,
      /^Invalid configuration:\n {2}- DATABASE_URL must start with postgres:\/\/, postgresql:\/\/ or sqlite:/,
    );
    assert.match(res.stderr, /SMTP_USER is set but SMTP_PASSWORD is not/);
    assert.doesNotMatch(res.stderr, /\bat .+:\d+:\d+/, 'no stack trace');
    assert.equal(fs.existsSync(path.join(dir, 'keys.json')), false, 'nothing was created');
  });

  test('an unreachable PostgreSQL server stops the start with exit code 2 and says so', () => {
    const res = start({ DATABASE_URL: 'postgres://achyk:secret-db-pw@127.0.0.1:1/achyk' });
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, /^Cannot open the database \(postgres\)/);
    assert.doesNotMatch(res.stderr, /secret-db-pw/, 'the password is not printed');
  });

  test('a malformed key file stops the start with exit code 2', () => {
    fs.writeFileSync(path.join(dir, 'keys.json'), 'not json');
    const res = start({});
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, /keys\.json is not valid JSON/);
    fs.rmSync(path.join(dir, 'keys.json'));
  });
});
