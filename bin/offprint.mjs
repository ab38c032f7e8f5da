#!/usr/bin/env node
// The `offprint` command. It runs the TypeScript sources through tsx, so `npx offprint` works straight
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
