/**
 * Seed steps of the domain modules (reference data such as the directory, and demo records),
 * run in order on a new database. Each module adds its own line here.
 */
import type { Runtime } from '../bootstrap.js';

export type SeedStep = (p: { runtime: Runtime; demo: boolean; now: Date }) => Promise<void>;
export const moduleSeeds: SeedStep[] = [];
