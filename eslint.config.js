// Lint, with the layering rules from the design notes: a folder's name says which runtime it may use, and the
// module graph has no cycle (import-x/no-cycle, dynamic imports included).
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeModules.map((name) => ({ name, message: 'This layer may not use Node.js.' })) };
const electronBan = { name: 'electron', message: 'Only main/app may use Electron.' };
const nodeLayers = { group: ['**/app/*', '../../renderer/*'], message: 'Layering.' };
// The import pipeline is pure (no library access): it never reaches the store or the search index.
const importIsPure = {
  group: [
    '../store/*',
    '../../store/*',
    '../search/*',
    '../../search/*',
    '../import-job',
    '../../import-job',
  ],
  message: 'import/ turns bytes into articles; it never imports store/ or search/ (see docs/design.md).',
};
// A format is a leaf: what formats share lives in import/ (importer.ts, zip-entries.ts, html-page-reader.ts),
// and the pipeline (extract.ts, registry.ts) imports the formats, so a format importing it would be a cycle.
const formatIsLeaf = {
  group: ['./*', '../extract', '../registry', '../formats/*'],
  message:
    'A format imports neither another format nor the pipeline; nested entries go through input.extractEntry.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-artifacts', 'coverage', '.stryker-tmp*'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One module graph without cycles. Type-only imports are erased at build and do not count; dynamic imports
    // do (allowUnsafeDynamicCyclicDependency stays false): an `await import()` hides a cycle, it does not remove it.
    files: ['main/**/*.ts', 'common/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and every edge to a .ts module goes unseen.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }] },
  },
  {
    // common/ is the contract every process shares: plain TypeScript only.
    files: ['common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, electronBan, { name: 'react', message: 'common/ is UI-free.' }],
          patterns: [{ group: ['../main/*', '../renderer/*'], message: 'common/ depends on nothing.' }],
        },
      ],
    },
  },
  {
    // Everything under main/ except main/app runs in plain Node (CLI, server, workers, tests).
    files: ['main/library/**', 'main/serve/**', 'main/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [nodeLayers] }],
    },
  },
  {
    // (Each block names the whole rule: a later block replaces an earlier one's options for the same files.)
    files: ['main/library/import/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [nodeLayers, importIsPure] }],
      // Static imports only, so that the rules above see every edge of the graph.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'import/ uses static imports only (the layering rules see them).',
        },
      ],
    },
  },
  {
    files: ['main/library/import/formats/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronBan], patterns: [nodeLayers, importIsPure, formatIsLeaf] },
      ],
    },
  },
  {
    // The renderer is a web page: it reaches the archive only through the API in common/.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, electronBan],
          patterns: [{ group: ['**/main/*'], message: 'The renderer talks only to the API in common/.' }],
        },
      ],
    },
  },
);
