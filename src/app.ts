/**
 * Builds the application, in a fixed order (STYLE.md §3): the modules' registrations (policies, jobs,
 * encrypted columns, extensions: `installModules`), ecosystem plugins, then the platform (services,
 * request context, guard, headers, errors), then each module's routes in list order, and the start of
 * the recurring jobs once the app is ready. `buildApp` never listens: tests call `app.inject`,
 * `src/server.ts` listens.
 */
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import crypto from 'node:crypto';
import type { Config } from './config.js';
import type { Connection } from './platform/db/connect.js';
import type { FieldCipher } from './platform/crypto/field-encryption.js';
import type { Mailer } from './platform/mail/mailer.js';
import { cookieNames } from './platform/http/cookies.js';
import { loadAssets, registerAssetRoutes } from './platform/http/assets.js';
import { registerRequestContext } from './platform/http/request-context.js';
import { registerGuard, registerRouteInventory } from './platform/http/guard.js';
import { registerResponseHeaders } from './platform/http/response-headers.js';
import { frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.js';
import { loggerOptions } from './platform/http/logging.js';
import { modules as allModules } from './modules/index.js';
import type { ModuleManifest } from './platform/manifest/manifest.js';
import { installModules, registerModuleRoutes, startSchedules } from './platform/manifest/install.js';

export interface AppDeps {
  config: Config;
  conn: Connection;
  cipher: FieldCipher;
  mailer: Mailer;
  /** where log lines go (tests capture them to prove nothing confidential is logged) */
  logStream?: Writable;
  now?: () => Date;
  demo?: boolean;
  /** the modules to serve (default: all of them, src/modules/index.ts) */
  modules?: readonly ModuleManifest[];
}

export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const modules = deps.modules ?? allModules;
  installModules(modules);
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
    frameworkErrors: frameworkErrorHandler(deps.config.https),
  });
  const assets = loadAssets();
  app.decorate('achyk', {
    config: deps.config,
    conn: deps.conn,
    db: deps.conn.db,
    cipher: deps.cipher,
    mailer: deps.mailer,
    cookies: cookieNames(deps.config.https),
    now: deps.now ?? (() => new Date()),
    routes: [],
    assets: assets.urls,
    demo: deps.demo ?? false,
  });

  // Ecosystem plugins
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  // Only forms and JSON are accepted (SECURITY.md: unknown content types get 415). Fastify's built-in
  // text/plain parser would also let cross-site `enctype="text/plain"` forms reach the handlers.
  app.removeContentTypeParser('text/plain');
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Achyk API',
        version: '1',
        description:
          'Public and authenticated JSON API of Achyk. Authenticate with `Authorization: Bearer <token>`; create tokens under My account → API tokens.',
      },
      servers: [{ url: deps.config.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    // Only the JSON API is documented; HTML pages are not part of the contract.
    transform: ({ schema, url }) => ({
      schema: (url.startsWith('/api/') ? schema : { ...schema, hide: true }) as never,
      url,
    }),
  });

  // Platform
  registerRouteInventory(app);
  registerRequestContext(app);
  registerGuard(app);
  registerResponseHeaders(app);
  registerErrorHandler(app);
  registerAssetRoutes(app, assets.files);

  // Modules
  await registerModuleRoutes(app, modules);
  // Recurring jobs (sweeps, the statistics refresh) re-schedule themselves; this starts each chain once.
  app.addHook('onReady', async () => startSchedules(app.achyk.db, modules, app.achyk.now()));
  return app;
}
