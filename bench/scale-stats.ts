/** Figures of the scale benchmark: percentiles, medians and the process's memory. */

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function spread(values: number[]): Spread {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

/** The median of the runs (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const MB = 1024 * 1024;

/** Resident memory now, in MB. */
export function rssMB(): number {
  return process.memoryUsage().rss / MB;
}

/** The highest resident memory of this process so far (worker threads included), in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function elapsedMs(since: number): number {
  return performance.now() - since;
}

export interface Passes {
  cold: number[];
  warm: number[];
  /** Queries that found nothing (in the warm pass). */
  noHit: number;
}

/**
 * Runs every query twice and times each: the cold pass pays for JIT warm-up and first reads, the warm pass is
 * the steady state. `run` answers how many hits the query found.
 */
export async function timePasses<Q>(queries: Q[], run: (query: Q) => Promise<number>): Promise<Passes> {
  const cold: number[] = [];
  const warm: number[] = [];
  let noHit = 0;
  for (const pass of [cold, warm]) {
    noHit = 0;
    for (const query of queries) {
      const started = performance.now();
      const hits = await run(query);
      pass.push(elapsedMs(started));
      if (hits === 0) noHit++;
    }
  }
  return { cold, warm, noHit };
}

/** The figures of two query passes, named as the report reads them. */
export function passFigures(passes: Passes): Record<string, number> {
  const cold = spread(passes.cold);
  const warm = spread(passes.warm);
  return {
    'cold.p50': cold.p50,
    'cold.p95': cold.p95,
    'cold.max': cold.max,
    'warm.p50': warm.p50,
    'warm.p95': warm.p95,
    'warm.max': warm.max,
    noHit: passes.noHit,
  };
}
