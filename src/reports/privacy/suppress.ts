/**
 * Small-number suppression for published outputs (privacy.md §5.2): counts of 1 to the threshold
 * become `c`; a percentage or rate whose numerator is suppressed, or whose denominator is below
 * the minimum, becomes `c`; in a table with totals, further cells are hidden (src/metrics'
 * protectTable engine) until no hidden cell can be recovered. Zero stays 0.
 */
import { secondarySuppression } from '../../metrics/index.js';
import type { Figure } from '../narrative/format.js';

export interface SuppressionPolicy {
  /** Counts from 1 to this are suppressed (DfE: 5). */
  readonly threshold: number;
  /** Percentages and rates with a denominator below this are suppressed (default 10). */
  readonly minDenominator: number;
}

export const PUBLIC_POLICY: SuppressionPolicy = Object.freeze({ threshold: 5, minDenominator: 10 });

/** True for a count that would print as 1 to the threshold (or a non-zero amount printing as 0): fractional counts such as weighted cases count as printed. */
export function isSmall(n: number | null | undefined, policy: SuppressionPolicy): boolean {
  return n !== null && n !== undefined && n > 0 && n < policy.threshold + 0.5;
}

/** A figure with the count behind it (numerator) and, for shares, the base (denominator). */
export interface Sourced {
  readonly figure: Figure;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

const hidden = (f: Figure): Figure => ({ ...f, value: null, symbol: 'c' });

/** Primary suppression of one figure: counts, and values derived from a small count or base. */
export function suppressFigure(s: Sourced, policy: SuppressionPolicy): Figure {
  const f = s.figure;
  if (f.value === null) return f;
  if (f.unit === 'count' && isSmall(f.value, policy)) return hidden(f);
  if (isSmall(s.numerator, policy)) return hidden(f);
  if (f.unit !== 'count' && s.denominator !== null && s.denominator !== undefined && s.denominator > 0 && s.denominator < policy.minDenominator) return hidden(f);
  return f;
}

/** Cells of a table that add up to a total cell: [row, column] positions. */
export interface SumGroup {
  readonly parts: readonly (readonly [number, number])[];
  readonly total: readonly [number, number];
}

export interface SecondaryResult {
  readonly cells: Figure[][];
  /** Cells hidden to stop a suppressed cell being recovered, with the reason. */
  readonly log: { row: number; column: number; reason: string }[];
}

/**
 * Secondary (complementary) suppression of a grid of figures, by src/metrics' protectTable engine
 * (one implementation for the product): cells already shown as c are the primary ones; more cells
 * are hidden until no hidden count follows from the shown cells and the sums, by subtraction or
 * any combination of groups. Cells with no value (x) are never picked as complements.
 */
export function secondarySuppress(cells: readonly (readonly Figure[])[], groups: readonly SumGroup[]): SecondaryResult {
  const width = Math.max(0, ...cells.map((r) => r.length));
  const index = ([r, c]: readonly [number, number]) => r * width + c;
  const flat: (Figure | undefined)[] = cells.flatMap((r) => Array.from({ length: width }, (_, c) => r[c]));
  const isHidden = (f: Figure | undefined) => f?.symbol === 'c';
  const protection = secondarySuppression(
    { values: flat.map((f) => (f === undefined || isHidden(f) ? null : f.value)), groups: groups.map((g) => ({ parts: g.parts.map(index), total: index(g.total) })) },
    flat.map(isHidden),
  );
  const grid = cells.map((r) => [...r]);
  const log: SecondaryResult['log'] = [];
  protection.reasons.forEach((reason, i) => {
    if (reason !== 'secondary') return;
    const [row, column] = [Math.floor(i / width), i % width];
    grid[row]![column] = hidden(grid[row]![column]!);
    log.push({ row, column, reason: 'secondary: would reveal a suppressed cell by subtraction' });
  });
  return { cells: grid, log };
}
