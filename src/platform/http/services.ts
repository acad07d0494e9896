/** The platform services every route can reach through `app.achyk` (built once in app.ts). */
import type { Config } from '../../config.js';
import type { Connection } from '../db/connect.js';
import type { Db } from '../db/database.js';
import type { FieldCipher } from '../crypto/field-encryption.js';
import type { Mailer } from '../mail/mailer.js';
import type { CookieNames } from './cookies.js';
import type { PolicyAction } from '../policy/policy.js';

export interface RouteInfo {
  method: string;
  url: string;
  policy: PolicyAction;
  api: boolean;
}

export interface Services {
  config: Config;
  conn: Connection;
  db: Db;
  cipher: FieldCipher;
  mailer: Mailer;
  cookies: CookieNames;
  /** the clock; tests pass a fixed one to travel in time */
  now: () => Date;
  /** every registered route with its declared policy (for the route-inventory test) */
  routes: RouteInfo[];
  assets: { css: string; js: string };
  /** the database holds the demo data set (a banner says so on every page) */
  demo: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    achyk: Services;
  }
}
