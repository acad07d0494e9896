/**
 * The one rule for file names that came from outside (an upload, an e-mail attachment): kept for
 * display and for `Content-Disposition`, never used as a path. Path separators, control characters
 * and bidirectional formatting characters become "_": an override such as "invoice\u202Efdp.exe"
 * shows as "invoiceexe.pdf" and would hide the real extension. The result is at most 200 characters.
 */

/** Path separators, C0/C1 control characters, DEL and the bidi embeddings, overrides and isolates. */
const UNSAFE_NAME_CHARS = /[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name safe to store and show.
 *
 * @example
 * safeFileName('invoice\u202Efdp.exe'); // 'invoice_fdp.exe'
 * safeFileName('../../etc/passwd');      // '.._.._etc_passwd'
 */
export function safeFileName(raw: string): string {
  return raw.replace(UNSAFE_NAME_CHARS, '_').slice(0, MAX_FILE_NAME_LENGTH);
}
