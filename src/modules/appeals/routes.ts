/**
 * The appeals module's routes, by area: the wizard, the appeal pages and dashboard, documents, the
 * administration of rules and calendar, and the JSON API.
 */
import type { FastifyInstance } from 'fastify';
import { holdingPenRoutes } from '../mail-inbound/index.js';
import { ensureSweepScheduled } from './jobs.js';
import { appealAdminRoutes } from './routes-admin.js';
import { appealApiRoutes } from './routes-api.js';
import { appealRoutes } from './routes-appeal.js';
import { fileRoutes } from './routes-files.js';
import { wizardRoutes } from './routes-wizard.js';

export async function appealsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(wizardRoutes);
  await app.register(appealRoutes);
  await app.register(fileRoutes);
  await app.register(appealApiRoutes);
  await app.register(appealAdminRoutes);
  await app.register(holdingPenRoutes);
  // The overdue sweep re-schedules itself through the job queue; this starts the chain once.
  app.addHook('onReady', async () => ensureSweepScheduled(app.achyk.db, app.achyk.now()));
}
