/**
 * Removes what a file says about the person who made it, before it is stored.
 * - JPEG and PNG are decoded and re-encoded by sharp (libvips), which writes no metadata unless
 *   asked: EXIF (camera, serial number, time), its GPS block (location), XMP, IPTC, the ICC profile
 *   (converted to sRGB first) and comments are all gone. The EXIF orientation is applied to the
 *   pixels first, so the picture still stands the right way up. We report what we found so the
 *   reporter is told what was removed.
 * - PDF, DOCX and ODT are stored as sent. Their document properties (author, organisation,
 *   software, dates, revision history, comments) are NOT removed: rewriting them safely needs a
 *   full PDF or office parser, and SECURITY.md forbids unpacking archives. The reporter is warned
 *   before and after uploading (and told how to make a clean copy: print to PDF, or photograph).
 * - Plain text has no metadata.
 */
import type { Metadata } from 'sharp';

export type Removed = 'exif' | 'gps' | 'xmp' | 'iptc' | 'icc' | 'comment';

export interface Cleaned {
  data: Buffer;
  removed: Removed[];
  /** the format may keep properties we cannot remove */
  keptProperties: boolean;
}

/** Images larger than this many pixels are refused (a "decompression bomb" must not exhaust memory). */
const MAX_PIXELS = 50_000_000;

export class UnreadableImageError extends Error {
  constructor() {
    super('the image could not be read');
  }
}

/** Does the EXIF block (a TIFF structure) carry a GPS directory (tag 0x8825) in its first IFD? */
export function exifHasGps(exif: Buffer): boolean {
  let base = 0;
  if (exif.subarray(0, 6).toString('latin1') === 'Exif\0\0') base = 6;
  if (exif.length < base + 8) return false;
  const order = exif.subarray(base, base + 2).toString('latin1');
  const le = order === 'II';
  if (!le && order !== 'MM') return false;
  const u16 = (o: number) => (le ? exif.readUInt16LE(o) : exif.readUInt16BE(o));
  const u32 = (o: number) => (le ? exif.readUInt32LE(o) : exif.readUInt32BE(o));
  const ifd = base + u32(base + 4);
  if (ifd + 2 > exif.length) return false;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > exif.length) return false;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}

export async function cleanFile(mime: string, data: Buffer): Promise<Cleaned> {
  if (mime === 'image/jpeg' || mime === 'image/png') {
    const sharp = (await import('sharp')).default; // Loaded on first use, not at start: the server's memory budget (docs/performance.md, RSS).
    let meta: Metadata;
    try {
      meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
    } catch {
      throw new UnreadableImageError();
    }
    const removed: Removed[] = [];
    if (meta.exif) removed.push('exif');
    if (meta.exif && exifHasGps(meta.exif)) removed.push('gps');
    if (meta.xmp) removed.push('xmp');
    if (meta.iptc) removed.push('iptc');
    if (meta.icc) removed.push('icc');
    if (meta.comments && meta.comments.length > 0) removed.push('comment');
    try {
      const img = sharp(data, { limitInputPixels: MAX_PIXELS }).rotate();
      const out =
        mime === 'image/jpeg' ? await img.jpeg({ quality: 92, mozjpeg: false }).toBuffer() : await img.png().toBuffer();
      return { data: out, removed, keptProperties: false };
    } catch {
      throw new UnreadableImageError();
    }
  }
  if (mime.startsWith('text/plain')) return { data, removed: [], keptProperties: false };
  return { data, removed: [], keptProperties: true };
}
