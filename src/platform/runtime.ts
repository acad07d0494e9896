/**
 * Everything the app needs from a configuration: the key file and field cipher, the database
 * (migrated), the mailer. Opened once by the server and by each CLI command; the migrations to run
 * are handed in (the foundation's and the modules', see src/bootstrap.ts), never imported here.
 */
import type { Migration } from 'kysely';
import type { Config } from '../config.js';
import { openDatabase, type Connection } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { createFieldCipher, type FieldCipher } from './crypto/field-encryption.js';
import { loadOrCreateKeyFile } from './crypto/key-file.js';
import { createMailer, type Mailer } from './mail/mailer.js';

export interface Runtime {
  config: Config;
  conn: Connection;
  cipher: FieldCipher;
  mailer: Mailer;
  keyFileCreated: boolean;
  close(): Promise<void>;
}

export async function openRuntimeWith(
  config: Config,
  opts: { migrations: Readonly<Record<string, Migration>>; migrate?: boolean },
): Promise<Runtime> {
  const { keys, created } = loadOrCreateKeyFile(config.keyFile);
  const cipher = createFieldCipher(keys);
  const conn = openDatabase(config.database);
  try {
    if (opts.migrate ?? true) await migrateToLatest(conn.db, opts.migrations);
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
