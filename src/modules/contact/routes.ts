/**
 * The contact form (public, /contact) and its staff inbox (/contact/inbox), and the hourly sweep
 * that deletes handled messages after their retention period, started once when the app is ready.
 */
import type { FastifyInstance } from 'fastify';
import { ensureSweepScheduled } from './jobs.js';
import { contactInboxRoutes } from './routes-inbox.js';
import { contactPublicRoutes } from './routes-public.js';

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  await app.register(contactPublicRoutes);
  await app.register(contactInboxRoutes);
  app.addHook('onReady', async () => ensureSweepScheduled(app.achyk.db, app.achyk.now()));
}
