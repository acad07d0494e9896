/**
 * The shape of the modules (docs/module-guide.md, STYLE.md §16): every module declares itself in its
 * index.ts and is listed in src/modules/index.ts; modules import each other only through index.ts,
 * never in a cycle, and never the composition root; the platform imports no module. ESLint's
 * `no-restricted-imports` rules (eslint.config.js) stop the same mistakes while editing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { modules } from '../../src/modules/index.js';
// @ts-expect-error -- a plain .mjs script without type declarations (also run as `node scripts/module-boundaries.mjs`)
import { countBoundaries } from '../../scripts/module-boundaries.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Counts {
  internal: number;
  mutual: number;
  mutualPairs: string[];
  platformToModules: number;
  moduleToRoot: number;
  examples: string[];
  edges: string[];
}
const counts = (countBoundaries as (root: string) => Counts)(ROOT);

describe('module boundaries', () => {
  test("no module imports another module's internal files, only its index.ts", () => {
    assert.equal(counts.internal, 0, counts.examples.join('\n'));
  });

  test('no two modules import each other, and the imports between modules form no cycle', () => {
    assert.equal(counts.mutual, 0, counts.mutualPairs.join(', '));
    const next = new Map<string, string[]>();
    for (const edge of counts.edges) {
      const [from, to] = edge.split('>') as [string, string];
      next.set(from, [...(next.get(from) ?? []), to]);
    }
    const state = new Map<string, 'open' | 'done'>();
    const visit = (m: string, trail: string[]): void => {
      if (state.get(m) === 'done') return;
      assert.notEqual(state.get(m), 'open', `a cycle: ${[...trail, m].join(' → ')}`);
      state.set(m, 'open');
      for (const n of next.get(m) ?? []) visit(n, [...trail, m]);
      state.set(m, 'done');
    };
    for (const m of next.keys()) visit(m, []);
  });

  test('the platform imports no module', () => {
    assert.equal(counts.platformToModules, 0);
  });

  test('no module imports the composition root (app, bootstrap, server, CLI, seeder, the module list)', () => {
    assert.equal(counts.moduleToRoot, 0, counts.examples.join('\n'));
  });

  test('every module folder has an index.ts whose manifest is in src/modules/index.ts, once, under its folder name', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'src/modules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    for (const f of folders)
      assert.ok(fs.existsSync(path.join(ROOT, 'src/modules', f, 'index.ts')), `src/modules/${f}/index.ts`);
    assert.deepEqual(modules.map((m) => m.name).sort(), folders);
  });

  test('nothing registers itself as a side effect of being imported', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) {
          const text = fs.readFileSync(p, 'utf8');
          // Registrations happen in platform/manifest/install.ts from the manifests, never at a module's top level.
          for (const m of text.matchAll(
            /^(registerJobHandler|registerRecurringJob|registerEncryptedColumn|registerPolicies|registerExtension|definePolicy)\(/gm,
          ))
            offenders.push(`${path.relative(ROOT, p)}: ${m[1]}`);
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    assert.deepEqual(offenders, []);
  });
});
