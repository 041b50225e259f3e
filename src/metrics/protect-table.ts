/**
 * Small-number suppression for any table with totals, declared once: cells (counts) addressed by
 * index, and sum groups (parts that add up to a total cell: a row, a column, a breakdown). Primary
 * suppression withholds counts from 1 to threshold − 1; secondary (complementary) suppression then
 * withholds more cells until no withheld cell can be worked out exactly from the published cells
 * and the sums — by subtraction, or by any combination of rows and columns (checked with exact
 * linear algebra, not only one group at a time).
 */

/** Cells that add up to a total cell (indices into the table's values). */
export interface SumGroup {
  readonly parts: readonly number[];
  readonly total: number;
}

export interface SumTable {
  /** Cell values: counts. null = no count to show (never chosen as a complement); a cell already withheld may be null. */
  readonly values: readonly (number | null)[];
  readonly groups: readonly SumGroup[];
}

export interface TableProtection {
  /** Cells to withhold (primary and secondary). */
  readonly hidden: readonly boolean[];
  /** Why each withheld cell is withheld. */
  readonly reasons: readonly (('primary' | 'secondary') | null)[];
}

/** A count that must not be published: 1 to threshold − 1 (zero is shown; a zero was submitted as zero). */
export function isSmallCount(value: number | null | undefined, threshold: number): boolean {
  return value !== null && value !== undefined && value > 0 && value < threshold;
}

/** Primary then secondary suppression of a table with totals. */
export function protectTable(table: SumTable, threshold: number): TableProtection {
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`suppression threshold must be a whole number of at least 1 (got ${threshold})`);
  const primary = table.values.map((v) => isSmallCount(v, threshold));
  return secondarySuppression(table, primary);
}

/**
 * Secondary suppression over cells already withheld (by any primary rule): while some withheld
 * cell is determined by the published cells and the sums, withhold one more cell of a group
 * containing it — the smallest non-zero part, else the total.
 */
export function secondarySuppression(table: SumTable, alreadyHidden: readonly boolean[]): TableProtection {
  const n = table.values.length;
  if (alreadyHidden.length !== n) throw new Error(`suppression: ${alreadyHidden.length} hidden flags for ${n} cells`);
  for (const g of table.groups) {
    for (const i of [...g.parts, g.total]) if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`suppression: sum group refers to cell ${i} of ${n}`);
  }
  const hidden = [...alreadyHidden];
  const reasons: (('primary' | 'secondary') | null)[] = hidden.map((h) => (h ? 'primary' : null));
  for (let guard = 0; guard <= n; guard++) {
    const exposed = determinedCells(table, hidden);
    if (exposed.length === 0) break;
    const pick = complementFor(table, hidden, exposed[0]!);
    if (pick === undefined) break; // every cell around it is withheld already: nothing more can help
    hidden[pick] = true;
    reasons[pick] = 'secondary';
  }
  return { hidden, reasons };
}

/** The cell to withhold next to protect `cell`: in the groups containing it, the smallest non-zero part, else a total; else any cell linked to it. */
function complementFor(table: SumTable, hidden: readonly boolean[], cell: number): number | undefined {
  const value = (i: number) => table.values[i] ?? 0;
  const rank = (i: number, isTotal: boolean) => [isTotal ? 1 : 0, value(i), i] as const;
  // Zeros are never complements: withheld cells adding up to 0 would all be known to be 0.
  const usable = (i: number) => !hidden[i] && table.values[i] !== null && value(i) > 0;
  const candidates: (readonly [number, number, number])[] = [];
  const collect = (groups: readonly SumGroup[]) => {
    for (const g of groups) {
      for (const p of g.parts) if (usable(p)) candidates.push(rank(p, false));
      if (usable(g.total)) candidates.push(rank(g.total, true));
    }
  };
  collect(table.groups.filter((g) => g.total === cell || g.parts.includes(cell)));
  // Determined through a chain of groups: widen to any group with a withheld cell.
  if (candidates.length === 0) collect(table.groups.filter((x) => [...x.parts, x.total].some((i) => hidden[i])));
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return candidates[0]?.[2];
}

const EPSILON = 1e-9;

/**
 * Withheld cells whose value follows from the published cells and the sums: with the withheld
 * cells as unknowns, each group gives one linear equation; a cell is determined when every
 * solution of the homogeneous system is zero there (it is a pivot whose reduced row has no free
 * variable). Exact for tables of counts (coefficients 0 and ±1).
 */
export function determinedCells(table: SumTable, hidden: readonly boolean[]): number[] {
  const unknowns = hidden.map((h, i) => (h ? i : -1)).filter((i) => i >= 0);
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((cell, c) => [cell, c]));
  const rows: number[][] = [];
  for (const g of table.groups) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const p of g.parts) if (column.has(p)) { row[column.get(p)!]! += 1; any = true; }
    if (column.has(g.total)) { row[column.get(g.total)!]! -= 1; any = true; }
    if (any) rows.push(row);
  }
  const pivots = reduce(rows, unknowns.length);
  const free = new Set(unknowns.map((_, c) => c));
  for (const { col } of pivots) free.delete(col);
  return pivots.filter(({ row }) => [...free].every((f) => Math.abs(rows[row]![f]!) < EPSILON)).map(({ col }) => unknowns[col]!);
}

/** Reduced row echelon form in place; returns each pivot's row and column. */
function reduce(rows: number[][], width: number): { row: number; col: number }[] {
  const pivots: { row: number; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]![c]!;
    for (let k = 0; k < width; k++) rows[r]![k]! /= pivot;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const factor = rows[i]![c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let k = 0; k < width; k++) rows[i]![k]! -= factor * rows[r]![k]!;
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  return pivots;
}

/**
 * Sum groups of a grid with a total row and/or column: `rows` × `columns` cells in row-major
 * order (index = row × columns + column), the last row and/or column holding the totals.
 */
export function gridGroups(rows: number, columns: number, totals: { readonly row: boolean; readonly column: boolean }): SumGroup[] {
  const at = (r: number, c: number) => r * columns + c;
  const groups: SumGroup[] = [];
  const dataRows = totals.column ? rows - 1 : rows; // the last row holds column totals
  const dataColumns = totals.row ? columns - 1 : columns; // the last column holds row totals
  if (totals.row) for (let r = 0; r < rows; r++) groups.push({ parts: range(dataColumns).map((c) => at(r, c)), total: at(r, columns - 1) });
  if (totals.column) for (let c = 0; c < columns; c++) groups.push({ parts: range(dataRows).map((r) => at(r, c)), total: at(rows - 1, c) });
  return groups;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
