/**
 * Text recognition (OCR) of scanned documents: bodies often answer with a scan of a stamped letter,
 * which has no text to search or redact. We run Tesseract (Debian packages `tesseract-ocr`,
 * `tesseract-ocr-kir`, `tesseract-ocr-rus`) as a child process, never in the server's own process:
 * a corrupt or hostile image can only crash or stall the child, which is killed at the time limit.
 *
 * - Images (JPEG, PNG) are first normalised with sharp (grey, at most 40 megapixels, small scans
 *   enlarged), which also refuses a corrupt file before Tesseract sees it.
 * - A PDF without a text layer is rasterised page by page with `pdftoppm` (Debian `poppler-utils`:
 *   a maintained renderer that works here without a browser canvas; sharp's bundled libvips has no
 *   PDF loader, and pdf.js would need a native canvas package), at 300 dpi in grey, then each page
 *   is recognised. At most {@link MAX_OCR_PAGES} pages are read; a longer document is read in part
 *   ("partial", with the count).
 * - One time limit covers the whole document; each child gets what is left of it.
 *
 * The result is a status, never an exception: 'unavailable' when Tesseract (or its Kyrgyz and
 * Russian data) is not installed, 'failed' for a file that cannot be read, 'timeout', 'empty' when
 * no text was found, 'partial' or 'done'.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How text recognition of a scan went ('queued' until the job has run). */
export const OCR_STATUSES = ['queued', 'done', 'partial', 'empty', 'failed', 'timeout', 'unavailable'] as const;
export type OcrStatus = (typeof OCR_STATUSES)[number];

/** Pages of a PDF read at most (a 100-page scan is read in part; the status says so). */
export const MAX_OCR_PAGES = 30;
/** Largest text kept from one document (the same bound as the text layer's). */
const MAX_TEXT = 1_000_000;

export interface OcrOptions {
  /** the tesseract program (config ACHYK_TESSERACT) */
  tesseract: string;
  /** time limit for the whole document, in milliseconds */
  timeLimitMs: number;
  /** languages in order of preference: the appeal's language first */
  languages: readonly ('kir' | 'rus' | 'eng')[];
}

export interface OcrResult {
  status: Exclude<OcrStatus, 'queued'>;
  text: string | null;
  pages: number;
  pagesTotal: number;
}

interface Run {
  ok: boolean;
  stdout: string;
  /** the program is not there */
  missing: boolean;
  timedOut: boolean;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    if (timeoutMs <= 0) return resolve({ ok: false, stdout: '', missing: false, timedOut: true });
    execFile(
      cmd,
      args,
      // One thread: the machine's cores serve requests too. The child is killed outright at the limit.
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 8 * 1024 * 1024,
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        windowsHide: true,
      },
      (err, stdout) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: string }) | null;
        resolve({
          ok: !e,
          stdout: String(stdout ?? ''),
          missing: e?.code === 'ENOENT',
          timedOut: !!e && (e.killed === true || e.signal === 'SIGKILL'),
        });
      },
    );
  });
}

const languageCache = new Map<string, Promise<string[] | null>>();

/** The languages this Tesseract has (null: the program is not installed). Asked once per program. */
export function installedLanguages(tesseract: string): Promise<string[] | null> {
  let p = languageCache.get(tesseract);
  if (!p) {
    p = run(tesseract, ['--list-langs'], 10_000).then((r) =>
      r.missing || !r.ok
        ? null
        : r.stdout
            .split('\n')
            .slice(1)
            .map((l) => l.trim())
            .filter(Boolean),
    );
    languageCache.set(tesseract, p);
  }
  return p;
}

