/**
 * Seed steps of the domain modules (reference data such as the directory, and demo records),
 * run in order on a new database. Each module adds its own line here.
 */
import type { Runtime } from '../bootstrap.js';
import { directorySeed } from '../modules/directory/seed.js';
import { consultationsSeed } from '../modules/consultations/seed.js';
import { statementsSeed } from '../modules/statements/seed.js';

export type SeedStep = (p: { runtime: Runtime; demo: boolean; now: Date }) => Promise<void>;
// The directory comes first: other modules' demo records refer to its bodies and territories.
export const moduleSeeds: SeedStep[] = [directorySeed, consultationsSeed, statementsSeed];
