import { getIndicator } from './catalogue.js';
import { protectTable, type SumGroup, type SumTable } from './protect-table.js';
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

/**
 * Makes results publishable: primary suppression of small counts, then secondary suppression so
 * that no withheld count can be worked out from a total and the other rows of any breakdown
 * (each breakdown's rows add up to the total, for numerators and denominators alike). Values,
 * rates and percentages that depend on a withheld count are withheld too.
 */
export function suppress(results: readonly IndicatorResult[], policy: SuppressionPolicy = DEFAULT_SUPPRESSION): PublishedResult[] {
  if (!Number.isInteger(policy.threshold) || policy.threshold < 1) throw new Error(`suppression threshold must be a whole number of at least 1 (got ${policy.threshold})`);
  // Every table is protected by protectTable (src/metrics/protect-table.ts), the one implementation.
  return results.map((r) => suppressOne(r, policy.threshold));
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

/**
 * One field of a result as a table with totals: cell 0 is the total, cells 1.. the breakdown
 * rows; each breakdown's rows add up to the total (for breakdowns that may leave items out or
 * count one item twice the sum is not exact, which only makes the protection stricter).
 */
function fieldTable(total: number | null, rows: readonly (number | null)[], dims: readonly string[]): SumTable {
  const groups: SumGroup[] = [...new Set(dims)].map((dim) => ({ parts: dims.flatMap((d, i) => (d === dim ? [i + 1] : [])), total: 0 }));
  return { values: [total ?? 0, ...rows.map((v) => v ?? 0)], groups };
}

function suppressOne(r: IndicatorResult, threshold: number): PublishedResult {
  const fields = countFields(r);
  const aggregate = getIndicator(r.id)?.aggregate;
  const dims = r.breakdowns.map((b) => b.breakdown);
  // Distribution rows' numerators add up to the period total held in value (their shared denominator).
  const numeratorTotal = aggregate === 'distribution' ? r.value : r.numerator;
  const none = () => ({ hidden: r.breakdowns.map(() => false).concat(false) });
  const num = fields.numerator ? protectTable(fieldTable(numeratorTotal, r.breakdowns.map((b) => b.numerator), dims), threshold) : none();
  const den = fields.denominator && aggregate !== 'distribution' ? protectTable(fieldTable(r.denominator, r.breakdowns.map((b) => b.denominator), dims), threshold) : none();
  const totalN = num.hidden[0]!;
  const totalD = den.hidden[0]!;
  const hidden = (isHidden: boolean, v: number | null): PublishedCell => (isHidden ? SUPPRESSED : v);
  const breakdowns = r.breakdowns.map((b, i): PublishedRow => {
    const rowN = num.hidden[i + 1]!;
    const rowD = den.hidden[i + 1]!;
    return {
      breakdown: b.breakdown,
      key: b.key,
      value: rowN || rowD ? SUPPRESSED : b.value,
      numerator: hidden(rowN, b.numerator),
      denominator: aggregate === 'distribution' ? hidden(totalN, b.denominator) : hidden(rowD, b.denominator),
    };
  });
  const cells = num.hidden.filter(Boolean).length + den.hidden.filter(Boolean).length;
  return {
    ...r,
    value: totalN || totalD ? SUPPRESSED : r.value,
    numerator: hidden(totalN, r.numerator),
    denominator: hidden(totalD, r.denominator),
    ...(r.rate !== undefined ? { rate: totalN ? SUPPRESSED : r.rate } : {}),
    breakdowns,
    suppression: { threshold, cells },
  };
}
