import { describe, expect, it } from 'vitest';
import { LibraryHolder } from '../../main/app/library-holder';

class FakeLibrary {
  closed = false;
  constructor(readonly path: string) {}
  async close() {
    this.closed = true;
  }
}

/** Opens fake libraries, failing for folders named in `broken`; remembers every library it opened. */
function opener(broken: string[] = []) {
  const opened: FakeLibrary[] = [];
  const open = async (dir: string) => {
    if (broken.includes(dir)) throw new Error(`cannot open ${dir}`);
    const library = new FakeLibrary(dir);
    opened.push(library);
    return library;
  };
  return { open, opened };
}

describe('LibraryHolder', () => {
  it('opens the first library at once', async () => {
    const { open } = opener();
    const holder = new LibraryHolder(open, '/data/first');
    expect((await holder.get()).path).toBe('/data/first');
  });

  it('switches to another folder and closes the previous library after the new one opened', async () => {
    const { open, opened } = opener();
    const holder = new LibraryHolder(open, '/data/first');
    const second = await holder.switchTo('/data/second');
    expect(second.path).toBe('/data/second');
    expect(await holder.get()).toBe(second);
    expect(opened.map((l) => [l.path, l.closed])).toEqual([
      ['/data/first', true],
      ['/data/second', false],
    ]);
  });

  it('keeps the current library when the new folder cannot be opened', async () => {
    const { open, opened } = opener(['/data/broken']);
    const holder = new LibraryHolder(open, '/data/first');
    await expect(holder.switchTo('/data/broken')).rejects.toThrow('cannot open /data/broken');
    expect((await holder.get()).path).toBe('/data/first');
    expect(opened[0]?.closed).toBe(false);
  });

  it('does not reopen the folder that is already open', async () => {
    const { open, opened } = opener();
    const holder = new LibraryHolder(open, '/data/first');
    await holder.switchTo('/data/sub/../first/');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.closed).toBe(false);
  });

  it('recovers from a first library that failed to open', async () => {
    const { open } = opener(['/data/locked']);
    const holder = new LibraryHolder(open, '/data/locked');
    await expect(holder.get()).rejects.toThrow('cannot open /data/locked');
    expect((await holder.switchTo('/data/other')).path).toBe('/data/other');
  });

  it('runs switches one after another, ending on the last folder asked for', async () => {
    const { open, opened } = opener();
    const holder = new LibraryHolder(open, '/data/a');
    await Promise.all([holder.switchTo('/data/b'), holder.switchTo('/data/c')]);
    expect((await holder.get()).path).toBe('/data/c');
    expect(opened.filter((l) => !l.closed).map((l) => l.path)).toEqual(['/data/c']);
  });

  it('closes the library on quit and refuses later calls', async () => {
    const { open, opened } = opener();
    const holder = new LibraryHolder(open, '/data/first');
    await holder.close();
    expect(opened[0]?.closed).toBe(true);
    await expect(holder.get()).rejects.toThrow('The library has been closed.');
  });
});
