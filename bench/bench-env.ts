/**
 * Where the bench keeps its databases and key, and the field cipher of bench databases. Apart from
 * generate.ts so that the bench server (bench/serve.ts, compiled into one file) does not include
 * the generator's command-line entry point.
 */
import path from 'node:path';
import { loadOrCreateKeyFile } from '../src/platform/crypto/key-file.js';
import { createFieldCipher, type FieldCipher } from '../src/platform/crypto/field-encryption.js';
import { PROJECT_ROOT } from '../src/platform/project-root.js';

export const REPO = PROJECT_ROOT;
export const DATA_DIR = process.env.ACHYK_BENCH_DIR ?? path.join(REPO, 'bench-data');

export function benchCipher(): FieldCipher {
  return createFieldCipher(loadOrCreateKeyFile(path.join(DATA_DIR, 'bench.key')).keys);
}
