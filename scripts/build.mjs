// `npm run build` (also run by `npm start`): compiles the server into one JavaScript file,
// dist/start.mjs, with esbuild (the compiler tsx itself uses). Dependencies stay in node_modules.
// Why: running the TypeScript sources through tsx costs about 80 MB of memory (the loader, the
// transformed modules and their source maps), most of the server's budget of 200 MB at a million
// appeals (docs/performance.md, "Memory"). The tests and the `achyk` command keep using tsx.
// Plain JavaScript, so that it runs before anything is compiled.
//   node scripts/build.mjs [--quiet] [ENTRY NAME]   (default: src/start.ts start → dist/start.mjs;
//   the bench compiles its server, bench/serve.ts, the same way, so it measures what `npm start` runs)
import { build } from 'esbuild';

const args = process.argv.slice(2).filter((a) => a !== '--quiet');
const [entry, name] = args.length === 2 ? args : ['src/start.ts', 'start'];
const started = Date.now();
await build({
  entryPoints: { [name]: entry },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // A map beside the bundle, for reading a stack trace (`node --enable-source-maps dist/start.mjs`);
  // not loaded by default, since keeping it in memory is part of what the build saves.
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (!process.argv.includes('--quiet')) console.error(`built dist/${name}.mjs in ${Date.now() - started} ms`);
