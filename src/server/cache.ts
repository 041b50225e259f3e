/**
 * A small per-authority cache for aggregate endpoints (indicator pages, summaries). Entries
 * expire after `ttlMs`; an import into an authority calls `invalidate(laCode)` so nobody sees
 * figures older than the data. Concurrent misses share one computation (no stampede when 200
 * users open the dashboard at once). Child-level data is never cached.
 */
export class AggregateCache {
  private readonly byAuthority = new Map<string, Map<string, { value: Promise<unknown>; at: number }>>();

  constructor(private readonly ttlMs = 60_000, private readonly maxEntriesPerAuthority = 500) {}

  get<T>(laCode: string, key: string, compute: () => Promise<T>): Promise<T> {
    let entries = this.byAuthority.get(laCode);
    if (!entries) {
      entries = new Map();
      this.byAuthority.set(laCode, entries);
    }
    const hit = entries.get(key);
    const now = Date.now();
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = compute();
    if (entries.size >= this.maxEntriesPerAuthority) entries.delete(entries.keys().next().value!);
    const entry = { value, at: now };
    entries.set(key, entry);
    // A failed computation is not cached; and with ttl 0 the entry only serves concurrent callers.
    const owner = entries;
    value.then(() => { if (this.ttlMs <= 0 && owner.get(key) === entry) owner.delete(key); }, () => { if (owner.get(key) === entry) owner.delete(key); });
    return value;
  }

  invalidate(laCode: string): void {
    this.byAuthority.delete(laCode);
  }

  size(laCode: string): number {
    return this.byAuthority.get(laCode)?.size ?? 0;
  }
}
