import { ids } from '../common/ids.js';
import type { MergeState } from '../common/state.js';
import type { SourceRef } from '../common/types.js';

/**
 * Derives periods of care from the merged episodes of the given children: a period starts at an
 * episode with RNE 'S' or after a gap (the previous episode ended before this one began, or
 * never ended) and ends with its last episode. Each episode points at its period; periods
 * no episode needs any more are removed.
 */
export function derivePeriods(state: MergeState, children: ReadonlySet<string>, fallback: SourceRef): void {
  const episodes = state.table('cla_episode');
  const periods = state.table('care_period');
  const byChild = new Map<string, { key: string; row: Record<string, unknown> }[]>();
  for (const [key, entry] of episodes) {
    if (entry.deleted) continue;
    const child = String(entry.row.child_id);
    if (!children.has(child)) continue;
    const list = byChild.get(child) ?? [];
    list.push({ key, row: entry.row });
    byChild.set(child, list);
  }
  const wanted = new Set<string>();
  for (const [child, list] of byChild) {
    list.sort((a, b) => (String(a.row.decom) < String(b.row.decom) ? -1 : 1));
    let current: { id: string; start: string; end: string | null; source: SourceRef | null } | null = null;
    const flush = () => {
      if (!current) return;
      wanted.add(current.id);
      const existing = periods.get(current.id);
      const source = current.source ?? fallback;
      if (!existing || existing.deleted) {
        const row = { period_id: current.id, child_id: child, referral_id: existing?.row.referral_id ?? null, start_date: current.start, end_date: current.end };
        if (existing) Object.assign(existing, { row, changed: true, deleted: false, source });
        else periods.set(current.id, { row, year: source.year, inDatabase: false, changed: true, deleted: false, source });
      } else if (existing.row.start_date !== current.start || (existing.row.end_date ?? null) !== current.end) {
        existing.row.start_date = current.start;
        existing.row.end_date = current.end;
        existing.changed = true;
        existing.source = source;
      }
    };
    let previousEnd: string | null | undefined;
    for (const { key, row } of list) {
      const decom = String(row.decom);
      const startsPeriod = current === null || row.rne === 'S' || previousEnd === null || (previousEnd !== undefined && previousEnd < decom);
      if (startsPeriod) {
        flush();
        current = { id: ids.period(child, decom), start: decom, end: null, source: null };
      }
      const entry = episodes.get(key)!;
      current!.end = (row.dec as string | null) ?? null;
      if (entry.changed && entry.source) current!.source = entry.source;
      if (row.period_id !== current!.id) {
        row.period_id = current!.id;
        entry.changed = true;
        entry.source ??= fallback;
      }
      previousEnd = (row.dec as string | null) ?? null;
    }
    flush();
  }
  for (const [key, entry] of periods) {
    if (children.has(String(entry.row.child_id)) && !wanted.has(key) && !entry.deleted) entry.deleted = true;
  }
}
