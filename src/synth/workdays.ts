import { fromDayNumber, isWorkingDay, toDayNumber } from '../calendar/index.js';

const cache = new Map<string, WorkdayTable>();

/**
 * Working-day arithmetic on day numbers over a fixed range, precomputed once from the statutory
 * calendar: the simulation adds working days millions of times, so it must be O(1).
 */
export class WorkdayTable {
  private readonly first: number;
  /** Count of working days strictly before each day in the range. */
  private readonly before: Int32Array;
  /** Day numbers of the working days in the range, in order. */
  private readonly days: Int32Array;

  constructor(firstDay: number, lastDay: number) {
    this.first = firstDay;
    const length = lastDay - firstDay + 1;
    this.before = new Int32Array(length + 1);
    const list: number[] = [];
    for (let i = 0; i < length; i++) {
      this.before[i] = list.length;
      if (isWorkingDay(fromDayNumber(firstDay + i))) list.push(firstDay + i);
    }
    this.before[length] = list.length;
    this.days = Int32Array.from(list);
  }

  static forYears(fromYear: number, toYear: number): WorkdayTable {
    const key = `${fromYear}:${toYear}`;
    let table = cache.get(key);
    if (!table) cache.set(key, (table = new WorkdayTable(toDayNumber(`${fromYear}-01-01`), toDayNumber(`${toYear}-12-31`))));
    return table;
  }

  /** The `n`-th working day after `day` (src/calendar's day0 convention: `day` itself never counts). */
  add(day: number, n: number): number {
    const i = this.clamp(day);
    const isWorking = this.before[i + 1]! - this.before[i]! === 1;
    // Never earlier than the next working day on or after `day`.
    const index = Math.max(this.before[i]!, this.before[i]! + n - (isWorking ? 0 : 1));
    if (index < 0) return this.first + Math.max(0, day - this.first) + n;
    if (index >= this.days.length) return this.days[this.days.length - 1]! + Math.round((index - this.days.length + 1) * 1.4);
    return this.days[index]!;
  }

  /** Working days from `from` to `to` (exclusive of `from`, inclusive of `to`). */
  between(from: number, to: number): number {
    return this.before[this.clamp(to) + 1]! - this.before[this.clamp(from) + 1]!;
  }

  private clamp(day: number): number {
    return Math.min(Math.max(day - this.first, 0), this.before.length - 2);
  }
}
