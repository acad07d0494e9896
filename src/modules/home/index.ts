/** The home page and the language switch. */
import { defineModule } from '../../platform/manifest/manifest.js';
import { homeRoutes } from './routes.js';

export const homeModule = defineModule({ name: 'home', routes: [homeRoutes] });
