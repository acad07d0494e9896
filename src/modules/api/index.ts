/** The JSON API skeleton: /api/v1/health, /api/v1/me, /api/v1/openapi.json. */
import { defineModule } from '../../platform/manifest/manifest.js';
import { apiRoutes } from './routes.js';

export const apiModule = defineModule({ name: 'api', routes: [apiRoutes] });
