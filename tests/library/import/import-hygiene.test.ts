/**
 * What the import stores is clean whatever the input: sanitized HTML, metadata without controls or bidi
 * overrides and capped in length, and the small bugs of issue 8 (a bad Wallabag date, `<body` in Wallabag
 * content, a stray NUL byte, UTF-16 without BOM). One folder of hostile files is imported into a real library
 * and each stored article.json is read back.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import DOMPurify, { type WindowLike } from 'dompurify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../common/article';
import { FIELD_LIMITS } from '../../../common/clean-text';
import type { ImportReport } from '../../../common/import';
import { openLibrary } from '../../../main/library/library';
import { assertSupported } from '../../../main/library/import/sanitize-html';
import { removeDir, tempDir } from '../../helpers/temp-library';

const RLO = '\u202e';
const BODY = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the council voted on the harbour wall after a winter of record tides, and the engineers set out what each option would cost the town over thirty years.</p>`,
).join('\n');

/** Markup that must not survive the import, each with a marker that says which case let it through. */
const HOSTILE = `<!doctype html><html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
<base href="https://evil.example/base/">
<style>@import url("https://evil.example/import.css"); body { background: url(https://evil.example/bg.png) }</style>
<script>window.canary = 'head-script'</script>
</head><body><article><h1>Hostile page</h1>
${BODY}
<p>Keep this sentence<script>window.canary = 'body-script'</script> and <a href="https://ok.example/read">this link</a>.</p>
<p><img src="x" onerror="window.canary='onerror'"> <b onclick="window.canary='onclick'">bold</b> <span onmouseover="window.canary='over'">hover</span></p>
<p><a href="javascript:window.canary='js-link'">js link</a> <a href="jav&#x09;ascript:window.canary='tab-js'">tab js</a>
<a href=" JaVaScRiPt:window.canary='case-js'">case js</a> <a href="data:text/html,<script>window.canary='data-link'</script>">data link</a>
<a href="vbscript:msgbox">vb</a> <a href="file:///etc/passwd">file link</a></p>
<p><iframe src="https://evil.example/frame"></iframe><iframe srcdoc="<script>window.canary='srcdoc'</script>"></iframe>
<object data="https://evil.example/object.swf"></object><embed src="https://evil.example/embed.swf">
<form action="https://evil.example/form"><input name="password"><button formaction="https://evil.example/button">go</button></form></p>
<p><img src="https://evil.example/remote.png" alt="remote"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<img src="resource:x.png" srcset="https://evil.example/srcset.png 2x" alt="responsive">
<picture><source srcset="https://evil.example/source.png"><img src="data:image/gif;base64,R0lGODlh" alt="pic"></picture></p>
<p><svg><script>window.canary='svg-script'</script><a xlink:href="javascript:window.canary='svg-link'"><text>svg</text></a><animate onbegin="window.canary='animate'"></animate></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.canary='mathml'"></style></mglyph></table></mtext></math></p>
<p><form id="getElementById"></form><img name="cookie" id="body" src="data:image/png;base64,AA=="> <video src="https://evil.example/v.mp4" poster="https://evil.example/poster.png"></video><audio src="https://evil.example/a.mp3"></audio></p>
<p style="background:url(https://evil.example/inline-style.png)">styled paragraph</p>
<template><script>window.canary='template'</script></template><noscript><img src="https://evil.example/noscript.png"></noscript>
</article></body></html>`;

const EVIL_MARKERS = [
  '<script',
  'canary',
  'onerror',
  'onclick',
  'onmouseover',
  'onbegin',
  'javascript:',
  'vbscript:',
  'data:text',
  'file:',
  '<iframe',
  'srcdoc',
  '<object',
  '<embed',
  '<form',
  '<input',
  '<button',
  '<meta',
  '<base',
  '<style',
  'style=',
  '@import',
  'srcset',
  '<source',
  '<svg',
  '<math',
  '<video',
  '<audio',
  '<template',
  'evil.example',
  ' id=',
  ' name=',
];

const LONG = 'Long '.repeat(20_000); // 100 KB

function titledPage(title: string, extraHead = ''): string {
  return `<!doctype html><html><head><title>${title}</title>${extraHead}</head><body><article>${BODY}</article></body></html>`;
}

