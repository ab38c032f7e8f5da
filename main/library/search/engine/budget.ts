/**
 * What one query may spend: a wall-clock deadline and a number of work steps (automaton transitions, terms
 * looked up, postings visited). The walks that expand a clause over the dictionary and the scoring loops spend
 * from it and stop when it runs out, so no query shape (wildcards anywhere, fuzziness, a very long word over
 * a dictionary holding one) can run for long. Steps are counted because they are exact: the same query over
 * the same index stops at the same place; the clock is read only every few thousand steps.
 */

/** Steps between two looks at the clock: reading it costs far more than one step. */
const CHECK_EVERY = 4096;

export type BudgetEnd = 'time' | 'steps' | null;

export class Budget {
  private steps = 0;
  /** The first spend reads the clock: a query whose time is already up starts nothing. */
  private nextCheck = 0;
  /** Why the budget ran out, or null while it lasts. */
  ended: BudgetEnd = null;

  constructor(
    /** `performance.now()` past which the query stops. */
    readonly deadline: number,
    readonly maxSteps: number,
  ) {}

  static unlimited(): Budget {
    return new Budget(Infinity, Infinity);
  }

  /** A budget of `ms` milliseconds from now. */
  static forMs(ms: number, maxSteps: number): Budget {
    return new Budget(performance.now() + ms, maxSteps);
  }

  /** Spends `n` steps; false once the budget has run out (and from then on). */
  spend(n: number): boolean {
    if (this.ended) return false;
    this.steps += n;
    if (this.steps > this.maxSteps) {
      this.ended = 'steps';
      return false;
    }
    if (this.steps < this.nextCheck) return true;
    this.nextCheck = this.steps + CHECK_EVERY;
    if (performance.now() > this.deadline) this.ended = 'time';
    return this.ended === null;
  }

  get exhausted(): boolean {
    return this.ended !== null;
  }

  get spent(): number {
    return this.steps;
  }
}
