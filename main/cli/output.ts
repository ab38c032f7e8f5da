/** Output for people: aligned columns, dates, snippets made readable in a terminal, a progress bar. */
import { stripControls } from '../../common/clean-text';

export interface Out {
  write(text: string): void;
  error(text: string): void;
  /** True when stderr is a terminal (progress bars only make sense there). */
  interactive: boolean;
  width: number;
}

/** Output piped into a command that stops reading (`offprint list | head`) ends the command quietly. */
function quietWhenPipeCloses(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount('error') === 0)
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  return stream;
}

export const processOut: Out = {
  write: (text) => quietWhenPipeCloses(process.stdout).write(text),
  error: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  width: process.stdout.columns || 100,
};

/**
 * Imported content shown in a terminal: control characters removed, since a title holding `ESC ] 52 …` would
 * otherwise reach the terminal as a command (set the clipboard, retitle the window, clear the screen), and bidi
 * controls removed, since a right-to-left override makes `gnp.exe` read `exe.png`.
 */
export function printable(text: string): string {
  return stripControls(text);
}

export function json(out: Out, value: unknown): void {
  out.write(JSON.stringify(value, null, 2) + '\n');
}

/** Reading state in two columns: `●` unread or `·` read, then `★` starred or a space. */
export function marks({ read, starred }: { read: boolean; starred: boolean }): string {
  return `${read ? '·' : '●'}${starred ? '★' : ' '}`;
}

export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—'.padEnd(10);
}

export function truncate(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + '…';
}

/** Columns padded to the widest cell; the last column takes what is left of the terminal. */
export function table(out: Out, rows: string[][]): void {
  if (rows.length === 0) return;
  rows = rows.map((row) => row.map(printable));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  for (const row of rows) {
    const cells = row.map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!)));
    const used = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
    cells[cells.length - 1] = truncate(cells[cells.length - 1]!, Math.max(20, out.width - used));
    out.write(cells.join('  ') + '\n');
  }
}

/** `<mark>word</mark>` snippets rendered with bold in a terminal, plain text elsewhere. */
export function terminalSnippet(snippet: string, color: boolean): string {
  const unescaped = printable(snippet)
    .replace(/<mark>/g, color ? '\x1b[1m' : '')
    .replace(/<\/mark>/g, color ? '\x1b[22m' : '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return unescaped;
}

export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
