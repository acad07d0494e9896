/** serve, migrate, audit verify, keys rotate. */
import { loadConfig } from '../../config.js';
import { parseArgs } from 'node:util';
import { checkAuditAnchor, verifyAuditChain } from '../../platform/audit/audit-log.js';
import { rotateKeys } from '../../platform/crypto/rotate.js';
import { progressBar } from '../../platform/cli/progress.js';
import type { CliCommand } from '../../platform/cli/command.js';
import { migrateToLatest } from '../../platform/db/migrate.js';

export const serveCommand: CliCommand = {
  summary: 'start the web server (same as npm start)',
  async run() {
    const { serve } = await import('../../server.js');
    await serve();
  },
};

export const migrateCommand: CliCommand = {
  summary: 'bring the database schema up to date',
  async run(_args, cli) {
    const runtime = await cli.openRuntime({ migrate: false });
    try {
      const result = await migrateToLatest(runtime.conn.db, cli.migrations);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await runtime.close();
    }
  },
};

export const auditVerifyCommand: CliCommand = {
  summary: 'recompute the audit hash chain and name the first bad row [--anchor SEQ:HASH]',
  async run(args, cli) {
    const { values } = parseArgs({ args, options: { anchor: { type: 'string' } } });
    const runtime = await cli.openRuntime();
    try {
      const bar = progressBar();
      let started = false;
      const result = await verifyAuditChain(runtime.conn.db, (done, total) => {
        if (!started) bar.start(total, 'Verifying');
        started = true;
        bar.update(done);
      });
      bar.stop();
      if (!result.ok) {
        console.error(`Audit chain BROKEN at row ${result.firstBadSeq}: ${result.problem}`);
        process.exitCode = 1;
        return;
      }
      console.log(`Audit chain OK: ${result.checked} entries verified.`);
      if (result.headHash) console.log(`Anchor (keep a copy off this server): ${result.checked}:${result.headHash}`);
      if (values.anchor) {
        const anchored = await checkAuditAnchor(runtime.conn.db, values.anchor);
        if (anchored.ok) console.log('The anchor is still part of the chain.');
        else {
          console.error(`Audit chain BROKEN: ${anchored.problem}`);
          process.exitCode = 1;
        }
      }
    } finally {
      await runtime.close();
    }
  },
};

export const keysRotateCommand: CliCommand = {
  summary: 'add a new encryption key and re-encrypt every encrypted field with it',
  async run(_args, cli) {
    const config = loadConfig();
    const runtime = await cli.openRuntime({ config });
    try {
      const result = await rotateKeys({ db: runtime.conn.db, keyFile: config.keyFile });
      console.log(
        `New active key ${result.newKeyId}; re-encrypted ${result.reencrypted} values. Old keys stay in the key file for old backups. Restart a running server so it loads the new key.`,
      );
    } finally {
      await runtime.close();
    }
  },
};
