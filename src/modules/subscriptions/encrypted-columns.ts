/** The subscriptions' encrypted column, registered so `achyk keys rotate` re-encrypts it. */
import { registerEncryptedColumn } from '../../platform/crypto/field-encryption.js';
import { EMAIL_CONTEXT } from './tokens.js';

registerEncryptedColumn({ table: 'subscription', key: 'id', column: 'email_enc', context: EMAIL_CONTEXT });
