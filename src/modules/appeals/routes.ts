/**
 * The appeals module's routes, by area: the wizard, the appeal pages and dashboard, documents, the
 * administration of rules and calendar, and the JSON API.
 */
import type { FastifyInstance } from 'fastify';
import { appealRoutes } from './routes-appeal.js';
import { fileRoutes } from './routes-files.js';
import { wizardRoutes } from './routes-wizard.js';

export async function appealsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(wizardRoutes);
  await app.register(appealRoutes);
  await app.register(fileRoutes);
}
