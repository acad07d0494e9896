/**
 * Checks a document's content against its extension by magic bytes (SECURITY.md "Uploads"). Only
 * the head of the file is read; archives (DOCX, ODT are ZIP files) are never unpacked: the names in
 * their first local headers are enough to tell a Word or OpenDocument text from any other ZIP.
 */

export const ALLOWED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'odt', 'txt'] as const;
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number];

const MIME: Record<AllowedExtension, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
};

/** How many bytes of the head the check needs (the upload keeps this much in memory). */
export const SNIFF_BYTES = 64 * 1024;

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

export function isAllowedExtension(ext: string): ext is AllowedExtension {
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(ext);
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function isUtf8Text(head: Buffer, complete: boolean): boolean {
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the head: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

/**
 * The MIME type when `head` matches `ext`, else null.
 *
 * @param complete whether `head` is the whole file (a short TXT file)
 */
export function sniff(ext: AllowedExtension, head: Buffer, complete: boolean): string | null {
  let ok: boolean;
  switch (ext) {
    case 'pdf':
      ok = head.subarray(0, 5).toString('latin1') === '%PDF-';
      break;
    case 'jpg':
    case 'jpeg':
      ok = startsWith(head, [0xff, 0xd8, 0xff]);
      break;
    case 'png':
      ok = startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      break;
    case 'docx':
      ok = startsWith(head, ZIP) && head.includes('word/') && head.includes('[Content_Types].xml');
      break;
    case 'odt':
      // OpenDocument: the first entry is an uncompressed "mimetype" file naming the document type.
      ok =
        startsWith(head, ZIP) &&
        head.subarray(30, 38).toString('latin1') === 'mimetype' &&
        head.subarray(38, 77).toString('latin1') === 'application/vnd.oasis.opendocument.text';
      break;
    case 'txt':
      ok = isUtf8Text(head, complete);
      break;
  }
  return ok ? MIME[ext] : null;
}
