/**
 * The segmented index itself, in this process, over a real article store on disk: catching up (one segment per
 * batch, the manifest naming it, nothing rewritten when nothing changed), edits leaving tombstones, removals
 * recorded for searches without the catalog, merges (by tier, a mostly dead segment on its own, compaction),
 * the views each kind of reader gets and when they are rebuilt, damaged, older and newer segment files, and the
 * file descriptors it holds. The worker's two requests run the very functions the worker thread runs
 * (segment-files.ts), here on this thread, so Stryker sees which test covers which line; through a library
 * (index-round-trip, search) the same code runs behind a thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleOutcome } from '../../../main/library/store/article-store';
import { ArticleStore } from '../../../main/library/store/article-store';
import { FileVersionError } from '../../../main/library/store/file-versions';
import {
  MANIFEST_FILE,
  readManifest,
  SEGMENTS_DIR,
  segmentPath,
  writeManifest,
} from '../../../main/library/search/engine/manifest';
import { SEGMENT_FORMAT_VERSION } from '../../../main/library/search/engine/segment-format';
import {
  writeMergedSegment,
  writeSegmentFromArticles,
} from '../../../main/library/search/engine/segment-files';
import {
  fileStamp,
  type IndexWorker,
  SegmentedIndex,
} from '../../../main/library/search/engine/segmented-index';
import { removeDir, tempDir } from '../../helpers/temp-library';

let lib: string;
let store: ArticleStore;
let index: SegmentedIndex;
/** Every request the index made of its worker, in order. */
let requests: { type: string; ids?: string[]; names?: string[]; keep?: number[][] }[];

const worker: IndexWorker = {
  async request(body: object) {
    const r = body as {
      type: string;
      libraryDir: string;
      ids: string[];
      names: string[];
      keep: Uint8Array[];
    };
    if (r.type === 'build-segment') {
      requests.push({ type: r.type, ids: r.ids });
      return writeSegmentFromArticles(r.libraryDir, r.ids);
    }
    requests.push({ type: r.type, names: r.names, keep: r.keep.map((k) => [...k]) });
    return writeMergedSegment(r.libraryDir, r.names, r.keep);
  },
};

beforeEach(async () => {
  lib = await tempDir('offprint-segidx-');
  store = await ArticleStore.open(lib);
  index = new SegmentedIndex(lib);
  requests = [];
});
afterEach(async () => {
  index.close();
  await removeDir(lib);
});

function outcome(n: number): ArticleOutcome {
  return {
    kind: 'article',
    source: `a${n}.txt`,
    original: new TextEncoder().encode(`article number ${n}, its own bytes`),
    originalName: `a${n}.txt`,
    encoding: 'utf-8',
    importer: 'plain-text',
    article: {
      title: `Harbour report ${n}`,
      subtitle: null,
      author: null,
      site: null,
      url: null,
      published: null,
      category: null,
      tags: [],
      text: `The harbour of town ${n} reopened.`,
      html: null,
      previousTitle: null,
      nextTitle: null,
      linkOnly: false,
    },
    resources: [],
  };
}

/** Adds articles `from`..`to - 1` in one committed batch; returns their ids in that order. */
async function addArticles(from: number, to: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < to; n++) ids.push((await store.add(outcome(n))).id);
  await store.commit();
  return ids;
}

/** Takes an article out of the catalog the way the store does: its article.json is found damaged. */
async function damageArticle(id: string): Promise<void> {
  fs.writeFileSync(path.join(store.articleDir(id), 'article.json'), '{ not json');
  await expect(store.readArticle(id)).rejects.toThrow(/damaged/);
  await store.commit();
}

const onDisk = () => fs.readdirSync(path.join(lib, SEGMENTS_DIR)).sort();
const manifestNow = async () => (await readManifest(lib)).manifest;
const liveIds = (view: { set: { slotOfId: Map<string, number> } }) => [...view.set.slotOfId.keys()].sort();
const openFds = () => fs.readdirSync('/proc/self/fd').length;

