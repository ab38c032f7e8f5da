#!/usr/bin/env node
// The `offprint` command. It runs the build output (dist/cli, plain JavaScript for Node 20), never the
// TypeScript sources: `npm install` builds it (the `prepare` script), `npm run build` rebuilds it.
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { CLI_ENTRY, cliBuildProblem } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const problem = cliBuildProblem(root);
if (problem) {
  process.stderr.write(`offprint: ${problem}; run \`npm run build\`\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(path.join(root, CLI_ENTRY)).href);
process.exitCode = await main(process.argv.slice(2));
