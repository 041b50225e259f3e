/** A binary min-heap of scheduled events keyed by day (ties broken by insertion order, for determinism). */
export class EventHeap<T> {
  private readonly days: number[] = [];
  private readonly order: number[] = [];
  private readonly items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  peekDay(): number {
    return this.items.length === 0 ? Infinity : this.days[0]!;
  }

  push(day: number, item: T): void {
    this.days.push(day);
    this.order.push(this.counter++);
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0]!;
    this.swap(0, n - 1);
    this.days.pop();
    this.order.pop();
    this.items.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.less(l, m)) m = l;
      if (r < this.items.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.days[a]! < this.days[b]! || (this.days[a] === this.days[b] && this.order[a]! < this.order[b]!);
  }

  private swap(a: number, b: number): void {
    // Plain temporaries: destructuring swaps allocate in this hot path.
    const day = this.days[a]!;
    this.days[a] = this.days[b]!;
    this.days[b] = day;
    const order = this.order[a]!;
    this.order[a] = this.order[b]!;
    this.order[b] = order;
    const item = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = item;
  }
}
