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
  /** The first refusal: the archive and every archive around it stop there, for this reason. */
  private spentBecause: string | null = null;
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
    if (this.inflated > this.allowance) throw new LimitExceeded(this.spend(this.expansionReason()));
  }

  /**
   * Whether `bytes` more would still fit (to refuse by a declared size before inflating anything). A no
   * spends the budget: a nested archive refused this way stops its parents too.
   */
  fits(bytes: number): boolean {
    if (!this.spentBecause && this.inflated + bytes > this.allowance) this.spend(this.expansionReason());
    return !this.spentBecause;
  }

  /** Counts one more entry; throws past the entry limit. */
  addEntry(): void {
    if (++this.entries > this.limits.maxEntries)
      throw new LimitExceeded(
        this.spend(
          `the archive holds more than ${this.limits.maxEntries.toLocaleString('en')} entries (nested archives included)`,
        ),
      );
  }

  /** Why the budget is spent (or would be, by expansion). */
  refusal(): string {
    return this.spentBecause ?? this.expansionReason();
  }

  private spend(reason: string): string {
    this.spentBecause ??= reason;
    return this.spentBecause;
  }

  private expansionReason(): string {
    const byRatio = this.allowance < this.limits.maxExpandedBytes;
    return byRatio
      ? `the archive expands past ${megabytes(this.allowance)} (more than ${this.limits.maxExpansionRatio} times its ${megabytes(this.compressedBytes)}: a zip bomb?)`
      : `the archive expands past ${megabytes(this.allowance)}`;
  }
}