/** Writes a segment's format version into its header (the version sits at byte 8). */
function setSegmentVersion(name: string, version: number): void {
  const file = segmentPath(lib, name);
  const bytes = fs.readFileSync(file);
  bytes.writeUInt32LE(version, 8);
  fs.writeFileSync(file, bytes);
}

describe('catching up', () => {
  it('builds nothing for an empty library, and records that it covers its revision', async () => {
    await index.catchUp(store, worker);
    expect(requests).toEqual([]);
    const revision = store.currentRevision;
    expect(await manifestNow()).toMatchObject({ coveredRevision: revision, segments: [], removed: [] });
    expect(index.stats(store)).toEqual({ segments: 0, live: 0, dead: 0, coveredRevision: revision });
    // No segment yet: a search without the catalog has nothing to answer from.
    expect(index.currentWithoutCatalog(revision)).toBeNull();
    expect(index.behind(store)).toBe(false);
    expect(index.hasWork(store)).toBe(false);
  });

  it('indexes a batch into one segment that the manifest names, and covers the revision', async () => {
    const ids = await addArticles(0, 3);
    expect(index.behind(store)).toBe(true);
    expect(index.hasWork(store)).toBe(true);
    expect(index.pending(store).sort()).toEqual([...ids].sort());

    await index.catchUp(store, worker);
    expect(requests.map((r) => r.type)).toEqual(['build-segment']);
    expect([...requests[0]!.ids!].sort()).toEqual([...ids].sort());
    const manifest = await manifestNow();
    expect(manifest.coveredRevision).toBe(store.currentRevision);
    expect(manifest.segments).toHaveLength(1);
    expect(manifest.segments[0]!.docs).toBe(3);
    expect(manifest.removed).toEqual([]);
    expect(onDisk()).toEqual([manifest.segments[0]!.name]);
    expect(index.stats(store)).toEqual({
      segments: 1,
      live: 3,
      dead: 0,
      coveredRevision: store.currentRevision,
    });
    expect(index.pending(store)).toEqual([]);
    expect(index.behind(store)).toBe(false);
    expect(index.hasWork(store)).toBe(false);
    expect(liveIds(index.current(store))).toEqual([...ids].sort());
  });

  it('rewrites nothing when nothing changed since', async () => {
    await addArticles(0, 2);
    await index.catchUp(store, worker);
    const stamp = fileStamp(path.join(lib, MANIFEST_FILE));
    requests = [];
    await index.catchUp(store, worker);
    expect(requests).toEqual([]);
    expect(fileStamp(path.join(lib, MANIFEST_FILE))).toBe(stamp);
  });

  it('indexes an edited article again: a new segment, and a tombstone in the old one', async () => {
    const ids = await addArticles(0, 3);
    await index.catchUp(store, worker);
    const first = (await manifestNow()).segments[0]!.name;
    await store.setTags(ids[1]!, ['ports']);
    expect(index.behind(store)).toBe(true);
    expect(index.pending(store)).toEqual([ids[1]]);

    requests = [];
    await index.catchUp(store, worker);
    expect(requests).toEqual([{ type: 'build-segment', ids: [ids[1]] }]);
    const manifest = await manifestNow();
    expect(manifest.segments.map((s) => s.docs)).toEqual([3, 1]);
    expect(manifest.segments[0]!.name).toBe(first);
    expect(index.stats(store)).toEqual({
      segments: 2,
      live: 3,
      dead: 1,
      coveredRevision: store.currentRevision,
    });
    // The live copy is the newest: in the second segment.
    const { set } = index.current(store);
    expect(set.segmentOf(set.slotOfId.get(ids[1]!)!).reader.ids).toEqual([ids[1]]);
    expect(set.segmentOf(set.slotOfId.get(ids[0]!)!).reader.ids).toHaveLength(3);
    expect(index.behind(store)).toBe(false);
  });

  it('records a removed article for searches without the catalog, and only once', async () => {
    const ids = await addArticles(0, 3);
    await index.catchUp(store, worker);
    const covered = store.currentRevision;
    await damageArticle(ids[0]!);
    expect(store.currentRevision).toBeGreaterThan(covered);
    expect(index.pending(store)).toEqual([]);
    expect(index.hasWork(store)).toBe(true);
    expect(index.behind(store)).toBe(true);
    expect(index.removedFor(store)).toEqual([ids[0]]);
    expect(index.currentWithoutCatalog(store.currentRevision)).toBeNull();

    requests = [];
    await index.catchUp(store, worker);
    expect(requests).toEqual([]);
    const manifest = await manifestNow();
    expect(manifest).toMatchObject({ coveredRevision: store.currentRevision, removed: [ids[0]] });
    expect(index.hasWork(store)).toBe(false);
    expect(index.behind(store)).toBe(false);
    const bare = index.currentWithoutCatalog(store.currentRevision)!;
    expect(liveIds(bare)).toEqual([ids[1], ids[2]].sort());
    expect(index.currentWithoutCatalog(store.currentRevision)).toBe(bare);
    expect(index.currentWithoutCatalog(covered)).toBeNull();
    expect(index.stats(store)).toMatchObject({ live: 2, dead: 1 });

    // Caught up again with nothing new: the manifest is left as it is.
    const stamp = fileStamp(path.join(lib, MANIFEST_FILE));
    await index.catchUp(store, worker);
    expect(fileStamp(path.join(lib, MANIFEST_FILE))).toBe(stamp);
  });

  it('covers a revision bumped with nothing to index', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    // The same tags again: a new revision, and the article is indexed again (its catalog entry is newer).
    await store.setTags(ids[0]!, []);
    await index.catchUp(store, worker);
    expect((await manifestNow()).coveredRevision).toBe(store.currentRevision);
    expect(index.behind(store)).toBe(false);
  });
});

