/** Helpers for the appeals tests: a test SMTP server, running due jobs, the wizard, tiny documents. */
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { runDueJobs } from '../../src/platform/jobs/queue.js';
import type { TestApp } from '../support/test-app.js';

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
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              parsed,
            });
            cb();
          })
          .catch(cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The value of a hidden or text input in an HTML page. */
export function formValue(html: string, name: string): string | undefined {
  const m =
    new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html) ??
    new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html);
  return m?.[1];
}

/** Uploads one file as a multipart form (the CSRF token goes in the query, as the page's form does). */
export async function upload(
  agent: import('../support/agent.js').Agent,
  url: string,
  filename: string,
  content: Buffer | string,
) {
  return agent.postMultipart(url, {}, [{ field: 'file', filename, content }]);
}

/** Creates a draft through the wizard and returns its id. */
export async function draftThroughWizard(
  agent: import('../support/agent.js').Agent,
  bodyId: number,
  fields: Record<string, string>,
): Promise<number> {
  const created = await agent.post('/appeals/new', { body_id: String(bodyId) });
  if (created.statusCode !== 303)
    throw new Error(`draft not created: ${created.statusCode} ${created.body.slice(0, 500)}`);
  const id = Number(/\/appeals\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const saved = await agent.post(`/appeals/${id}/edit`, {
    kind: 'application',
    language: 'en',
    subject: 'Test appeal',
    text: 'Please act.',
    channel: 'email',
    ...fields,
  });
  if (saved.statusCode !== 303) throw new Error(`draft not saved: ${saved.statusCode} ${saved.body.slice(0, 1500)}`);
  return id;
}

/** A one-page PDF with the text "Appeal answer 2026" (byte offsets in the xref table computed here). */
export function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 20 60 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 20 60 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A minimal DOCX: a ZIP (stored, not compressed) with the three parts Word needs. */
export function tinyDocx(text: string): Buffer {
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
