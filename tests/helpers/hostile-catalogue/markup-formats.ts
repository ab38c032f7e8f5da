/** Hostile markup arriving through other formats than a saved page: Markdown, a Wallabag export, a WARC record. */
import { expect } from 'vitest';
import { httpResponse, makeWarc } from '../../library/import/warc-writer';
import type { HostileCase } from './case';
import { markerOf, page, payload, textBody, writeFile } from './build';
import { INERT } from './html-case';
import { scanStoredHtml } from './inert-scan';

function inert(marker: string): HostileCase['check'] {
  return (articles, ctx) => {
    for (const article of articles) {
      expect(article.text).toContain(marker);
      expect(scanStoredHtml(article.html, ctx.canary)).toEqual([]);
    }
  };
}

const mdMarker = markerOf('markdown-raw-html');
const wbMarker = markerOf('wallabag-hostile-content');
const warcMarker = markerOf('warc-hostile-record');

export const FORMAT_MARKUP_CASES: HostileCase[] = [
  {
    name: 'markdown-raw-html',
    family: 'markup',
    input: 'Markdown with raw `<script>`, `<img onerror>`, `[x](javascript:…)` and a remote `![image](…)`',
    expected: INERT,
    outcome: { kind: 'imported', count: 1 },
    marker: mdMarker,
    async write(dir, c) {
      const md = [
        '---',
        'title: Hostile Markdown note',
        `source: ${c.canary}/markdown-source`,
        '---',
        '',
        textBody(mdMarker),
        '',
        `<script>${payload(c, 'md-script')}</script>`,
        '',
        `<img src="x" onerror="${payload(c, 'md-img')}">`,
        '',
        `[a javascript link](javascript:${payload(c, 'md-link')}) and [an encoded one](&#106;avascript:alert(1))`,
        '',
        `![remote image](${c.canary}/md-image.png)`,
      ].join('\n');
      return [await writeFile(dir, 'markdown-raw-html.md', md)];
    },
    check: inert(mdMarker),
  },
  {
    name: 'wallabag-hostile-content',
    family: 'markup',
    input:
      'a Wallabag export whose entry content holds a script, an `onerror` image, `srcdoc`, a `javascript:` link, a remote image',
    expected: INERT,
    outcome: { kind: 'imported', count: 1 },
    marker: wbMarker,
    async write(dir, c) {
      const content = [
        `<p>${wbMarker} is the first word of this entry about the harbour and its boats and the storm.</p>`,
        `<script>${payload(c, 'wb-script')}</script>`,
        `<p><img src="${c.canary}/wb.png" onerror="${payload(c, 'wb-img')}"></p>`,
        `<iframe srcdoc="<script>${payload(c, 'wb-srcdoc')}</script>"></iframe>`,
        `<p><a href="javascript:${payload(c, 'wb-link')}">link</a></p>`,
      ].join('');
      const entries = [
        {
          id: 1,
          title: 'Hostile Wallabag entry',
          url: 'https://example.org/wallabag-hostile',
          content,
          domain_name: 'example.org',
          reading_time: 1,
          is_archived: 0,
          is_starred: 0,
          tags: ['harbour'],
        },
      ];
      return [await writeFile(dir, 'wallabag-hostile-content.json', JSON.stringify(entries))];
    },
    check: inert(wbMarker),
  },
  {
    name: 'warc-hostile-record',
    family: 'markup',
    input: 'a WARC response record whose page holds a script, an `onerror` image and a remote stylesheet',
    expected: INERT,
    outcome: { kind: 'imported', count: 1 },
    marker: warcMarker,
    async write(dir, c) {
      const html = page({
        title: 'Hostile archived page',
        marker: warcMarker,
        head: `<link rel="stylesheet" href="${c.canary}/warc.css">`,
        body: `<script>${payload(c, 'warc-script')}</script><p><img src="x" onerror="${payload(c, 'warc-img')}"></p>`,
      });
      const warc = makeWarc([
        {
          type: 'response',
          uri: 'https://example.org/warc-hostile',
          block: httpResponse({ 'Content-Type': 'text/html; charset=utf-8' }, html),
        },
      ]);
      return [await writeFile(dir, 'warc-hostile-record.warc', warc)];
    },
    check: inert(warcMarker),
  },
];
