/**
 * Outgoing mail through nodemailer. With SMTP configured, mail goes to that server; without it,
 * each message is written as an .eml file under the mail folder (./data/mail-outbox), so a fresh
 * install works and nothing is lost; the console says so at start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Config } from '../../config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  headers?: Record<string, string>;
  /** files read from disk when the letter is sent (the stored documents, never copies) */
  attachments?: { filename: string; path: string; contentType?: string }[];
}

export interface Mailer {
  readonly mode: 'smtp' | 'folder';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * nodemailer is loaded with the first letter, not at start (the server's memory budget,
 * docs/performance.md, RSS): a transport made on first use, kept for the next ones.
 */
function lazyTransport(options: object): { get(): Promise<Transporter>; close(): void } {
  let made: Promise<Transporter> | undefined;
  return {
    get: () => (made ??= import('nodemailer').then((m) => m.default.createTransport(options))),
    close: () => void made?.then((t) => t.close()),
  };
}

export function createMailer(config: Pick<Config, 'smtp' | 'mailDir' | 'mailFrom'>): Mailer {
  if (config.smtp) {
    const { host, port, secure, user, password } = config.smtp;
    const transport = lazyTransport({ host, port, secure, auth: user ? { user, pass: password } : undefined });
    return {
      mode: 'smtp',
      async send(mail) {
        const info = await (await transport.get()).sendMail({ from: config.mailFrom, ...mail });
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'folder',
    async send(mail) {
      const info = await (await transport.get()).sendMail({ from: config.mailFrom, ...mail });
      fs.mkdirSync(config.mailDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`;
      const tmp = path.join(config.mailDir, `.${name}.tmp`);
      fs.writeFileSync(tmp, info.message as Buffer, { mode: 0o600 });
      fs.renameSync(tmp, path.join(config.mailDir, name));
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
