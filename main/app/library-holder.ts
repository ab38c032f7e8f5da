/**
 * The library the window is showing, which File ▸ Open Library… can swap for another. Calls made during a switch
 * keep going to the old library until the new one has opened; if the new one fails to open, the old one stays,
 * so a typo in a folder name never leaves the user with nothing. Generic over the library type so it is
 * unit-tested with a fake.
 */
import path from 'node:path';

export interface ClosableLibrary {
  readonly path: string;
  close(): Promise<void>;
}

export class LibraryHolder<L extends ClosableLibrary> {
  #current: Promise<L>;
  #switching: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly open: (dir: string) => Promise<L>,
    dir: string,
  ) {
    this.#current = open(dir);
    // The failure is reported to whoever calls `get()`; this only keeps it from counting as unhandled.
    this.#current.catch(() => {});
  }

  /** The open library; rejects with the reason when it could not be opened (or has been closed). */
  get(): Promise<L> {
    return this.#current;
  }

  /** Opens `dir` and, once it is open, closes the previous library. Switches run one after another. */
  switchTo(dir: string): Promise<L> {
    const next = this.#switching.then(() => this.#switch(dir));
    this.#switching = next.catch(() => {});
    return next;
  }

  async #switch(dir: string): Promise<L> {
    const previous = await this.#current.catch(() => null);
    if (previous && path.resolve(previous.path) === path.resolve(dir)) return previous;
    const opened = await this.open(dir);
    this.#current = Promise.resolve(opened);
    // The switch has happened; a library that fails to close must not make it look as if it had not.
    await previous
      ?.close()
      .catch((error: unknown) => console.error('Closing the previous library failed:', error));
    return opened;
  }

  /** Closes the library for good (on quit); later calls get a clear error instead of a closed library. */
  async close(): Promise<void> {
    await this.#switching;
    const library = await this.#current.catch(() => null);
    this.#current = Promise.reject(new Error('The library has been closed.'));
    this.#current.catch(() => {});
    await library?.close();
  }
}
