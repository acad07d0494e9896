/**
 * E-mail subscriptions to statements and events: double opt-in, RFC 8058 one-click unsubscribe, the
 * address encrypted with a keyed hash, the sweep of expired requests. Other modules announce to the
 * subscribers of a topic with `announceToSubscribers`.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { subscriptionDeleteCommand } from './cli.js';
import { subscriptionsEncryptedColumns } from './encrypted-columns.js';
import { subscriptionsSweep } from './jobs.js';
import * as subscriptionsMigration from './migrations/2026-11-28-subscriptions.js';
import { subscriptionsPolicies } from './policy.js';
import { subscriptionRoutes } from './routes.js';

export { announceToSubscribers } from './announce.js';

export const subscriptionsModule = defineModule({
  name: 'subscriptions',
  routes: [subscriptionRoutes],
  policies: subscriptionsPolicies,
  migrations: { '2026-11-28-1100-subscriptions': subscriptionsMigration },
  schedules: [subscriptionsSweep],
  encryptedColumns: subscriptionsEncryptedColumns,
  cli: { 'subscription delete': subscriptionDeleteCommand },
});
