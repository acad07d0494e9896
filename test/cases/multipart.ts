/** One-file multipart bodies for the case upload tests (encoded by test/support/multipart.ts). */
import { multipartBody as encode } from '../support/multipart.js';

export function multipartBody(
  filename: string,
  content: Buffer,
  field = 'file',
): { payload: Buffer; contentType: string } {
  return encode({}, [{ field, filename, content }]);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