describe('what counts as work', () => {
  it('compares the removed ids with those the manifest lists, in order', async () => {
    const ids = await addArticles(0, 3);
    await index.catchUp(store, worker);
    await damageArticle(ids[2]!);
    await index.catchUp(store, worker);
    const manifest = await manifestNow();
    expect(index.hasWork(store)).toBe(false);

    // Another list of the same length, then a longer one, then none (an older manifest): each is work.
    for (const removed of [['someone-else'], [ids[2]!, 'someone-else'], undefined]) {
      const { removed: _, ...rest } = manifest;
      await writeManifest(lib, removed ? { ...manifest, removed } : rest);
      const other = new SegmentedIndex(lib);
      await other.refresh();
      expect(other.hasWork(store), String(removed)).toBe(true);
      expect(other.behind(store)).toBe(false);
      other.close();
    }
  });

  it('has no work under a manifest without a removed list when nothing was removed', async () => {
    await addArticles(0, 2);
    await index.catchUp(store, worker);
    const { removed: _, ...old } = await manifestNow();
    await writeManifest(lib, old);
    const other = new SegmentedIndex(lib);
    await other.refresh();
    expect(other.hasWork(store)).toBe(false);
    other.close();
  });

  it('lists a removed article once though two segments hold it', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    await store.setTags(ids[0]!, ['ports']);
    await index.catchUp(store, worker);
    expect(index.stats(store)).toMatchObject({ segments: 2, dead: 1 });
    await damageArticle(ids[0]!);
    expect(index.removedFor(store)).toEqual([ids[0]]);
  });

  it('answers the removed ids for the store as it is now, not as it was', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    expect(index.removedFor(store)).toEqual([]);
    await damageArticle(ids[1]!);
    expect(index.removedFor(store)).toEqual([ids[1]]);
  });

  it('reports a damaged manifest as a problem, and starts over', async () => {
    await addArticles(0, 1);
    await index.catchUp(store, worker);
    fs.writeFileSync(path.join(lib, MANIFEST_FILE), '{"format":');
    const other = new SegmentedIndex(lib);
    await other.refresh();
    expect(other.problems).toEqual(['the index manifest is damaged; rebuilding the index']);
    expect(other.stats(store)).toMatchObject({ segments: 0, coveredRevision: 0 });
    other.close();
  });

  it('indexes an article whose user.json is damaged, without it', async () => {
    const ids = await addArticles(0, 2);
    fs.writeFileSync(path.join(store.articleDir(ids[0]!), 'user.json'), '{ damaged');
    await index.catchUp(store, worker);
    expect(liveIds(index.current(store))).toEqual([...ids].sort());
    expect(index.pending(store)).toEqual([]);
  });

  it('reads a manifest without a removed list as removing nothing', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    const { removed: _, ...old } = await manifestNow();
    await writeManifest(lib, old);
    const other = new SegmentedIndex(lib);
    await other.refresh();
    expect(liveIds(other.currentWithoutCatalog(store.currentRevision)!)).toEqual([...ids].sort());
    other.close();
  });

  it('counts an article whose segment was lost as pending, though the revision is covered', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    const name = (await manifestNow()).segments[0]!.name;
    fs.writeFileSync(segmentPath(lib, name), 'not a segment at all');
    const other = new SegmentedIndex(lib);
    await other.refresh();
    expect(other.problems).toEqual([
      `search segment ${name} could not be read (not a segment file); re-indexing its articles`,
    ]);
    expect(other.stats(store)).toEqual({
      segments: 0,
      live: 0,
      dead: 0,
      coveredRevision: store.currentRevision,
    });
    expect(other.pending(store).sort()).toEqual([...ids].sort());
    expect(other.behind(store)).toBe(true);
    await other.catchUp(store, worker);
    expect(other.stats(store)).toMatchObject({ segments: 1, live: 2, dead: 0 });
    // The damaged file is gone: the manifest no longer names it.
    expect(onDisk()).toEqual([(await manifestNow()).segments[0]!.name]);
    other.close();
  });
});

