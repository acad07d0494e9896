/**
 * Configuration, read once at boot from environment variables and checked as a whole:
 * a wrong setting stops the start with a readable list of every problem (STYLE.md §13).
 * Secrets (SMTP password) are marked so they are never logged.
 */
import path from 'node:path';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string } // file ':memory:' in tests
  | { dialect: 'postgres'; url: string };

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  /** secret: never logged */
  password?: string;
  from: string;
}

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** true when PUBLIC_URL is https: cookies get Secure and the __Host- prefix, HSTS is sent */
  https: boolean;
  dataDir: string;
  database: DatabaseConfig;
  keyFile: string;
  mailDir: string;
  smtp: SmtpConfig | null;
  mailFrom: string;
  inboundSmtpPort: number | null;
  mailDomain: string;
  /** scrypt cost as log2(N); SECURITY.md requires >= 17 outside tests */
  scryptLog2N: number;
  seedDemo: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** days of inactivity after which an anonymous report (not kept by staff) is deleted */
  anonymousRetentionDays: number;
  /** the organisation's address that contact-form messages go to (never shown on any page); null: the coordinators */
  contactEmail: string | null;
  /** days after being marked handled that a contact-form message is deleted */
  contactRetentionDays: number;
  /** the Tesseract program that reads scanned documents (appeals/files/ocr.ts) */
  tesseract: string;
  /** time limit of the text recognition of one document, in seconds */
  ocrTimeLimitSeconds: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

function parsePort(env: Env, name: string, fallback: number | null, problems: string[]): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    problems.push(`${name} must be a port number between 0 and 65535 (got "${raw}")`);
    return fallback;
  }
  return n;
}

function parseBool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

/** Parses DATABASE_URL: absent means SQLite under the data directory. */
export function parseDatabaseUrl(raw: string | undefined, dataDir: string, problems: string[]): DatabaseConfig {
  if (raw === undefined || raw === '') return { dialect: 'sqlite', file: path.join(dataDir, 'achyk.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') problems.push('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/achyk.sqlite');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      const u = new URL(raw);
      if (!u.hostname && !u.searchParams.get('host')) problems.push('DATABASE_URL has no host name');
      if (u.pathname.length <= 1)
        problems.push('DATABASE_URL has no database name (postgres://user:password@host:5432/achyk)');
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/achyk)');
    }
    return { dialect: 'postgres', url: raw };
  }
  problems.push(
    'DATABASE_URL must start with postgres://, postgresql:// or sqlite: (leave it unset for the embedded SQLite database)',
  );
  return { dialect: 'sqlite', file: path.join(dataDir, 'achyk.sqlite') };
}

/** Builds the configuration from the environment, or throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const dataDir = path.resolve(env.ACHYK_DATA_DIR || './data');
  const port = parsePort(env, 'PORT', 3000, problems) ?? 3000;
  let publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      problems.push('PUBLIC_URL must be an http:// or https:// URL');
    publicUrl = u.origin;
  } catch {
    problems.push(`PUBLIC_URL is not a valid URL (got "${publicUrl}")`);
  }
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, problems);

  let smtp: SmtpConfig | null = null;
  const mailFrom = env.MAIL_FROM || `Achyk <no-reply@${env.MAIL_DOMAIN || 'localhost'}>`;
  if (env.SMTP_HOST) {
    smtp = {
      host: env.SMTP_HOST,
      port: parsePort(env, 'SMTP_PORT', 587, problems) ?? 587,
      secure: parseBool(env, 'SMTP_SECURE', false, problems),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from: mailFrom,
    };
    if (env.SMTP_USER && !env.SMTP_PASSWORD) problems.push('SMTP_USER is set but SMTP_PASSWORD is not');
  }
  const scryptLog2N = env.ACHYK_SCRYPT_LOG2N ? Number(env.ACHYK_SCRYPT_LOG2N) : 17;
  if (!Number.isInteger(scryptLog2N) || scryptLog2N < 17 || scryptLog2N > 22) {
    problems.push('ACHYK_SCRYPT_LOG2N must be an integer from 17 to 22 (scrypt N = 2^value)');
  }
  const anonymousRetentionDays = env.ANONYMOUS_RETENTION_DAYS ? Number(env.ANONYMOUS_RETENTION_DAYS) : 90;
  if (!Number.isInteger(anonymousRetentionDays) || anonymousRetentionDays < 7 || anonymousRetentionDays > 3650) {
    problems.push('ANONYMOUS_RETENTION_DAYS must be a whole number of days from 7 to 3650');
  }
  const contactEmail = env.CONTACT_EMAIL?.trim() || null;
  if (contactEmail && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>.]{2,}$/.test(contactEmail))
    problems.push('CONTACT_EMAIL must be one e-mail address (e.g. info@example.kg)');
  const contactRetentionDays = env.CONTACT_RETENTION_DAYS ? Number(env.CONTACT_RETENTION_DAYS) : 90;
  if (!Number.isInteger(contactRetentionDays) || contactRetentionDays < 1 || contactRetentionDays > 3650) {
    problems.push('CONTACT_RETENTION_DAYS must be a whole number of days from 1 to 3650');
  }
  const ocrTimeLimitSeconds = env.OCR_TIME_LIMIT_SECONDS ? Number(env.OCR_TIME_LIMIT_SECONDS) : 180;
  if (!Number.isInteger(ocrTimeLimitSeconds) || ocrTimeLimitSeconds < 5 || ocrTimeLimitSeconds > 3600) {
    problems.push('OCR_TIME_LIMIT_SECONDS must be a whole number of seconds from 5 to 3600');
  }
  const config: Config = {
    env: nodeEnv,
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl,
    https: publicUrl.startsWith('https:'),
    dataDir,
    database,
    keyFile: path.resolve(env.ACHYK_KEY_FILE || path.join(dataDir, 'keys.json')),
    mailDir: path.resolve(env.ACHYK_MAIL_DIR || path.join(dataDir, 'mail-outbox')),
    smtp,
    mailFrom,
    inboundSmtpPort: parsePort(env, 'INBOUND_SMTP_PORT', null, problems),
    mailDomain: env.MAIL_DOMAIN || 'localhost',
    scryptLog2N,
    seedDemo: parseBool(env, 'ACHYK_SEED_DEMO', true, problems),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseBool(env, 'TRUST_PROXY', false, problems),
    anonymousRetentionDays,
    contactEmail,
    contactRetentionDays,
    tesseract: env.ACHYK_TESSERACT || 'tesseract',
    ocrTimeLimitSeconds,
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
