/**
 * Text of documents for search: TXT as is, PDF with pdf.js (4.x, with `isEvalSupported: false`, the
 * setting that closes CVE-2024-4367's code path even on patched versions), DOCX with mammoth.
 *
 * Extraction never blocks storing a document: a file that cannot be read (broken, encrypted, a scan
 * without a text layer) is kept with no text. Limits: at most 200 PDF pages, 1 MB of text, 15 s.
 * A scan (an image, or a PDF whose text layer is empty) then falls back to text recognition in the
 * background: attachFile queues it (ocr-job.ts, platform/files/ocr.ts).
 * A DOCX is a ZIP archive; before mammoth opens it, the central directory must declare at most 50 MB
 * uncompressed in total and contain word/document.xml, which stops the ordinary "zip bomb".
 */

const MAX_TEXT = 1_000_000;
const MAX_PAGES = 200;
const TIMEOUT_MS = 15_000;
const MAX_DECLARED_BYTES = 50 * 1024 * 1024;

function withTimeout<T>(p: Promise<T>): Promise<T | null> {
  return Promise.race([p, new Promise<null>((resolve) => setTimeout(() => resolve(null), TIMEOUT_MS).unref())]);
}

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}
interface PdfJs {
  getDocument(src: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: PdfTextItem[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  try {
    let out = '';
    for (let i = 1; i <= Math.min(doc.numPages, MAX_PAGES) && out.length < MAX_TEXT; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      out += content.items.map((it) => (it.str ?? '') + (it.hasEOL ? '\n' : '')).join('') + '\n';
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** True when a ZIP's central directory lists word/document.xml and a bounded total size. */
export function isBoundedDocx(data: Buffer): boolean {
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > data.length) return false;
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  let total = 0;
  let hasDocument = false;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) return false;
    total += data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    if (data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8') === 'word/document.xml')
      hasDocument = true;
    offset += 46 + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return hasDocument && total <= MAX_DECLARED_BYTES;
}

async function docxText(data: Buffer): Promise<string> {
  if (!isBoundedDocx(data)) return '';
  const m = (await import('mammoth')) as unknown as {
    default?: { extractRawText(i: { buffer: Buffer }): Promise<{ value: string }> };
    extractRawText?(i: { buffer: Buffer }): Promise<{ value: string }>;
  };
  const mammoth = m.default ?? (m as { extractRawText(i: { buffer: Buffer }): Promise<{ value: string }> });
  return (await mammoth.extractRawText({ buffer: data })).value;
}

/** The text of a document for search, or null when it has none we can read. */
export async function extractText(mime: string, data: Buffer): Promise<string | null> {
  try {
    let text: string | null = null;
    if (mime.startsWith('text/plain')) text = data.toString('utf8');
    else if (mime === 'application/pdf') text = await withTimeout(pdfText(data));
    else if (mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      text = await withTimeout(docxText(data));
    const clean = text
      ?.replace(/\u0000/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return clean ? clean.slice(0, MAX_TEXT) : null;
  } catch {
    return null;
  }
}
