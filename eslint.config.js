// ESLint (flat config): typescript-eslint with type information for the rules that need it, and the
// module boundaries (docs/module-guide.md): a module imports another module only through its index.ts,
// and the platform imports no module. `npm run lint`; formatting is Prettier's (`npm run format`).
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const MODULES = fs
  .readdirSync(new URL('./src/modules/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Inside module `name`: any other module is reachable only through its index.ts. */
function boundariesOf(name) {
  return {
    files: [`src/modules/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: MODULES.filter((other) => other !== name).map((other) => ({
            group: [`**/${other}/*`, `!**/${other}/index.js`],
            message: `Import the ${other} module through its index.ts (its manifest and public functions), never its internal files.`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'reference/', 'test-results/', 'bench-data/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its errors (and in a request, the response may leave first).
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'skip', 'todo', 'only'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Input filters match control characters on purpose (file names, CSV cells, fuzzed text).
      'no-control-regex': 'off',
      // Declaration merging (tables, policy actions) extends interfaces with nothing else in them.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // The platform stands under the modules: it receives the list of modules and imports none.
  {
    files: ['src/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**'],
              message:
                'The platform imports no module: modules register through their manifest (src/modules/<m>/index.ts).',
            },
          ],
        },
      ],
    },
  },
  ...MODULES.map(boundariesOf),
);