describe('merging', () => {
  it('merges eight small segments into one as the eighth lands', async () => {
    const all: string[] = [];
    for (let n = 0; n < 8; n++) {
      all.push(...(await addArticles(n, n + 1)));
      await index.catchUp(store, worker);
      expect(index.stats(store).segments).toBe(n < 7 ? n + 1 : 1);
    }
    const merges = requests.filter((r) => r.type === 'merge-segments');
    expect(merges).toHaveLength(1);
    expect(merges[0]!.keep).toEqual(Array.from({ length: 8 }, () => [1]));
    const manifest = await manifestNow();
    expect(manifest.segments).toHaveLength(1);
    expect(manifest.segments[0]!.docs).toBe(8);
    expect(merges[0]!.names).not.toContain(manifest.segments[0]!.name);
    // The segments merged away are deleted.
    expect(onDisk()).toEqual([manifest.segments[0]!.name]);
    expect(liveIds(index.current(store))).toEqual([...all].sort());
  });

  it('rewrites a mostly dead segment on its own, in its place, so newer copies still win', async () => {
    const ids = await addArticles(0, 120);
    await index.catchUp(store, worker);
    const edited = ids.slice(0, 101);
    await store.setTagsOf(new Map(edited.map((id) => [id, ['ports']])));
    requests = [];
    await index.catchUp(store, worker);
    const merges = requests.filter((r) => r.type === 'merge-segments');
    expect(merges).toHaveLength(1);
    // One keep-list, for the one segment merged (not one per segment of the index).
    expect(merges[0]!.keep).toHaveLength(1);
    const keep = merges[0]!.keep![0]!;
    expect(keep.filter((k) => k === 1)).toHaveLength(19);
    expect(keep.filter((k) => k === 0)).toHaveLength(101);
    const manifest = await manifestNow();
    // The rewritten first segment (19 live) stays first; the edits' segment (101) after it.
    expect(manifest.segments.map((s) => s.docs)).toEqual([19, 101]);
    expect(index.stats(store)).toMatchObject({ segments: 2, live: 120, dead: 0 });
    const { set } = index.current(store);
    for (const id of edited) expect(set.segmentOf(set.slotOfId.get(id)!).reader.ids).toHaveLength(101);
  });

  it('compacts to one segment without tombstones, and leaves a compact index as it is', async () => {
    const ids = await addArticles(0, 3);
    await index.catchUp(store, worker);
    await index.compact(store, worker);
    expect(requests.filter((r) => r.type === 'merge-segments')).toEqual([]);
    const single = (await manifestNow()).segments[0]!.name;

    // One segment, one tombstone in it after a removal: rewritten.
    await damageArticle(ids[0]!);
    await index.compact(store, worker);
    let manifest = await manifestNow();
    expect(manifest.segments).toHaveLength(1);
    expect(manifest.segments[0]).toMatchObject({ docs: 2 });
    expect(manifest.segments[0]!.name).not.toBe(single);
    expect(index.stats(store)).toMatchObject({ segments: 1, live: 2, dead: 0 });

    // Two segments, no tombstone: merged into one.
    await addArticles(10, 12);
    await index.catchUp(store, worker);
    expect(index.stats(store).segments).toBe(2);
    await index.compact(store, worker);
    manifest = await manifestNow();
    expect(manifest.segments.map((s) => s.docs)).toEqual([4]);
    expect(onDisk()).toEqual([manifest.segments[0]!.name]);
  });

  it('recomputes the removed ids once a compaction dropped them from the segments', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    await damageArticle(ids[0]!);
    const before = index.removedFor(store);
    expect(before).toEqual([ids[0]]);
    expect(index.removedFor(store)).toBe(before);
    await index.compact(store, worker);
    expect(index.removedFor(store)).toEqual([]);
  });
});

