import { describe, expect, it } from 'vitest';
import { libraryFlag } from '../../main/app/command-line';

describe('libraryFlag', () => {
  it('reads --library DIR among Electron’s own arguments', () => {
    expect(libraryFlag(['/opt/electron', '.', '--no-sandbox', '--library', '/data/lib'])).toBe('/data/lib');
  });

  it('reads --library=DIR', () => {
    expect(libraryFlag(['Offprint', '--library=/data/my library'])).toBe('/data/my library');
  });

  it('is null without the flag, or when the flag has no value', () => {
    expect(libraryFlag(['Offprint'])).toBeNull();
    expect(libraryFlag(['Offprint', '--library'])).toBeNull();
    expect(libraryFlag(['Offprint', '--library', '--inspect'])).toBeNull();
    expect(libraryFlag(['Offprint', '--library='])).toBeNull();
  });
});
