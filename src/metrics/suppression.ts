import { getIndicator } from './catalogue.js';
import type { BreakdownRow, IndicatorResult } from './types.js';

/** DfE's symbol for a figure withheld to protect confidentiality (secondary suppression may apply). */
export const SUPPRESSED = 'c' as const;
export type PublishedCell = number | typeof SUPPRESSED | null;

export interface SuppressionPolicy {
  /** Counts from 1 to threshold − 1 are withheld (DfE CIN tables: 1 to 5, so 6). Zero is shown: a zero was submitted as zero. */
  readonly threshold: number;
}

/** Default policy: DfE's CIN convention (counts of 1 to 5 suppressed). A policy setting: indicators.md §1.3. */
export const DEFAULT_SUPPRESSION: SuppressionPolicy = Object.freeze({ threshold: 6 });

export interface PublishedRow {
  readonly breakdown: BreakdownRow['breakdown'];
  readonly key: string;
  readonly value: PublishedCell;
  readonly numerator: PublishedCell;
  readonly denominator: PublishedCell;
}

export interface PublishedResult extends Omit<IndicatorResult, 'value' | 'numerator' | 'denominator' | 'rate' | 'breakdowns'> {
  readonly value: PublishedCell;
  readonly numerator: PublishedCell;
  readonly denominator: PublishedCell;
  readonly rate?: PublishedCell;
  readonly breakdowns: readonly PublishedRow[];
  readonly suppression: { readonly threshold: number; readonly cells: number };
}

/** A count cell in an additive group: rows that add up to a total. */
interface Cell {
  readonly value: number;
  hidden: boolean;
}

/**
 * Makes results publishable: primary suppression of small counts, then secondary suppression so
 * that no withheld count can be worked out from a total and the other rows of any breakdown
 * (each breakdown's rows add up to the total, for numerators and denominators alike). Values,
 * rates and percentages that depend on a withheld count are withheld too.
 */
export function suppress(results: readonly IndicatorResult[], policy: SuppressionPolicy = DEFAULT_SUPPRESSION): PublishedResult[] {
  if (!Number.isInteger(policy.threshold) || policy.threshold < 1) throw new Error(`suppression threshold must be a whole number of at least 1 (got ${policy.threshold})`);
  return results.map((r) => suppressOne(r, policy.threshold));
}

function isSmall(v: number | null, threshold: number): boolean {
  return v !== null && v > 0 && v < threshold;
}

/** Which fields of a result are counts of children or events (and so must be protected). */
function countFields(r: IndicatorResult): { numerator: boolean; denominator: boolean } {
  const aggregate = getIndicator(r.id)?.aggregate ?? 'count';
  switch (aggregate) {
    case 'count': case 'children': case 'rate': case 'equity': return { numerator: true, denominator: false };
    case 'share': case 'ratio': return { numerator: true, denominator: true };
    case 'distribution': return { numerator: true, denominator: false };
    case 'mean': case 'median': return { numerator: false, denominator: true };
    default: return { numerator: true, denominator: true };
  }
}

function suppressOne(r: IndicatorResult, threshold: number): PublishedResult {
  const fields = countFields(r);
  const numericOr0 = (v: number | null) => v ?? 0;
  // One total cell per field, shared by every breakdown's group.
  const totalN: Cell = { value: numericOr0(r.numerator), hidden: fields.numerator && isSmall(r.numerator, threshold) };
  const totalD: Cell = { value: numericOr0(r.denominator), hidden: fields.denominator && isSmall(r.denominator, threshold) };
  const rowN = r.breakdowns.map((b): Cell => ({ value: numericOr0(b.numerator), hidden: fields.numerator && isSmall(b.numerator, threshold) }));
  const rowD = r.breakdowns.map((b): Cell => ({ value: numericOr0(b.denominator), hidden: fields.denominator && isSmall(b.denominator, threshold) }));
  const aggregate = getIndicator(r.id)?.aggregate;
  // Distribution rows share the period total as denominator; their numerators add up to it.
  const distributionTotal: Cell = aggregate === 'distribution' ? { value: numericOr0(r.value), hidden: isSmall(r.value, threshold) } : totalN;
  const dims = [...new Set(r.breakdowns.map((b) => b.breakdown))];
  let changed = true;
  while (changed) {
    changed = false;
    for (const dim of dims) {
      const idx = r.breakdowns.map((b, i) => (b.breakdown === dim ? i : -1)).filter((i) => i >= 0);
      if (fields.numerator) changed = secondary(idx.map((i) => rowN[i]!), aggregate === 'distribution' ? distributionTotal : totalN) || changed;
      if (fields.denominator && aggregate !== 'distribution') changed = secondary(idx.map((i) => rowD[i]!), totalD) || changed;
    }
  }
  const hidden = (cell: Cell, v: number | null): PublishedCell => (cell.hidden ? SUPPRESSED : v);
  const headHidden = totalN.hidden || totalD.hidden || (aggregate === 'distribution' && distributionTotal.hidden);
  const breakdowns = r.breakdowns.map((b, i): PublishedRow => {
    const anyHidden = rowN[i]!.hidden || rowD[i]!.hidden;
    return {
      breakdown: b.breakdown,
      key: b.key,
      value: anyHidden ? SUPPRESSED : b.value,
      numerator: hidden(rowN[i]!, b.numerator),
      denominator: aggregate === 'distribution' ? hidden(distributionTotal, b.denominator) : hidden(rowD[i]!, b.denominator),
    };
  });
  const cells = [totalN, totalD, distributionTotal, ...rowN, ...rowD].filter((c) => c.hidden).length;
  return {
    ...r,
    value: headHidden ? SUPPRESSED : r.value,
    numerator: aggregate === 'distribution' ? hidden(distributionTotal, r.numerator) : hidden(totalN, r.numerator),
    denominator: hidden(totalD, r.denominator),
    ...(r.rate !== undefined ? { rate: totalN.hidden ? SUPPRESSED : r.rate } : {}),
    breakdowns,
    suppression: { threshold, cells },
  };
}

/**
 * One additive group (rows adding up to a total, shared with other breakdowns): if exactly one
 * of its cells is withheld it could be recovered by subtraction, so withhold the smallest other
 * row (non-zero first), or the total when no row is left. Returns whether anything changed.
 */
function secondary(rows: Cell[], total: Cell): boolean {
  if (rows.length === 0) return false;
  const hiddenCells = rows.filter((c) => c.hidden).length + (total.hidden ? 1 : 0);
  if (hiddenCells !== 1) return false;
  const candidates = rows.filter((c) => !c.hidden).sort((a, b) => ((a.value === 0) === (b.value === 0) ? a.value - b.value : a.value === 0 ? 1 : -1));
  const pick = candidates[0] ?? total;
  pick.hidden = true;
  return true;
}
