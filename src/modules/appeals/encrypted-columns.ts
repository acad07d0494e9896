/** The appeals' encrypted columns (the person an NGO files for), listed in the manifest so `achyk keys rotate` re-encrypts them. */
import type { EncryptedColumn } from '../../platform/crypto/field-encryption.js';

export const appealsEncryptedColumns: EncryptedColumn[] = [
  { table: 'appeal', key: 'id', column: 'person_name_enc', context: 'appeal.person_name' },
  { table: 'appeal', key: 'id', column: 'person_contact_enc', context: 'appeal.person_contact' },
];
