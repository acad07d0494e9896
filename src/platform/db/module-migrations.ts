/**
 * Migrations of the domain modules, keyed by '<date>-<module>' so that they sort after the
 * foundation. Each module adds its own line here.
 */
import type { Migration } from 'kysely';

export const moduleMigrations: Record<string, Migration> = {};
