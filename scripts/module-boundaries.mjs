// Counts the imports that cross module boundaries in src/ (the same counting as the project's
// shared tool): into another module's internal files (not its index.ts), module pairs that import
// each other, and platform files that import modules. Also lists what a module must not import: the
// composition root (src/app.ts, src/bootstrap.ts, src/server.ts, src/cli/, src/seed/, src/modules/index.ts).
// Usage: node scripts/module-boundaries.mjs [repo root]   (prints one JSON line)
// test/platform/module-boundaries.test.ts asserts every count is zero.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT =
  /(?:import|export)[^'"`;]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^\s*import\s*['"](\.[^'"]+)['"]/gm;
const ROOT_FILES = ['app', 'bootstrap', 'server', 'start', 'modules/index'];

export function countBoundaries(rootDir) {
  const root = resolve(rootDir);
  const src = join(root, 'src');
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/.test(f)) files.push(p);
    }
  };
  walk(src);
  const moduleOf = (p) => {
    const r = relative(join(src, 'modules'), p);
    return r.startsWith('..') || !r.includes('/') ? null : r.split('/')[0];
  };
  let internal = 0;
  let platformToModules = 0;
  const pairs = new Set();
  const examples = [];
  const rootImports = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const target = resolve(dirname(f), spec).replace(/\.(js|mjs|ts|tsx)$/, '');
      const a = moduleOf(f);
      const b = moduleOf(`${target}.ts`);
      const from = relative(root, f);
      const to = relative(root, target);
      if (!relative(join(src, 'platform'), f).startsWith('..') && b) platformToModules++;
      if ((a && ROOT_FILES.some((r) => to === `src/${r}`)) || (a && /^src\/(cli|seed)\//.test(to)))
        rootImports.push(`${from} -> ${to}`);
      if (a && b && a !== b) {
        pairs.add(`${a}>${b}`);
        if (relative(join(src, 'modules', b), target) !== 'index') {
          internal++;
          if (examples.length < 5) examples.push(`${from} -> ${to}`);
        }
      }
    }
  }
  const mutualPairs = [...pairs].filter((p) => {
    const [a, b] = p.split('>');
    return a < b && pairs.has(`${b}>${a}`);
  });
  return {
    internal,
    mutual: mutualPairs.length,
    mutualPairs,
    platformToModules,
    moduleToRoot: rootImports.length,
    examples: [...examples, ...rootImports.slice(0, 5)],
    edges: [...pairs].sort(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { edges, ...counts } = countBoundaries(process.argv[2] ?? '.');
  void edges;
  console.log(JSON.stringify(counts));
}