describe('views', () => {
  it('keeps a view while its key holds and builds another when it changes', async () => {
    const ids = await addArticles(0, 3);
    await index.catchUp(store, worker);
    const view = index.current(store);
    expect(index.current(store)).toBe(view);
    // Another catalog state: another view, even straight after the last one.
    await store.setTags(ids[2]!, ['rivers']);
    const next = index.current(store);
    expect(next).not.toBe(view);
    expect(liveIds(next)).toEqual([...ids].sort());
    await index.catchUp(store, worker);

    const none = index.currentFor(store.currentRevision, new Set());
    expect(liveIds(none)).toEqual([...ids].sort());
    expect(index.currentFor(store.currentRevision, new Set())).toBe(none);
    // The same revision with another catalog: another view.
    const without = index.currentFor(store.currentRevision, new Set([ids[0]!]));
    expect(liveIds(without)).toEqual([ids[1], ids[2]].sort());
    expect(liveIds(index.currentFor(store.currentRevision, new Set([ids[1]!])))).toEqual(
      [ids[0], ids[2]].sort(),
    );

    await store.setTags(ids[0]!, ['ports']);
    const after = index.current(store);
    expect(after).not.toBe(next);
    expect(liveIds(after)).toEqual([...ids].sort());
  });

  it('reopens only when the manifest changed on disk', async () => {
    await addArticles(0, 2);
    await index.catchUp(store, worker);
    const reader = new SegmentedIndex(lib);
    await reader.refresh();
    const view = reader.current(store);
    await reader.refresh();
    expect(reader.current(store)).toBe(view);
    expect(reader.stats(store).live).toBe(2);

    await addArticles(2, 3);
    await index.catchUp(store, worker);
    await reader.refresh();
    expect(reader.current(store)).not.toBe(view);
    expect(reader.stats(store)).toMatchObject({ segments: 2, live: 3 });
    reader.close();
  });
});

