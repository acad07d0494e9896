/** Administration: users (invite, role, disable), the audit log view, background jobs. */
import { defineModule } from '../../platform/manifest/manifest.js';
import { adminJobRoutes } from './routes-jobs.js';
import { adminRoutes } from './routes.js';

export const adminModule = defineModule({ name: 'admin', routes: [adminRoutes, adminJobRoutes] });
