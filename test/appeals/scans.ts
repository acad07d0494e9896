/**
 * Scans made inside the tests: text rendered to an image with sharp (from an SVG, in DejaVu Sans,
 * which has Cyrillic and the Kyrgyz letters), and image-only PDFs built around such an image (a JPEG
 * page, no text layer), the way a scanner writes them.
 */
import sharp from 'sharp';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A grey-scale image of the lines, about 300 dpi sized text on a white page. */
export async function scanImage(
  lines: string[],
  format: 'png' | 'jpeg' = 'png',
): Promise<{ data: Buffer; width: number; height: number }> {
  const width = 2000;
  const lineHeight = 90;
  const height = 120 + lines.length * lineHeight;
  const text = lines
    .map(
      (l, i) =>
        `<text x="80" y="${120 + i * lineHeight}" font-family="DejaVu Sans" font-size="54" fill="#111">${escapeXml(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  const img = sharp(Buffer.from(svg)).grayscale().toColourspace('b-w');
  const data = format === 'png' ? await img.png().toBuffer() : await img.jpeg({ quality: 90 }).toBuffer();
  return { data, width, height };
}

/** A PDF whose `pages` pages each show the JPEG image (no text layer). */
export function imagePdf(jpeg: Buffer, width: number, height: number, pages = 1): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1');
    parts.push(buf);
    length += buf.length;
  };
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  // Page size in points at 200 dpi.
  const w = Math.round((width * 72) / 200);
  const h = Math.round((height * 72) / 200);
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(' ');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`]);
  obj(3, [
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    jpeg,
    '\nendstream',
  ]);
  const contentObj = 4 + pages;
  for (let i = 0; i < pages; i++)
    obj(4 + i, [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 3 0 R >> >> /Contents ${contentObj} 0 R >>`,
    ]);
  obj(contentObj, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
  const xref = length;
  const count = contentObj + 1;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
