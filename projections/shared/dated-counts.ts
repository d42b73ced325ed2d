/**
 * Counts that change on dated days: for every figure (a family and a member,
 * e.g. `status` / `active`), the changes and the day each takes effect. The
 * value as of a day is the sum of the changes up to it, so "as of any day"
 * is a prefix sum and a series is one pass; the current value is kept as a
 * running total. Changes arrive in any order (facts are entered late).
 */
export class Series {
  total = 0;
  /** No change is dated after this day (it may be later than the last one left after changes cancelled out). */
  private latest = Number.NEGATIVE_INFINITY;
  /** Changes as they came, not yet merged: adding is appending (a catch-up adds millions). */
  private pendingDays = new Int32Array(8);
  private pendingDeltas = new Float64Array(8);
  private pending = 0;
  /** The merged changes: distinct days in order, with the running sums at them. */
  private days = new Int32Array(0);
  private sums = new Float64Array(0);

  add(day: number, delta: number) {
    if (this.pending === this.pendingDays.length) {
      // Merged once the unmerged part is as large as the merged one: each change is merged a bounded number of times.
      if (this.pending >= 1024 && this.pending >= this.days.length) this.merge();
      else this.growPending();
    }
    this.pendingDays[this.pending] = day;
    this.pendingDeltas[this.pending] = delta;
    this.pending++;
    this.total += delta;
    if (day > this.latest) this.latest = day;
  }

  at(day: number): number {
    // The current value needs no index: most reads are for today.
    if (day >= this.latest) return this.total;
    if (this.pending > 0) this.merge();
    const { days, sums } = this;
    if (days.length === 0 || day >= (days[days.length - 1] as number)) return this.total;
    // The last change on or before `day`.
    let low = 0;
    let high = days.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((days[middle] as number) <= day) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found < 0 ? 0 : (sums[found] as number);
  }

  private growPending() {
    const days = new Int32Array(this.pendingDays.length * 2);
    const deltas = new Float64Array(this.pendingDeltas.length * 2);
    days.set(this.pendingDays);
    deltas.set(this.pendingDeltas);
    this.pendingDays = days;
    this.pendingDeltas = deltas;
  }

  /** Folds the unmerged changes into the merged days and sums; days whose changes cancel out are dropped. */
  private merge() {
    const byDay = new Map<number, number>();
    let previous = 0;
    for (let i = 0; i < this.days.length; i++) {
      const sum = this.sums[i] as number;
      byDay.set(this.days[i] as number, sum - previous);
      previous = sum;
    }
    for (let i = 0; i < this.pending; i++) {
      const day = this.pendingDays[i] as number;
      byDay.set(day, (byDay.get(day) ?? 0) + (this.pendingDeltas[i] as number));
    }
    const days = Int32Array.from([...byDay.keys()].filter((day) => byDay.get(day) !== 0)).sort();
    const sums = new Float64Array(days.length);
    let running = 0;
    for (let i = 0; i < days.length; i++) {
      running += byDay.get(days[i] as number) as number;
      sums[i] = running;
    }
    this.days = days;
    this.sums = sums;
    this.pending = 0;
  }
}

/** The current value: as of a day later than any change. */
export const NOW = Number.POSITIVE_INFINITY;

export class DatedCounts {
  private readonly families = new Map<string, Map<string, Series>>();

  add(family: string, member: string, day: number, delta: number): void {
    if (delta !== 0) this.series(family, member).add(day, delta);
  }

  /** One figure's changes, to add to repeatedly without looking it up each time. */
  series(family: string, member: string): Series {
    let members = this.families.get(family);
    if (members === undefined) this.families.set(family, (members = new Map()));
    let series = members.get(member);
    if (series === undefined) members.set(member, (series = new Series()));
    return series;
  }

  /** The sum of a family's members (those `which` keeps) at the end of `day`. */
  total(family: string, day: number, which: (member: string) => boolean = () => true): number {
    let total = 0;
    for (const [member, series] of this.families.get(family) ?? []) if (which(member)) total += series.at(day);
    return total;
  }

  /** The value of one figure at the end of `day` (day number; NOW for the current value). */
  at(family: string, member: string, day: number): number {
    return this.families.get(family)?.get(member)?.at(day) ?? 0;
  }

  /** The change of one figure over the days `from` to `to`, both included. */
  between(family: string, member: string, from: number, to: number): number {
    return this.at(family, member, to) - this.at(family, member, from - 1);
  }

  /** Every member of a family with its value at the end of `day`; members at zero are left out. */
  family(family: string, day: number): Map<string, number> {
    const values = new Map<string, number>();
    for (const [member, series] of this.families.get(family) ?? []) {
      const value = series.at(day);
      if (value !== 0) values.set(member, value);
    }
    return values;
  }
}
