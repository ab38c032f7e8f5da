/**
 * URLs and local resources: remote images by every attribute, data and file URLs, and a saved page whose
 * `<img src>` names private files beside it. Local images come only from the page's own `<name>_files/` folder,
 * only real images (by content), never hidden files, never through a link out of that folder.
 */
import { expect } from 'vitest';
import type { CheckContext, HostileCase } from './case';
import { escapeHtml, imagePage, markerOf, payload, PNG_1X1, symlink, writeFile } from './build';
import { htmlCase } from './html-case';
import { scanStoredHtml } from './inert-scan';

const F = 'resources' as const;

/** Secret file contents: none may ever appear in the library. */
export function secretOf(name: string, which: string): string {
  return `SECRET-${name}-${which}-do-not-import`;
}

/** Every resource kept is a real image, and no secret of the case is anywhere in the library. */
async function onlyImages(
  articles: Parameters<NonNullable<HostileCase['check']>>[0],
  ctx: CheckContext,
  secrets: string[],
  allowed: string[],
): Promise<void> {
  for (const article of articles) {
    expect(scanStoredHtml(article.html, ctx.canary)).toEqual([]);
    expect(article.resources.length).toBeLessThanOrEqual(allowed.length);
    for (const name of article.resources) {
      const resource = await ctx.resource(article.id, name);
      expect('error' in resource ? resource.error : resource.mediaType).toMatch(/^image\//);
      if (!('error' in resource)) expect(resource.data.subarray(0, 8)).toEqual(PNG_1X1.subarray(0, 8));
    }
  }
  const everything = await ctx.libraryText();
  for (const secret of secrets)
    expect(everything.includes(secret), `${secret} is in the library`).toBe(false);
}

/** A page may say which of its images it left out; that is a note, not a failed import. */
const SKIPPED_RESOURCE = /not an image|hidden|outside|not kept|skipped|left out/i;

interface PrivateSpec {
  name: string;
  input: string;
  /** The `src` values of the page and the files (relative to the case folder) they name. */
  images: string[];
  files: Record<string, string | Buffer>;
  links?: Record<string, string>;
  /** Resources that must be kept (positive control). */
  keep?: string[];
  /** The page sits here inside the case folder ('' for the top). */
  at?: string;
  expected?: string;
}

function privateCase(spec: PrivateSpec): HostileCase {
  const marker = markerOf(spec.name);
  const secrets = Object.entries(spec.files)
    .filter(([, data]) => typeof data === 'string')
    .map(([, data]) => data as string);
  return {
    name: spec.name,
    family: F,
    input: spec.input,
    expected:
      spec.expected ??
      'imported without those files: no resource is stored, nothing of them is anywhere in the library',
    outcome: { kind: 'imported', count: 1 },
    tolerated: SKIPPED_RESOURCE,
    marker,
    async write(dir) {
      for (const [relative, data] of Object.entries(spec.files)) await writeFile(dir, relative, data);
      for (const [relative, target] of Object.entries(spec.links ?? {})) await symlink(dir, relative, target);
      const at = spec.at ? `${spec.at}/` : '';
      const html = imagePage(`Saved page ${spec.name}`, marker, spec.images);
      return [await writeFile(dir, `${at}${spec.name}.html`, html)];
    },
    async check(articles, ctx) {
      await onlyImages(articles, ctx, secrets, spec.keep ?? []);
      if (spec.keep) expect(articles[0]!.resources.length).toBe(spec.keep.length);
    },
  };
}

export const RESOURCE_CASES: HostileCase[] = [
  htmlCase({
    name: 'remote-images',
    family: F,
    input:
      'remote images by `src`, `srcset`, `<picture><source srcset>`, protocol-relative, `background`, `<input type=image>`',
    body: (c) =>
      [
        `<p><img src="${c.canary}/img.png" alt="remote"></p>`,
        `<p><img src="local.png" srcset="${c.canary}/srcset.png 1x, ${c.canary}/srcset2.png 2x" alt="srcset"></p>`,
        `<picture><source srcset="${c.canary}/source.webp" type="image/webp"><img src="${c.canary}/picture.png" alt="picture"></picture>`,
        `<p><img src="${c.canary.replace('http:', '')}/protocol-relative.png" alt="pr"></p>`,
        `<p><img src=" ${c.canary}/leading-space.png" alt="space"></p>`,
        `<table background="${c.canary}/table-bg.png"><tr><td>cell</td></tr></table>`,
        `<p><img data-src="${c.canary}/lazy.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="lazy"></p>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'data-urls',
    family: F,
    input: '`data:` URLs: an SVG image with `onload`, an HTML frame and link, an object, a plain PNG',
    body: (c) =>
      [
        `<p><img src="data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" onload="${payload(c, 'svg-data')}"><image href="${c.canary}/svg-data.png"/></svg>`)}" alt="svg"></p>`,
        `<iframe src="data:text/html,${encodeURIComponent(`<script>${payload(c, 'data-iframe')}</script>`)}"></iframe>`,
        `<p><a href="data:text/html;base64,${Buffer.from(`<script>${payload(c, 'data-a')}</script>`).toString('base64')}">data link</a></p>`,
        `<object data="data:image/svg+xml,${escapeHtml(encodeURIComponent(`<svg onload="${payload(c, 'data-object')}"/>`))}"></object>`,
        `<p><img src="data:image/png;base64,${PNG_1X1.toString('base64')}" alt="inline png"></p>`,
      ].join('\n'),
  }),
  {
    ...htmlCase({
      name: 'file-urls',
      family: F,
      input:
        '`file:///etc/passwd` images and links, absolute `/etc/hostname`, `C:\\` and UNC paths, `../../../etc/passwd`',
      body: () =>
        [
          '<p><img src="file:///etc/passwd" alt="file"> <a href="file:///etc/hosts">hosts</a></p>',
          '<iframe src="file:///etc/"></iframe>',
          '<p><img src="/etc/hostname" alt="absolute"> <img src="../../../../../../etc/passwd" alt="up"></p>',
          '<p><img src="C:\\Windows\\win.ini" alt="windows"> <img src="\\\\server\\share\\x.png" alt="unc"></p>',
        ].join('\n'),
    }),
    expected: 'imported with no resource; nothing of `/etc` is stored; the reader loads nothing',
    tolerated: SKIPPED_RESOURCE,
    async check([article], ctx) {
      expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]);
      expect(article!.resources).toEqual([]);
      expect(await ctx.libraryText()).not.toMatch(/root:x:0:0/);
    },
  },
  privateCase({
    name: 'private-hidden-sibling',
    input: 'a saved page whose `<img src=".secret-token">` names a hidden file beside it',
    images: ['.secret-token'],
    files: { '.secret-token': secretOf('private-hidden-sibling', 'token') },
  }),
  privateCase({
    name: 'private-ssh-key',
    input: 'a saved page whose `<img src="private/.ssh/id_rsa">` names a private key beside it',
    images: ['private/.ssh/id_rsa', 'private%2F.ssh%2Fid_rsa'],
    files: { 'private/.ssh/id_rsa': secretOf('private-ssh-key', 'key') },
  }),
  privateCase({
    name: 'private-notes-txt',
    input: 'a saved page whose `<img src="notes.txt">` names a text file beside it',
    images: ['notes.txt', './notes.txt'],
    files: { 'notes.txt': secretOf('private-notes-txt', 'notes') },
  }),
  privateCase({
    name: 'private-parent-folder',
    input: 'a saved page whose `<img src="../outside.png">` names a real PNG in the folder above it',
    at: 'page',
    images: ['../outside.png', 'page_files/../../outside.png'],
    files: { 'outside.png': PNG_1X1, 'page/page_files/.keep': secretOf('private-parent-folder', 'keep') },
  }),
  privateCase({
    name: 'page-files-real-image',
    input: 'a complete-page save whose `<name>_files/photo.png` is a real PNG (positive control)',
    expected: 'imported with exactly that image as its one resource, served as `image/png`',
    images: ['page-files-real-image_files/photo.png'],
    files: { 'page-files-real-image_files/photo.png': PNG_1X1 },
    keep: ['photo.png'],
  }),
  privateCase({
    name: 'page-files-fake-image',
    input: '`<name>_files/fake.png` holding text, and `<name>_files/page.html` named by `<img src>`',
    expected: 'imported without them (not an image by content): no resource stored',
    images: ['page-files-fake-image_files/fake.png', 'page-files-fake-image_files/page.html'],
    files: {
      'page-files-fake-image_files/fake.png': secretOf('page-files-fake-image', 'fake'),
      'page-files-fake-image_files/page.html': `<p>${secretOf('page-files-fake-image', 'html')}</p>`,
    },
  }),
  privateCase({
    name: 'page-files-hidden',
    input: '`<name>_files/.hidden.png`, a real PNG in a hidden file',
    expected: 'imported without it (hidden files never): no resource stored',
    images: ['page-files-hidden_files/.hidden.png'],
    files: { 'page-files-hidden_files/.hidden.png': PNG_1X1 },
  }),
  privateCase({
    name: 'page-files-symlink-escape',
    input:
      '`<name>_files/a.png` and `b.png` are symbolic links to a secret text file and a PNG outside that folder',
    expected: 'imported without them (never a path outside the folder): no resource stored',
    images: ['page-files-symlink-escape_files/a.png', 'page-files-symlink-escape_files/b.png'],
    files: { 'secret.txt': secretOf('page-files-symlink-escape', 'secret'), 'outside.png': PNG_1X1 },
    links: {
      'page-files-symlink-escape_files/a.png': '../secret.txt',
      'page-files-symlink-escape_files/b.png': '../outside.png',
    },
  }),
];
