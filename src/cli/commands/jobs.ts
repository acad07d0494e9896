/** achyk jobs run: runs the due jobs once (for cron, alongside or instead of the in-process runner). */
import { loadConfig } from '../../config.js';
import { openRuntime } from '../../bootstrap.js';
import { runDueJobs } from '../../platform/jobs/queue.js';
import '../../platform/mail/outbox.js';
import '../../modules/index.js';
import type { CliCommand } from './command.js';

export const jobsRunCommand: CliCommand = {
  summary: 'run the jobs that are due now (mail, reminders, sweeps), then exit',
  async run() {
    const runtime = await openRuntime(loadConfig());
    try {
      const total = { done: 0, retried: 0, failed: 0 };
      for (;;) {
        const r = await runDueJobs({ db: runtime.conn.db, services: runtime, now: new Date(), limit: 100 });
        total.done += r.done;
        total.retried += r.retried;
        total.failed += r.failed;
        if (r.done + r.retried + r.failed < 100) break;
      }
      console.log(`Jobs: ${total.done} done, ${total.retried} to retry later, ${total.failed} failed.`);
    } finally {
      await runtime.close();
    }
  },
};
