// A random sample of a group's code, for a mutation score measured in minutes where a full run takes hours: each
// file is cut into windows of WINDOW lines and a seeded random FRACTION of the windows is mutated (Stryker's
// `file:start-end` ranges take the mutants that lie wholly inside one). The same group, fraction and seed give
// the same sample. A mutant spanning two windows (a long function's body emptied, say) is never drawn, so the
// sample leans to small mutants; bench/results/mutation.md says so where it quotes a sampled score.
import fs from 'node:fs';
import path from 'node:path';

export const WINDOW = 8;

/**
 * A small seeded generator (mulberry32): the sample must not change from one run to the next. The same as
 * tests/helpers/seeded-random.ts, which a plain Node script cannot import (it is TypeScript).
 */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Stryker mutate patterns (`file:start-end`) for the sampled windows of each file. */
export function samplePatterns(root, files, fraction, seed) {
  return files.flatMap((file) => {
    // Each file draws from its own sequence, so files of different groups are not sampled at the same lines.
    const next = random(seed ^ hash(file));
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n').length;
    const picked = [];
    for (let start = 1; start <= lines; start += WINDOW)
      if (next() < fraction) picked.push(`${file}:${start}-${Math.min(start + WINDOW - 1, lines)}`);
    return picked;
  });
}
