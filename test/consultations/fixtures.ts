/**
 * Factories for the consultation tests: a drafting body in the directory, a consultation with a
 * text, multipart posts (the Agent posts urlencoded forms only), and a tiny DOCX writer.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { addVersion } from '../../src/modules/consultations/commands/add-version.js';
import { createConsultation, publishConsultation } from '../../src/modules/consultations/commands/save-consultation.js';
import type { Agent, FilePart } from '../support/agent.js';
import { buildBody } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

export const RU_DRAFT = `Проект Закона Кыргызской Республики «Об общественных слушаниях»

Статья 1. Предмет регулирования
Настоящий Закон регулирует порядок проведения общественных слушаний.
Действие Закона распространяется на органы местного самоуправления.

Статья 2. Сроки
Обсуждение длится не менее 15 дней.`;

let bodyCounter = 0;

/** A ministry in the directory (the drafting body), made by the body factory. */
export async function seedBody(
  t: TestApp,
  names: { ru?: string; ky?: string; en?: string } = {},
): Promise<{ id: number; code: string }> {
  bodyCounter++;
  const code = `ministry-test-${bodyCounter}-${crypto.randomBytes(3).toString('hex')}`;
  const id = await buildBody(t, {
    code,
    kind: 'ministry',
    name_ky: names.ky ?? `Сыноо министрлиги ${bodyCounter}`,
    name_ru: names.ru ?? `Тестовое министерство ${bodyCounter}`,
    name_en: names.en ?? `Test Ministry ${bodyCounter}`,
    emails: null,
  });
  return { id, code };
}

/** A consultation created through the commands: open from 1 to 14 March 2026 by default. */
export async function seedConsultation(
  t: TestApp,
  actorId: number,
  opts: {
    text?: string;
    format?: 'text' | 'markdown';
    published?: boolean;
    opensOn?: string;
    closesOn?: string;
    title?: string;
  } = {},
): Promise<number> {
  const body = await seedBody(t);
  const db = t.db.conn.db;
  const now = t.clock.now;
  return db.transaction().execute(async (trx) => {
    const id = await createConsultation({
      trx,
      input: {
        title: opts.title ?? 'Закон об общественных слушаниях',
        body: body.code,
        summary: 'Кратко о проекте.',
        official_url: '',
        opens_on: opts.opensOn ?? '2026-03-01',
        closes_on: opts.closesOn ?? '2026-03-14',
      },
      actorId,
      now,
    });
    await addVersion({
      trx,
      consultationId: id,
      text: opts.text ?? RU_DRAFT,
      format: opts.format ?? 'text',
      sourceFormat: opts.format ?? 'text',
      changeNote: null,
      actorId,
      mail: { cipher: t.cipher, publicUrl: t.config.publicUrl, now },
    });
    if (opts.published ?? true) await publishConsultation({ trx, id, actorId, now });
    return id;
  });
}

/** The paragraphs of the current version, in order. */
export async function currentParagraphs(t: TestApp, consultationId: number) {
  const db = t.db.conn.db;
  const v = await db
    .selectFrom('consultation_version')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return db
    .selectFrom('consultation_paragraph')
    .selectAll()
    .where('version_id', '=', v.id)
    .orderBy('position')
    .execute();
}

export type { FilePart } from '../support/agent.js';

/** Posts multipart/form-data as a browser would (Agent.postMultipart: the CSRF token in the query). */
export async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  file?: FilePart,
): Promise<LightMyRequestResponse> {
  return agent.postMultipart(url, fields, file ? [file] : []);
}

/** A minimal DOCX (a ZIP with stored entries) whose body has one paragraph per line of `lines`. */
export function makeDocx(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
  };
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    local.push(head, nameBuf, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const centralBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, centralBuf, end]);
}

/** Decodes the HTML entities preact uses, so tests can look for text. */
export function text(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