const WALLABAG = [
  {
    id: 1,
    title: 'Entry with an absurd date',
    url: 'https://a.example/1',
    content: `<p>The first entry keeps its text even though its date is nonsense.</p>${BODY}`,
    published_at: 1e17,
    domain_name: 'a.example',
    reading_time: 3,
    is_archived: 0,
  },
  {
    id: 2,
    title: 'Entry whose content names the body tag',
    url: 'https://a.example/2',
    content:
      '<p>Start of the entry.</p><p>Put the script before <code><body></code> closes, then more text.</p><body class="x"><p>The end of the entry.</p></body>',
    published_at: '2021-03-04T05:06:07+00:00',
    domain_name: 'a.example',
    reading_time: 3,
    is_archived: 0,
  },
  {
    id: 3,
    title: `Invoice ${RLO}gnp.exe`,
    url: 'https://a.example/3',
    content: `<p onclick="window.canary='wallabag'">Hostile wallabag content<script>window.canary='wallabag-script'</script>.</p>${BODY}`,
    published_at: 'not a date at all',
    domain_name: `a.example${RLO}`,
    tags: [`tag${RLO}one`, { label: 'x'.repeat(1000) }],
    published_by: [`Author\u001b]52;c;Zm9v\u0007 Name`],
    reading_time: 3,
    is_archived: 0,
  },
  {
    id: 4,
    title: LONG,
    url: 'https://a.example/4',
    content: BODY,
    domain_name: 'a.example',
    reading_time: 3,
    is_archived: 0,
  },
];

let root: string;
let report: ImportReport;
const stored = new Map<string, StoredArticle>();

/** The stored article imported from the input named `source`. */
function article(source: string): StoredArticle {
  const found = stored.get(source);
  if (!found) throw new Error(`nothing imported from ${source}: ${JSON.stringify(report)}`);
  return found;
}

beforeAll(async () => {
  root = await tempDir('offprint-hygiene-');
  const inputs = path.join(root, 'inputs');
  await fs.mkdir(inputs);
  const files: Record<string, string | Uint8Array> = {
    'hostile.html': HOSTILE,
    'bidi.html': titledPage(
      `Invoice ${RLO}gnp.exe\u0000\u0007 \u2066isolated\u2069 \u200fmark\u061c`,
      `<meta name="author" content="Ann\u202d Author\u0085"><meta property="og:site_name" content="Site\u001b[2J Name">` +
        `<meta name="keywords" content="one${RLO}, two\u200e, ${'t'.repeat(300)}, \u202a\u202c">`,
    ),
    'long-title.html': titledPage(LONG, `<meta name="author" content="${'A'.repeat(5000)}">`),
    'wallabag.json': JSON.stringify(WALLABAG),
    'nul.txt': `A text with a stray NUL\u0000 byte\n\nIts second paragraph is ordinary text about the harbour wall.\n`,
    'nul.html': titledPage('NUL page').replace('Paragraph 1:', 'Paragraph\u0000 1:'),
    'utf16.html': Buffer.from(titledPage('UTF-16 page'), 'utf16le'),
    'utf16.txt': Buffer.from(
      'A UTF-16 file without BOM\n\nWindows tools write these; the text is ordinary English about tides.\n',
      'utf16le',
    ),
  };
  for (const [name, data] of Object.entries(files)) await fs.writeFile(path.join(inputs, name), data);
  const library = await openLibrary(path.join(root, 'library'));
  try {
    const job = await library.importPaths({ paths: [inputs], folderTags: false });
    report = (await library.waitForImport(job.jobId)).report!;
    for (const item of report.imported) {
      const dir = path.join(root, 'library', 'articles', item.id.slice(0, 2), item.id);
      stored.set(item.source, JSON.parse(await fs.readFile(path.join(dir, 'article.json'), 'utf8')));
    }
  } finally {
    await library.close();
  }
});
afterAll(() => removeDir(root));

