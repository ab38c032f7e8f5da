import { describe, expect, it } from 'vitest';
import { articleHash, articleIdFromHash } from '../../../renderer/lib/article-hash';

describe('article hash', () => {
  it('round-trips an article id and ignores anything else', () => {
    expect(articleIdFromHash(articleHash('dbb2efa883b25b4f49c1'))).toBe('dbb2efa883b25b4f49c1');
    expect(articleIdFromHash('#article/DBB2')).toBeNull();
    expect(articleIdFromHash('#article/dbb2efa883b25b4f49c1/../x')).toBeNull();
    expect(articleIdFromHash('')).toBeNull();
  });
});
