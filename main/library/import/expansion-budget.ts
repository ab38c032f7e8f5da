/**
 * What one archive may expand to, counted as its bytes are inflated (never trusting the sizes it declares):
 * at most `maxExpansionRatio` times its own size (above a floor, so a small archive of text is never refused)
 * and at most `maxExpandedBytes`, with at most `maxEntries` entries. Archives nested in it share its budget,
 * so a zip of zips cannot multiply the allowance.
 */
import { type ImportLimits, importLimits, LimitExceeded, megabytes } from './limits';

export class ExpansionBudget {
  private inflated = 0;
  private entries = 0;
  readonly allowance: number;

  constructor(
    /** Size of the outermost archive as it lies on disk. */
    readonly compressedBytes: number,
    private readonly limits: Readonly<ImportLimits> = importLimits(),
  ) {
    this.allowance = Math.min(
      limits.maxExpandedBytes,
      Math.max(limits.expansionFloorBytes, compressedBytes * limits.maxExpansionRatio),
    );
  }

  get used(): number {
    return this.inflated;
  }

  /** Counts `bytes` more inflated; throws past the allowance. */
  add(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.allowance) throw new LimitExceeded(this.refusal());
  }

  /** Whether `bytes` more would still fit (to refuse by a declared size before inflating anything). */
  fits(bytes: number): boolean {
    return this.inflated + bytes <= this.allowance;
  }

  /** Counts one more entry; throws past the entry limit. */
  addEntry(): void {
    if (++this.entries > this.limits.maxEntries)
      throw new LimitExceeded(
        `the archive holds more than ${this.limits.maxEntries.toLocaleString('en')} entries (nested archives included)`,
      );
  }

  refusal(): string {
    const byRatio = this.allowance < this.limits.maxExpandedBytes;
    return byRatio
      ? `the archive expands past ${megabytes(this.allowance)} (more than ${this.limits.maxExpansionRatio} times its ${megabytes(this.compressedBytes)}: a zip bomb?)`
      : `the archive expands past ${megabytes(this.allowance)}`;
  }
}
