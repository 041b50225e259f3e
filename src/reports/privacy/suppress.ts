/**
 * Small-number suppression for published outputs (privacy.md §5.2): counts of 1 to the threshold
 * become `c`; a percentage or rate whose numerator is suppressed, or whose denominator is below
 * the minimum, becomes `c`; in a table with totals, further cells are hidden until no hidden cell
 * can be recovered by subtraction. Zero stays 0.
 */
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
 * Secondary suppression over sum groups (rows or columns with a total): while a group has exactly
 * one hidden member, hide the smallest visible non-zero part (or the total if none is left).
 */
export function secondarySuppress(cells: readonly (readonly Figure[])[], groups: readonly SumGroup[]): SecondaryResult {
  const grid = cells.map((r) => [...r]);
  const log: SecondaryResult['log'] = [];
  const at = ([r, c]: readonly [number, number]) => grid[r]![c]!;
  const isHidden = (f: Figure) => f.symbol === 'c';
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const members = [...g.parts, g.total];
      const hiddenCount = members.filter((p) => isHidden(at(p))).length;
      if (hiddenCount !== 1) continue;
      const candidates = g.parts.filter((p) => !isHidden(at(p)) && (at(p).value ?? 0) > 0).sort((a, b) => (at(a).value as number) - (at(b).value as number));
      const pick = candidates[0] ?? (isHidden(at(g.total)) ? undefined : g.total);
      if (!pick) continue;
      grid[pick[0]]![pick[1]] = hidden(at(pick));
      log.push({ row: pick[0], column: pick[1], reason: 'secondary: would reveal a suppressed cell by subtraction' });
      changed = true;
    }
  }
  return { cells: grid, log };
}