describe('segment files from other Offprints', () => {
  it('drops segments of an earlier format and says so once', async () => {
    const ids = await addArticles(0, 2);
    await index.catchUp(store, worker);
    await addArticles(2, 3);
    await index.catchUp(store, worker);
    const names = (await manifestNow()).segments.map((s) => s.name);
    for (const name of names) setSegmentVersion(name, 1);
    const other = new SegmentedIndex(lib);
    await other.refresh();
    expect(other.problems).toEqual([
      'the search index was written by an earlier Offprint (segment format 1); re-indexing its articles',
    ]);
    expect(other.stats(store).segments).toBe(0);
    expect(other.pending(store)).toHaveLength(ids.length + 1);
    other.close();
  });

  it('refuses a segment of a newer format, and closes what it had opened', async () => {
    await addArticles(0, 2);
    await index.catchUp(store, worker);
    await addArticles(2, 3);
    await index.catchUp(store, worker);
    const names = (await manifestNow()).segments.map((s) => s.name);
    setSegmentVersion(names[1]!, SEGMENT_FORMAT_VERSION + 1);
    const other = new SegmentedIndex(lib);
    const fds = openFds();
    await expect(other.refresh()).rejects.toThrow(FileVersionError);
    expect(openFds()).toBe(fds);
    // Still refused at the next refresh: no catch-up may go on from an older view.
    await expect(other.refresh()).rejects.toThrow(/newer Offprint/);
    await expect(other.catchUp(store, worker)).rejects.toThrow(FileVersionError);
    expect((await manifestNow()).segments.map((s) => s.name)).toEqual(names);
  });
});

describe('a newer segment arriving', () => {
  it('leaves the segments already open readable', async () => {
    await addArticles(0, 2);
    await index.catchUp(store, worker);
    const reader = index.current(store).set.segments[0]!.reader;
    const term = reader.findTerm('harbour');
    const postings = [...reader.postings(term).docs];
    expect(postings.length).toBeGreaterThan(0);
    // Another writer adds a segment that a newer Offprint wrote.
    const writer = new SegmentedIndex(lib);
    await addArticles(2, 3);
    await writer.catchUp(store, worker);
    writer.close();
    const names = (await manifestNow()).segments.map((s) => s.name);
    setSegmentVersion(names[1]!, SEGMENT_FORMAT_VERSION + 1);
    await expect(index.refresh()).rejects.toThrow(/newer Offprint/);
    // The view from before still reads its segment (the postings not yet cached: read from the file).
    expect(reader.findTerm('harbour')).toBe(term);
    expect([...reader.postings(reader.findTerm('reopen')).docs]).toEqual([0, 1]);
  });
});

describe('file descriptors', () => {
  it('closes the readers of segments merged away, and all of them at close', async () => {
    const fds = openFds();
    await addArticles(0, 2);
    await index.catchUp(store, worker);
    await addArticles(2, 4);
    await index.catchUp(store, worker);
    expect(openFds()).toBe(fds + 2);
    await index.compact(store, worker);
    expect(openFds()).toBe(fds + 1);
    // The kept reader still reads.
    const { set } = index.current(store);
    expect(set.terms()).toContain('harbour');
    index.close();
    expect(openFds()).toBe(fds);
  });
});

describe('fileStamp', () => {
  it('names a missing file, and changes when a file is replaced', () => {
    const file = path.join(lib, 'stamped');
    expect(fileStamp(file)).toBe('missing');
    fs.writeFileSync(file, 'one');
    const first = fileStamp(file);
    const s = fs.statSync(file);
    expect(first).toBe(`${s.ino}:${s.mtimeMs}:3`);
    fs.writeFileSync(`${file}.new`, 'two!');
    fs.renameSync(`${file}.new`, file);
    expect(fileStamp(file)).not.toBe(first);
  });
});
