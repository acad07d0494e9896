/**
 * The anonymous reporting channel: the reporter's pages under /report, the staff inbox under
 * /anonymous-reports, and the hourly sweep (expiry and reminders) started once when the app is ready.
 */
import type { FastifyInstance } from 'fastify';
import { ensureSweepScheduled } from './jobs.js';
import { reporterRoutes } from './routes-reporter.js';
import { staffRoutes } from './routes-staff.js';

export async function anonymousRoutes(app: FastifyInstance): Promise<void> {
  await app.register(reporterRoutes);
  await app.register(staffRoutes);
  app.addHook('onReady', async () => ensureSweepScheduled(app.achyk.db, app.achyk.now()));
}