describe('HTML is sanitized at import', () => {
  it('stores none of the markup that runs, embeds, submits, styles or reaches the network', () => {
    const html = article('hostile.html').html!;
    for (const marker of EVIL_MARKERS) expect(html.toLowerCase(), marker).not.toContain(marker.toLowerCase());
  });

  it('keeps the text, web links and local images', () => {
    const a = article('hostile.html');
    expect(a.html).toContain('Keep this sentence and <a href="https://ok.example/read">this link</a>.');
    expect(a.html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(a.html).toContain('<p>styled paragraph</p>');
    expect(a.text).toContain('Keep this sentence');
  });

  it('sanitizes what every importer produces, not only saved pages', () => {
    const a = article('wallabag.json › Invoice gnp.exe');
    expect(a.html).toContain('Hostile wallabag content');
    for (const marker of EVIL_MARKERS) expect(a.html!.toLowerCase(), marker).not.toContain(marker);
  });

  it('refuses to run where DOMPurify cannot sanitize (linkedom), and runs on jsdom', () => {
    const { window } = parseHTML('<!doctype html><html><body></body></html>');
    const onLinkedom = DOMPurify(window as unknown as WindowLike);
    // The reason for the check: on linkedom, DOMPurify hands back its input as it was.
    expect(onLinkedom.sanitize('<img src=x onerror=alert(1)>')).toContain('onerror');
    expect(() => assertSupported(onLinkedom, 'linkedom')).toThrow(/unsupported on linkedom/);
  });
});

describe('metadata is cleaned and capped at import', () => {
  it('removes bidi controls and control characters from titles, authors, sites and tags', () => {
    const a = article('bidi.html');
    expect(a.title).toBe('Invoice gnp.exe isolated mark');
    expect(a.author).toBe('Ann Author');
    expect(a.site).toBe('Site[2J Name');
    expect(a.tags).toEqual(['one', 'two']); // the page's 300-letter keyword is not taken as a tag at all
    const w = article('wallabag.json › Invoice gnp.exe');
    expect(w.title).toBe('Invoice gnp.exe');
    expect(w.site).toBe('a.example');
    expect(w.author).toBe('Author]52;c;Zm9v Name'); // ESC and BEL gone: no terminal command is left
    expect(w.tags).toEqual(['tagone']); // the 1,000-letter label is no tag (importers drop labels over 60)
  });

  it('caps a 100 KB title and a 5,000-character author', () => {
    const a = article('long-title.html');
    expect(a.title).toHaveLength(FIELD_LIMITS.title);
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.author).toHaveLength(FIELD_LIMITS.author);
    const source = report.imported.find((i) => i.source.startsWith('wallabag.json › Long'))!;
    expect(source.title.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(source.source.length).toBeLessThan(5000);
  });
});

describe('the small import bugs', () => {
  it('imports every Wallabag entry when one date is absurd, dropping only that date, with a note', () => {
    expect(report.failed).toEqual([]);
    const bad = article('wallabag.json › Entry with an absurd date');
    expect(bad.published).toBeNull();
    expect(bad.text).toContain('keeps its text even though its date is nonsense');
    const item = report.imported.find((i) => i.source === 'wallabag.json › Entry with an absurd date')!;
    expect(item.notes).toEqual(['its date "100000000000000000" could not be read, so it has none']);
    const unreadable = report.imported.find((i) => i.source === 'wallabag.json › Invoice gnp.exe')!;
    expect(unreadable.notes).toEqual(['its date "not a date at all" could not be read, so it has none']);
    expect(article('wallabag.json › Entry whose content names the body tag').published).toBe(
      '2021-03-04T05:06:07Z',
    );
  });

  it('keeps the text of Wallabag content that holds <body', () => {
    const a = article('wallabag.json › Entry whose content names the body tag');
    expect(a.text).toContain('Start of the entry.');
    expect(a.text).toContain('then more text.');
    expect(a.text).toContain('The end of the entry.');
  });

  it('imports a text and an HTML page holding a NUL byte, without it', () => {
    const t = article('nul.txt');
    expect(t.importer).toBe('plain-text');
    expect(t.title).toBe('A text with a stray NUL byte');
    expect(t.text).not.toContain('\u0000');
    const h = article('nul.html');
    expect(h.importer).toBe('html');
    expect(h.text).toContain('Paragraph 1:');
    expect(h.html).not.toContain('\u0000');
  });

  it('reads UTF-16 without a BOM', () => {
    const a = article('utf16.txt');
    expect(a.encoding).toBe('utf-16le');
    expect(a.title).toBe('A UTF-16 file without BOM');
    const h = article('utf16.html');
    expect(h).toMatchObject({ importer: 'html', encoding: 'utf-16le', title: 'UTF-16 page' });
    expect(h.text).toContain('Paragraph 1: the council voted');
  });
});

describe('tags that do not come from an importer', () => {
  it('cleans folder names used as tags and tags set through the API', async () => {
    const dir = await tempDir('offprint-hygiene-tags-');
    try {
      const folder = path.join(dir, 'inputs', `in${RLO}voices`);
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(
        path.join(folder, 'paid.txt'),
        'Paid twice\n\nThe invoice was paid twice, the auditors found.\n',
      );
      const library = await openLibrary(path.join(dir, 'library'));
      try {
        const job = await library.importPaths({ paths: [path.join(dir, 'inputs')], folderTags: true });
        const done = (await library.waitForImport(job.jobId)).report!;
        const id = done.imported[0]!.id;
        expect((await library.getArticle({ id })).tags).toEqual(['inputs', 'invoices']);
        const edited = await library.setTags({ id, tags: [`draft${RLO}`, '\u2066\u2069', 'y'.repeat(300)] });
        expect(edited.tags).toEqual(['draft', `${'y'.repeat(FIELD_LIMITS.tag - 1)}…`]);
      } finally {
        await library.close();
      }
    } finally {
      await removeDir(dir);
    }
  });
});
