/** `offprint serve`: the browser mode. Runs until interrupted. */
import { startServer } from '../../serve/server';
import type { CommandContext } from '../main';

export async function serveCommand({ library, options, out }: CommandContext): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    out.error(`offprint serve: --port must be a number from 0 to 65535\n`);
    return 2;
  }
  const server = await startServer({ library, host: options.host, port, token: options.token ?? null });
  if (options.json) out.write(JSON.stringify({ url: server.openUrl, library: library.path }) + '\n');
  else out.write(`Offprint is serving ${library.path}\nOpen ${server.openUrl}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await library.close();
  return 0;
}
