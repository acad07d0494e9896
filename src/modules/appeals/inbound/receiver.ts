/**
 * The built-in SMTP receiver (smtp-server), off by default and started by the server when
 * INBOUND_SMTP_PORT is set. It accepts mail for MAIL_DOMAIN only (other domains get 550: we are not
 * a relay), has no AUTH or STARTTLS (run it behind a real MTA that handles TLS and spam, see
 * docs/appeals.md), and hands each message to `processInbound`. A message over the size limit is
 * recorded in the holding pen (its head kept) and refused with 552, so the sender learns it too.
 * A failure to store answers 451 so the sending server retries later.
 */
import type { AddressInfo } from 'node:net';
import { processInbound, type InboundDeps } from './process-message.js';

export interface InboundServer {
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_INBOUND_MAX_BYTES = 25 * 1024 * 1024;
/** What is kept of a message that is too large: enough for the headers and the start of the text. */
const TOO_LARGE_KEEP = 256 * 1024;

function smtpError(message: string, code: number): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startInboundSmtp(
  deps: InboundDeps & {
    port: number;
    host?: string;
    maxBytes?: number;
    now?: () => Date;
    onError?: (err: unknown) => void;
  },
): Promise<InboundServer> {
  const maxBytes = deps.maxBytes ?? DEFAULT_INBOUND_MAX_BYTES;
  const domain = deps.mailDomain.toLowerCase();
  const { SMTPServer } = await import('smtp-server'); // Loaded on first use, not at start: the server's memory budget (docs/performance.md, RSS).
  const server = new SMTPServer({
    name: deps.mailDomain,
    banner: 'Achyk inbound mail',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: maxBytes,
    // Keep receiving past the limit (without storing) so the message can be recorded, not just refused.
    hideSize: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@');
      if (at < 0 || address.address.slice(at + 1).toLowerCase() !== domain)
        return callback(smtpError('Relay access denied', 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let kept = 0;
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        const room = (size > maxBytes ? TOO_LARGE_KEEP : maxBytes) - kept;
        if (room > 0) {
          const part = chunk.subarray(0, room);
          chunks.push(part);
          kept += part.length;
        }
      });
      stream.on('end', () => {
        const tooLarge = stream.sizeExceeded || size > maxBytes;
        const raw = Buffer.concat(chunks).subarray(0, tooLarge ? TOO_LARGE_KEEP : undefined);
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        processInbound(deps, raw, envelope, { tooLarge, size, now: deps.now?.() ?? new Date() })
          .then(() =>
            callback(
              tooLarge
                ? smtpError(`Message too large (limit ${maxBytes} bytes); recorded for the administrator`, 552)
                : null,
            ),
          )
          .catch((err: unknown) => {
            deps.onError?.(err);
            callback(smtpError('Temporary failure storing the message, try again later', 451));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host ?? '0.0.0.0', () => resolve());
  });
  server.on('error', (err) => deps.onError?.(err));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
