/**
 * Inbound mail, the appeals' reply channel: the SMTP receiver, a background service of the appeals
 * manifest (started by src/server.ts when INBOUND_SMTP_PORT is set). `startInboundMail(app)` wires
 * the receiver to the app's database and services.
 */
import type { FastifyInstance } from 'fastify';
import { startInboundSmtp, type InboundServer } from './receiver.js';

/** Starts the receiver when configured; returns null when INBOUND_SMTP_PORT is not set. */
export async function startInboundMail(app: FastifyInstance): Promise<InboundServer | null> {
  const { config, db, cipher, now } = app.achyk;
  if (config.inboundSmtpPort === null) return null;
  return startInboundSmtp({
    db,
    cipher,
    dataDir: config.dataDir,
    mailDomain: config.mailDomain,
    port: config.inboundSmtpPort,
    host: process.env.INBOUND_SMTP_HOST || '0.0.0.0',
    now,
    onError: (err) => app.log.error({ err }, 'inbound mail failed'),
  });
}
