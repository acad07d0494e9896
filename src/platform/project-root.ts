/**
 * The folder of the project (where package.json, public/ and reference/ are), found by walking up
 * from this module: the same answer whether the code runs from the TypeScript sources (tsx) or from
 * the compiled bundle in dist/ (`npm start`, scripts/build.mjs), whose modules sit at other depths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'achyk'
    )
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`the achyk project folder (package.json) was not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The shipped open data (territories, bodies, boundaries) and its NOTICE.md. */
export const REFERENCE_DIR = path.join(PROJECT_ROOT, 'reference');
