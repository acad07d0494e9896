/** The subscriptions' encrypted column, listed in the manifest so `achyk keys rotate` re-encrypts it. */
import type { EncryptedColumn } from '../../platform/crypto/field-encryption.js';
import { EMAIL_CONTEXT } from './tokens.js';

export const subscriptionsEncryptedColumns: EncryptedColumn[] = [
  { table: 'subscription', key: 'id', column: 'email_enc', context: EMAIL_CONTEXT },
];
