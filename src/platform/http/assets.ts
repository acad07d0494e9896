/**
 * Self-hosted assets (no CDN, SECURITY.md): the stylesheet and the progressive-enhancement script,
 * read once at boot and served under content-hashed names with a year-long cache.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../project-root.js';

const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

interface Asset {
  body: Buffer;
  type: string;
}

export function loadAssets(): { urls: { css: string; js: string }; files: Map<string, Asset> } {
  const files = new Map<string, Asset>();
  const add = (file: string, type: string) => {
    const body = fs.readFileSync(path.join(PUBLIC_DIR, file));
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 12);
    const ext = path.extname(file);
    const name = `${path.basename(file, ext)}.${hash}${ext}`;
    files.set(name, { body, type });
    return `/assets/${name}`;
  };
  return {
    urls: { css: add('app.css', 'text/css; charset=utf-8'), js: add('app.js', 'text/javascript; charset=utf-8') },
    files,
  };
}

export function registerAssetRoutes(app: FastifyInstance, files: Map<string, Asset>): void {
  app.get<{ Params: { name: string } }>('/assets/:name', { config: { policy: 'public' } }, async (request, reply) => {
    const asset = files.get(request.params.name);
    if (!asset) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body);
  });
}
