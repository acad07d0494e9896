/** Helpers for the appeals tests: bodies in the directory, a test SMTP server, running due jobs. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { searchKey } from '../../src/modules/directory/search-key.js';
import { runDueJobs } from '../../src/platform/jobs/queue.js';
import type { TestApp } from '../support/test-app.js';

let counter = 0;

export interface BodyOverrides {
  name_ky?: string;
  name_ru?: string;
  name_en?: string;
  kind?: 'ministry' | 'agency' | 'prosecutor' | 'ombudsman' | 'aiyl_okmotu' | 'cabinet' | 'other';
  emails?: string | null;
  supervisor_id?: number | null;
  active_to?: string | null;
  code?: string;
}

/** Inserts a body into the directory and returns its id. */
export async function makeBody(t: TestApp, o: BodyOverrides = {}): Promise<number> {
  counter++;
  const names = { name_ky: o.name_ky ?? `Сыноо органы ${counter}`, name_ru: o.name_ru ?? `Тестовый орган ${counter}`, name_en: o.name_en ?? `Test body ${counter}` };
  const at = t.clock.now.toISOString();
  const row = await t.db.conn.db
    .insertInto('body')
    .values({
      code: o.code ?? `test-body-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      kind: o.kind ?? 'ministry',
      institution_type: null,
      ...names,
      territory_id: null,
      supervisor_id: o.supervisor_id ?? null,
      emails: o.emails === undefined ? `body${counter}@gov.example.kg` : o.emails,
      address: null,
      phone: null,
      website: null,
      contact_unknown: 0,
      active_from: null,
      active_to: o.active_to ?? null,
      merged_into_id: null,
      search_key: searchKey([names.name_ky, names.name_ru, names.name_en]),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Runs the due jobs (mail sending, sweeps) at the test clock's time. */
export async function runJobs(t: TestApp): Promise<void> {
  const { db, config, cipher, mailer } = t.app.achyk;
  await runDueJobs({ db, services: { config, cipher, mailer }, now: t.clock.now, limit: 100 });
}

export interface Smtp {
  port: number;
  received: { envelope: { from: string; to: string[] }; raw: Buffer; parsed: ParsedMail }[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives (plays the bodies' mail server). */
export async function startTestSmtp(): Promise<Smtp> {
  const received: Smtp['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            received.push({ envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed });
            cb();
          })
          .catch(cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The value of a hidden or text input in an HTML page. */
export function formValue(html: string, name: string): string | undefined {
  const m = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html);
  return m?.[1];
}

/** Uploads one file as a multipart form (the CSRF token goes in the query, as the page's form does). */
export async function upload(agent: import('../support/agent.js').Agent, url: string, filename: string, content: Buffer | string) {
  const boundary = '----achyktest' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const csrf = await agent.csrf();
  return agent.app.inject({
    method: 'POST',
    url: `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrf)}`,
    payload: body,
    headers: { ...agent.headers, 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: agent.cookieHeader() },
  });
}

/** Creates a draft through the wizard and returns its id. */
export async function draftThroughWizard(agent: import('../support/agent.js').Agent, bodyId: number, fields: Record<string, string>): Promise<number> {
  const created = await agent.post('/appeals/new', { body_id: String(bodyId) });
  if (created.statusCode !== 303) throw new Error(`draft not created: ${created.statusCode} ${created.body.slice(0, 500)}`);
  const id = Number(/\/appeals\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const saved = await agent.post(`/appeals/${id}/edit`, { kind: 'application', language: 'en', subject: 'Test appeal', text: 'Please act.', channel: 'email', ...fields });
  if (saved.statusCode !== 303) throw new Error(`draft not saved: ${saved.statusCode} ${saved.body.slice(0, 1500)}`);
  return id;
}
