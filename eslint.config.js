// Lint, with the layering rule from the design notes: a folder's name says which runtime it may use.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeModules.map((name) => ({ name, message: 'This layer may not use Node.js.' })) };
const electronBan = { name: 'electron', message: 'Only main/app may use Electron.' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-artifacts', 'coverage', '.stryker-tmp'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
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
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [{ group: ['**/app/*', '../../renderer/*'], message: 'Layering.' }],
        },
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
