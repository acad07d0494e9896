/**
 * Opens everything the app needs from a configuration: the database (migrated), the key file and
 * cipher, the mailer. Shared by the server and the CLI.
 */
import type { Config } from './config.js';
import { openDatabase, type Connection } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createFieldCipher, type FieldCipher } from './platform/crypto/field-encryption.js';
import { loadOrCreateKeyFile } from './platform/crypto/key-file.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';

export interface Runtime {
  config: Config;
  conn: Connection;
  cipher: FieldCipher;
  mailer: Mailer;
  keyFileCreated: boolean;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const { keys, created } = loadOrCreateKeyFile(config.keyFile);
  const cipher = createFieldCipher(keys);
  const conn = openDatabase(config.database);
  try {
    if (opts.migrate ?? true) await migrateToLatest(conn.db);
  } catch (err) {
    await conn.close();
    throw err;
  }
  const mailer = createMailer(config);
  return {
    config,
    conn,
    cipher,
    mailer,
    keyFileCreated: created,
    async close() {
      mailer.close();
      await conn.close();
    },
  };
}
