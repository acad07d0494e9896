/**
 * The directory of territories (SOATE) and state bodies: pages, search, map, administration, CSV
 * import/export, the API, and the seed of the shipped reference data. It owns every fact about a
 * body or a territory: whether a body is active on a day (`isBodyActive`, the one rule), its names
 * and official e-mail, its escalation chain, where it sits (`placeOfTerritory`).
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { directoryCommands } from './cli.js';
import * as directoryMigration from './migrations/2026-11-28-directory.js';
import { directoryPolicies } from './policy.js';
import { directoryAdminRoutes } from './routes-admin.js';
import { directoryApiRoutes } from './routes-api.js';
import { directoryRoutes } from './routes.js';
import { directorySeed } from './seed.js';

export {
  bodyById,
  bodyEmail,
  bodyName,
  firstBodyOfKind,
  searchActiveBodies,
  supervisorOf,
  type BodyInfo,
} from './bodies.js';
export { mapLayers, type MapLayers } from './map-data.js';
export { placeOfTerritory, placesOfBodies, type Place } from './places.js';
export { findBodyById, isBodyActive, searchBodies, type Body } from './queries.js';
export { BODY_KINDS, type BodyKind } from './tables.js';

export const directoryModule = defineModule({
  name: 'directory',
  routes: [directoryRoutes, directoryAdminRoutes, directoryApiRoutes],
  policies: directoryPolicies,
  migrations: { '2026-11-28-0100-directory': directoryMigration },
  seed: directorySeed,
  cli: directoryCommands,
});
