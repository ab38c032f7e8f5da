/**
 * Reads `--library DIR` or `--library=DIR` from the process arguments. Electron's argv carries its own
 * switches (and `.` in development) around ours, so the flag is looked up rather than taken by position.
 */
export function libraryFlag(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--library') {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith('--library=')) return arg.slice('--library='.length) || null;
  }
  return null;
}
