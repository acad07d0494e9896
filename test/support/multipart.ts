/** multipart/form-data bodies as a browser sends them (the one hand-written encoder of the tests). */
import crypto from 'node:crypto';

export interface FilePart {
  /** the form field (`file`, `files`, `csv`, …) */
  field: string;
  filename: string;
  content: Buffer | string;
  /** the part's Content-Type (a browser guesses it from the name; the server must not trust it) */
  type?: string;
}

/**
 * A multipart body: text fields (repeated keys as pairs), then the files. Names go out as given
 * (quotes and CR/LF included), so the fuzzer can send what a hostile client would.
 */
export function multipartBody(
  fields: Record<string, string> | [string, string][],
  files: FilePart[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = `----achyk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