function clean(text: string): string {
  return text
    .replace(/\u000c/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Recognises one page image; null text when the time ran out or the child failed. */
async function recognise(o: OcrOptions, image: string, langs: string, deadline: number): Promise<Run> {
  return run(o.tesseract, [image, 'stdout', '-l', langs, '--psm', '3'], deadline - Date.now());
}

/**
 * Reads the text of a scanned document (`mime`: image/jpeg, image/png or application/pdf).
 * Temporary files live in a private folder that is always removed.
 */
export async function recogniseDocument(mime: string, data: Buffer, o: OcrOptions): Promise<OcrResult> {
  const deadline = Date.now() + o.timeLimitMs;
  const none = (status: OcrResult['status'], pagesTotal = 0): OcrResult => ({
    status,
    text: null,
    pages: 0,
    pagesTotal,
  });
  const have = await installedLanguages(o.tesseract);
  const langs = o.languages.filter((l) => have?.includes(l));
  if (!have || !langs.includes('kir') || !langs.includes('rus')) return none('unavailable');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-ocr-'));
  try {
    const pages: string[] = [];
    let pagesTotal = 1;
    if (mime === 'application/pdf') {
      const input = path.join(dir, 'in.pdf');
      fs.writeFileSync(input, data, { mode: 0o600 });
      const info = await run('pdfinfo', [input], Math.min(15_000, deadline - Date.now()));
      if (info.missing) return none('unavailable');
      const count = /^Pages:\s+(\d+)/m.exec(info.stdout);
      if (!info.ok || !count) return none(info.timedOut ? 'timeout' : 'failed');
      pagesTotal = Number(count[1]);
      if (pagesTotal === 0) return none('empty');
      let text = '';
      let read = 0;
      for (let page = 1; page <= Math.min(pagesTotal, MAX_OCR_PAGES); page++) {
        const base = path.join(dir, `p${page}`);
        const raster = await run(
          'pdftoppm',
          ['-r', '300', '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), input, base],
          deadline - Date.now(),
        );
        if (raster.missing) return none('unavailable');
        if (!raster.ok || !fs.existsSync(`${base}.png`)) {
          if (raster.timedOut || Date.now() >= deadline) return finish(text, read, pagesTotal, 'timeout');
          return read > 0 ? finish(text, read, pagesTotal, 'partial') : none('failed', pagesTotal);
        }
        const r = await recognise(o, `${base}.png`, langs.join('+'), deadline);
        fs.rmSync(`${base}.png`, { force: true });
        if (!r.ok)
          return r.timedOut || Date.now() >= deadline
            ? finish(text, read, pagesTotal, 'timeout')
            : read > 0
              ? finish(text, read, pagesTotal, 'partial')
              : none('failed', pagesTotal);
        text += `${clean(r.stdout)}\n\n`;
        read++;
        if (text.length >= MAX_TEXT) break;
      }
      return finish(text, read, pagesTotal, read < pagesTotal ? 'partial' : 'done');
    }
    // An image: normalised by sharp first (refuses a corrupt file; bounds the pixels Tesseract reads).
    const sharp = (await import('sharp')).default;
    const image = path.join(dir, 'page.png');
    try {
      const meta = await sharp(data, { limitInputPixels: 40_000_000 }).metadata();
      const small = (meta.width ?? 0) < 1200;
      await sharp(data, { limitInputPixels: 40_000_000 })
        .rotate()
        .grayscale()
        .resize(small ? { width: Math.min(2400, (meta.width ?? 1200) * 2) } : undefined)
        .png()
        .toFile(image);
    } catch {
      return none('failed');
    }
    pages.push(image);
    const r = await recognise(o, image, langs.join('+'), deadline);
    if (!r.ok) return none(r.missing ? 'unavailable' : r.timedOut ? 'timeout' : 'failed', 1);
    return finish(r.stdout, 1, 1, 'done');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function finish(raw: string, pages: number, pagesTotal: number, status: OcrResult['status']): OcrResult {
  const text = clean(raw).slice(0, MAX_TEXT);
  if (!text) return { status: status === 'done' ? 'empty' : status, text: null, pages, pagesTotal };
  return { status, text, pages, pagesTotal };
}

/** The OCR languages for an appeal's language: its own first, then the others of the country. */
export function ocrLanguages(language: string): OcrOptions['languages'] {
  if (language === 'ru') return ['rus', 'kir'];
  if (language === 'en') return ['eng', 'rus', 'kir'];
  return ['kir', 'rus'];
}

/** Whether a document of this type can be read by OCR when it has no text of its own. */
export function needsOcr(mime: string, text: string | null): boolean {
  return text === null && (mime === 'image/jpeg' || mime === 'image/png' || mime === 'application/pdf');
}
