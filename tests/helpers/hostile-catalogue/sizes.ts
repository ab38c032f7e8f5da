/**
 * Sizes and time: pages that stall extraction (deep nesting, hundreds of thousands of elements), a text file of
 * 200 MB (under the 256 MiB limit) that must not brick the library, a word of 5,000 letters for the costly queries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { HostileCase } from './case';
import { markerOf, textBody, writeFile } from './build';

const F = 'sizes' as const;

/** The word the costly wildcard query is run over: one long word in the library is enough to stall a naive walk. */
export const LONG_WORD = 'a'.repeat(5000);
export const LARGE_TEXT_BYTES = 200 * 1024 * 1024;

function nested(name: string, depth: number): string {
  return [
    '<!doctype html><html><head><title>Deeply nested page</title></head><body>',
    '<div>'.repeat(depth),
    `<p>${markerOf(name)} at the bottom of the nesting.</p>`,
    '</div>'.repeat(depth),
    '</body></html>',
  ].join('');
}

const STALL = /nested deeper|deeper than|longer than|elements|too many|more than/i;

export const SIZE_CASES: HostileCase[] = [
  {
    name: 'deep-nesting-10k',
    family: F,
    heavy: true,
    input: '10,000 nested `<div>`s (110 KB)',
    expected: 'refused: “nested deeper than N” (ran for over 300 s before)',
    outcome: { kind: 'refused', reasons: [STALL] },
    async write(dir) {
      return [await writeFile(dir, 'deep-nesting-10k.html', nested('deep-nesting-10k', 10_000))];
    },
  },
  {
    name: 'deep-nesting-100k',
    family: F,
    heavy: true,
    input: '100,000 nested `<div>`s (1.1 MB)',
    expected: 'refused: “nested deeper than N”',
    outcome: { kind: 'refused', reasons: [STALL] },
    async write(dir) {
      return [await writeFile(dir, 'deep-nesting-100k.html', nested('deep-nesting-100k', 100_000))];
    },
  },
  {
    name: 'many-siblings-200k',
    family: F,
    heavy: true,
    input: '200,000 sibling `<p>` elements (2 MB)',
    expected: 'refused: more elements than the limit, or “took longer than N s”',
    outcome: { kind: 'refused', reasons: [STALL] },
    async write(dir) {
      const html = `<!doctype html><html><head><title>Many elements</title></head><body>${'<p>x</p>'.repeat(200_000)}</body></html>`;
      return [await writeFile(dir, 'many-siblings-200k.html', html)];
    },
  },
  {
    name: 'large-text-200mb',
    family: F,
    heavy: true,
    input: 'a 200 MB plain-text file (under the 256 MiB file limit)',
    expected:
      'imported, the original kept in full; the article and index bounded and the article says it was truncated; `list`, `search` and `serve` still work',
    outcome: { kind: 'imported', count: 1 },
    tolerated: /truncat/i,
    marker: markerOf('large-text-200mb'),
    async write(dir) {
      const file = path.join(dir, 'large-text-200mb.txt');
      await fs.mkdir(dir, { recursive: true });
      const handle = await fs.open(file, 'w');
      try {
        await handle.write(`A very large text file\n\n${textBody(markerOf('large-text-200mb'))}\n\n`);
        const line = 'the tide came in and the boats rose with it along the harbour wall again\n';
        const chunk = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024));
        const { size } = await handle.stat();
        for (let written = size; written < LARGE_TEXT_BYTES; written += chunk.length)
          await handle.write(chunk);
      } finally {
        await handle.close();
      }
      return [file];
    },
    async check([article], ctx) {
      expect(article!.text.length).toBeLessThan(LARGE_TEXT_BYTES / 10);
      // The note may sit in a field of its own or at either end of the text.
      const text = article!.text;
      expect(JSON.stringify({ ...article, text: text.slice(0, 2000) + text.slice(-2000) })).toMatch(
        /truncat|only its first/i,
      );
      const inputSize = (await fs.stat(path.join(ctx.dir, 'large-text-200mb.txt'))).size;
      const folder = path.join(ctx.library, 'articles', article!.id.slice(0, 2), article!.id);
      const originals = (await fs.readdir(folder)).filter((f) => f.startsWith('original'));
      expect(originals).toHaveLength(1);
      expect((await fs.stat(path.join(folder, originals[0]!))).size).toBe(inputSize);
    },
  },
  {
    name: 'long-word',
    family: F,
    input: 'a text article holding one word of 5,000 letters (the ground for the costly wildcard query)',
    expected: 'imported',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('long-word'),
    async write(dir) {
      const text = `One very long word\n\n${textBody(markerOf('long-word'))}\n\n${LONG_WORD}\n`;
      return [await writeFile(dir, 'long-word.txt', text)];
    },
  },
  {
    name: 'markdown-deep-nesting',
    family: F,
    input: 'Markdown with 10,000 nested blockquotes and 10,000 nested list levels',
    expected: 'imported (nesting bounded) or refused with a reason; finishes at once',
    outcome: { kind: 'either', reasons: [STALL] },
    marker: markerOf('markdown-deep-nesting'),
    async write(dir) {
      const md = [
        '# Nested note',
        '',
        textBody(markerOf('markdown-deep-nesting')),
        '',
        `${'>'.repeat(10_000)} deep quote`,
        '',
        Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i % 2000)}- level ${i}`).join('\n'),
      ].join('\n');
      return [await writeFile(dir, 'markdown-deep-nesting.md', md)];
    },
  },
];
