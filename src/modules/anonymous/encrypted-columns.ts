/**
 * The anonymous channel's encrypted columns, listed in the manifest so `achyk keys rotate` re-encrypts them.
 * `ctxOf` gives the AAD context binding each envelope to its column.
 */
import type { EncryptedColumn } from '../../platform/crypto/field-encryption.js';
import { KEY_CONTEXT } from './files/encrypted-store.js';

export const CTX = {
  body: 'anonymous_report.body_ref',
  what: 'anonymous_report.what',
  when: 'anonymous_report.when',
  where: 'anonymous_report.where',
  message: 'anonymous_message.body',
  fileName: 'anonymous_file.name',
  fileSha: 'anonymous_file.sha256',
  fileKey: KEY_CONTEXT,
} as const;

export const anonymousEncryptedColumns: EncryptedColumn[] = [
  { table: 'anonymous_report', key: 'id', column: 'body_ref_enc', context: CTX.body },
  { table: 'anonymous_report', key: 'id', column: 'what_enc', context: CTX.what },
  { table: 'anonymous_report', key: 'id', column: 'when_enc', context: CTX.when },
  { table: 'anonymous_report', key: 'id', column: 'where_enc', context: CTX.where },
  { table: 'anonymous_message', key: 'id', column: 'body_enc', context: CTX.message },
  { table: 'anonymous_file', key: 'id', column: 'name_enc', context: CTX.fileName },
  { table: 'anonymous_file', key: 'id', column: 'sha256_enc', context: CTX.fileSha },
  { table: 'anonymous_file', key: 'id', column: 'key_enc', context: CTX.fileKey },
];
