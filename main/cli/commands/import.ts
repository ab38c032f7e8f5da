/** `offprint import PATH…`: imports with a progress bar, then reports imported, duplicates and failures. */
import { parseArgs } from '../../../common/api';
import type { CommandContext } from '../main';
import { json, printable, progressBar, truncate } from '../output';

export async function importCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (args.length === 0) {
    out.error('offprint import: name at least one file or folder to import\n');
    return 2;
  }
  const started = await library.importPaths(
    parseArgs('importPaths', { paths: args, folderTags: !options['no-folder-tags'] }),
  );
  const showProgress = out.interactive && !options.json;
  const timer = showProgress
    ? setInterval(() => {
        void library.importStatus({ jobId: started.jobId }).then((p) => {
          const line = `${progressBar(p.done, p.total)}  ${p.imported} new, ${p.duplicates} duplicate, ${p.failed} failed  ${printable(p.current ?? '')}`;
          out.error(`\r${truncate(line, out.width - 1).padEnd(out.width - 1)}`);
        });
      }, 100)
    : null;
  const finished = await library.waitForImport(started.jobId);
  if (timer) {
    clearInterval(timer);
    out.error(`\r${' '.repeat(out.width - 1)}\r`);
  }
  if (finished.error) {
    out.error(`offprint import: ${finished.error}\n`);
    return 1;
  }
  const report = finished.report!;
  if (options.json) {
    json(out, {
      imported: report.imported.map(({ id, title, source, versionOf, notes }) => ({
        id,
        title,
        source,
        ...(versionOf ? { versionOf } : {}),
        ...(notes?.length ? { notes } : {}),
      })),
      duplicates: report.duplicates,
      failed: report.failed,
    });
  } else {
    for (const f of report.failed) out.write(`failed     ${printable(`${f.source}: ${f.reason}`)}\n`);
    for (const i of report.imported)
      for (const note of i.notes ?? []) out.write(`note       ${printable(`${i.source}: ${note}`)}\n`);
    const versions = report.imported.filter((i) => i.versionOf).length;
    out.write(
      `Imported ${report.imported.length} article${report.imported.length === 1 ? '' : 's'}` +
        (versions ? ` (${versions} new version${versions === 1 ? '' : 's'} of articles already saved)` : '') +
        `, ${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'} (already in the library), ` +
        `${report.failed.length} failed.\n`,
    );
  }
  return report.failed.length > 0 ? 1 : 0;
}
