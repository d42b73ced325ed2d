/**
 * One partnership's activities in the order they happened (by day, then by
 * revision), column by column: what the as-of counts, the evaluation windows
 * and the timeline read. Kept up to date as activity documents change:
 * most activities are recorded in the order they happened and go on the
 * end; a late entry is put in its place.
 */
export interface ActivityEntry {
  day: number;
  revision: number;
  type: number;
  outcomes: number;
  rank: string | null;
  recordedAt: number;
}

export class ActivityLog {
  length = 0;
  days = new Int32Array(4);
  revisions = new Int32Array(4);
  types = new Uint8Array(4);
  outcomes = new Uint16Array(4);
  ranks: (string | null)[] = [];
  recordedAt = new Float64Array(4);
  /** outcomeSums[i]: outcomes of activities 0..i; latest[i]: which of 0..i was recorded last. Rebuilt when first asked after a change. */
  private sums: Float64Array | undefined;
  private latest: Int32Array | undefined;

  private grow() {
    const size = this.days.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(array: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.days = grown(this.days, (n) => new Int32Array(n));
    this.revisions = grown(this.revisions, (n) => new Int32Array(n));
    this.types = grown(this.types, (n) => new Uint8Array(n));
    this.outcomes = grown(this.outcomes, (n) => new Uint16Array(n));
    this.recordedAt = grown(this.recordedAt, (n) => new Float64Array(n));
  }

  /** Where an activity of this day and revision goes: after every earlier one. */
  private position(day: number, revision: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const d = this.days[middle] as number;
      if (d < day || (d === day && (this.revisions[middle] as number) < revision)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(entry: ActivityEntry): void {
    if (this.length === this.days.length) this.grow();
    const at = this.position(entry.day, entry.revision);
    if (at < this.length) {
      this.days.copyWithin(at + 1, at, this.length);
      this.revisions.copyWithin(at + 1, at, this.length);
      this.types.copyWithin(at + 1, at, this.length);
      this.outcomes.copyWithin(at + 1, at, this.length);
      this.recordedAt.copyWithin(at + 1, at, this.length);
    }
    this.days[at] = entry.day;
    this.revisions[at] = entry.revision;
    this.types[at] = entry.type;
    this.outcomes[at] = Math.min(entry.outcomes, 0xffff);
    this.recordedAt[at] = entry.recordedAt;
    this.ranks.splice(at, 0, entry.rank);
    this.length++;
    this.sums = undefined;
    this.latest = undefined;
  }

  remove(day: number, revision: number): void {
    const at = this.position(day, revision);
    if (at >= this.length || this.revisions[at] !== revision) return;
    this.days.copyWithin(at, at + 1, this.length);
    this.revisions.copyWithin(at, at + 1, this.length);
    this.types.copyWithin(at, at + 1, this.length);
    this.outcomes.copyWithin(at, at + 1, this.length);
    this.recordedAt.copyWithin(at, at + 1, this.length);
    this.ranks.splice(at, 1);
    this.length--;
    this.sums = undefined;
    this.latest = undefined;
  }

  /** How many of the activities happened on or before `day`. */
  countUpTo(day: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.days[middle] as number) <= day) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private index() {
    const sums = new Float64Array(this.length);
    const latest = new Int32Array(this.length);
    let total = 0;
    let last = 0;
    for (let i = 0; i < this.length; i++) {
      sums[i] = total += this.outcomes[i] as number;
      if ((this.revisions[i] as number) > (this.revisions[last] as number)) last = i;
      latest[i] = last;
    }
    this.sums = sums;
    this.latest = latest;
  }

  /** Outcomes of the first `count` activities. */
  outcomesOfFirst(count: number): number {
    if (count === 0) return 0;
    if (this.sums === undefined) this.index();
    return (this.sums as Float64Array)[count - 1] as number;
  }

  /** Of the first `count` activities, the one with the highest revision (the last recorded), or -1. */
  latestOfFirst(count: number): number {
    if (count === 0) return -1;
    if (this.latest === undefined) this.index();
    return (this.latest as Int32Array)[count - 1] as number;
  }

  /** Activities, outcomes and the last activity day as of the end of `day`. */
  asOf(day: number): { count: number; outcomes: number; lastDay: number | null } {
    const count = this.countUpTo(day);
    return { count, outcomes: this.outcomesOfFirst(count), lastDay: count === 0 ? null : (this.days[count - 1] as number) };
  }
}
