// Loads the TypeScript worker through tsx when running from source (CLI, tests); bundles do not use this.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.offprintWorkerEntry);
