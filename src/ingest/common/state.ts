import { KEY_SEPARATOR, keyOf, sameValue, withDefaults, type ImportTable } from './tables.js';
import type { Difference, SourceRef, StagedRow, Supersede } from './types.js';

/** One record as the merge sees it: the database's version, then whatever the files change. */
export interface Entry {
  row: Record<string, unknown>;
  /** Collection year of the return that last set it (null: unknown, e.g. entered by hand). */
  year: number | null;
  inDatabase: boolean;
  /** The database's version, to tell a real change from one undone by a later file. */
  original?: Record<string, unknown>;
  changed: boolean;
  deleted: boolean;
  /** The file whose batch the row will carry if written; null for untouched database rows. */
  source: SourceRef | null;
}

export type TableState = Map<string, Entry>;

/**
 * The authority's records (those tables the import touches) merged with the incoming files.
 * Later returns win column by column; every value a later return replaces, or an earlier one
 * fails to replace, is recorded as a difference.
 */
export class MergeState {
  readonly tables = new Map<ImportTable, TableState>();
  readonly differences: Difference[] = [];

  table(name: ImportTable): TableState {
    let state = this.tables.get(name);
    if (!state) this.tables.set(name, (state = new Map()));
    return state;
  }

  /** Database rows, with the collection year of the batch that wrote them. */
  seed(name: ImportTable, rows: readonly Record<string, unknown>[]): void {
    const state = this.table(name);
    for (const raw of rows) {
      const year = raw._year === null || raw._year === undefined ? null : Number(raw._year);
      const row = withDefaults(name, raw);
      if (name === 'cla_episode') this.noteEpisodeYear(row, year);
      state.set(keyOf(name, row), { row, original: { ...row }, year, inDatabase: true, changed: false, deleted: false, source: null });
    }
  }

  /** Collection years of the returns that supplied each child's episodes. */
  private readonly episodeYears = new Map<string, Set<number>>();

  private noteEpisodeYear(row: Record<string, unknown>, year: number | null): void {
    if (year === null) return;
    const child = String(row.child_id);
    const years = this.episodeYears.get(child) ?? new Set<number>();
    years.add(year);
    this.episodeYears.set(child, years);
  }

  /**
   * An episode from an older return that a later return (already held) covers by its window
   * but does not contain: the later return dropped or corrected it, so it is not brought back.
   */
  private shadowedEpisode(row: Record<string, unknown>, year: number | null): number | null {
    if (year === null) return null;
    for (const later of this.episodeYears.get(String(row.child_id)) ?? []) {
      if (later <= year) continue;
      const from = `${later - 1}-04-01`;
      const to = `${later}-03-31`;
      const dec = row.dec as string | null;
      if (String(row.decom) <= to && (dec === null || dec === undefined || dec >= from)) return later;
    }
    return null;
  }

  apply(staged: StagedRow): void {
    const { table, source } = staged;
    const state = this.table(table);
    const key = keyOf(table, staged.row);
    const entry = state.get(key);
    if (table === 'cla_episode') {
      if (!entry || entry.deleted) {
        const later = this.shadowedEpisode(staged.row, source.year);
        if (later !== null) {
          this.differences.push(difference(table, key, '*', { value: staged.row.decom, year: source.year }, { value: null, year: later }, 'kept', source));
          return;
        }
      }
      this.noteEpisodeYear(staged.row, source.year);
    }
    if (!entry || entry.deleted) {
      const row = withDefaults(table, staged.row);
      if (entry) Object.assign(entry, { row, year: source.year, changed: true, deleted: false, source });
      else state.set(key, { row, year: source.year, inDatabase: false, changed: true, deleted: false, source });
      return;
    }
    if (staged.weak) return;
    const newer = rank(source.year) >= rank(entry.year);
    for (const [column, value] of Object.entries(staged.row)) {
      const old = entry.row[column];
      if (sameValue(old, value)) continue;
      if (newer) {
        if (old !== null && old !== undefined && entry.source?.file !== source.file) {
          this.differences.push(difference(table, key, column, { value: old, year: entry.year }, { value, year: source.year }, 'replaced', source));
        }
        entry.row[column] = value ?? null;
        entry.changed = true;
        entry.source = source;
      } else if (value !== null && value !== undefined) {
        this.differences.push(difference(table, key, column, { value, year: source.year }, { value: old, year: entry.year }, 'kept', source));
      }
    }
    if (newer) entry.year = source.year;
  }

  /** Remove rows a later return no longer contains (see Supersede). */
  supersede(rule: Supersede, childColumn = 'child_id', startColumn = 'decom', endColumn = 'dec'): void {
    const state = this.table(rule.table);
    for (const [key, entry] of state) {
      if (entry.deleted || rule.keys.has(key) || !rule.children.has(String(entry.row[childColumn]))) continue;
      if (rank(entry.year) > rule.year) continue;
      const start = String(entry.row[startColumn]);
      const end = entry.row[endColumn] as string | null;
      if (start > rule.to || (end !== null && end < rule.from)) continue;
      entry.deleted = true;
      this.differences.push(difference(rule.table, key, '*', { value: start, year: entry.year }, { value: null, year: rule.year }, 'removed', rule.source));
    }
  }
}

function rank(year: number | null): number {
  return year ?? -Infinity;
}

function difference(
  table: ImportTable,
  key: string,
  column: string,
  earlier: Difference['earlier'],
  later: Difference['later'],
  outcome: Difference['outcome'],
  source: SourceRef,
): Difference {
  return { table, key: key.split(KEY_SEPARATOR).join('/'), column, earlier, later, outcome, file: source.file, line: source.line };
}
