import type { Polarity } from '../../metrics/index.js';

/**
 * The RAG rule, declared once as data: an indicator value is compared with the first comparator
 * that has a published value, in this order; within `amberBandPercent` of it (either side) is
 * amber, better beyond the band green, worse beyond it red. Context indicators (no polarity) and
 * values without a comparator get no status.
 */
export const RAG_RULE = {
  against: ['statisticalNeighbours', 'england', 'region'] as const,
  amberBandPercent: 5,
} as const;

export type RagComparator = (typeof RAG_RULE.against)[number];
export type RagStatus = 'green' | 'amber' | 'red';

export interface RagResult {
  status: RagStatus;
  against: RagComparator;
  comparatorValue: number;
}

/** Applies RAG_RULE to one value and its comparators. */
export function ragStatus(value: number | null, polarity: Polarity, comparators: Partial<Record<RagComparator, number | null>>): RagResult | null {
  if (value === null || polarity === 'context') return null;
  const against = RAG_RULE.against.find((c) => comparators[c] !== null && comparators[c] !== undefined);
  if (!against) return null;
  const reference = comparators[against]!;
  const better = (polarity === 'up' ? 1 : -1) * (value - reference);
  const band = (Math.abs(reference) * RAG_RULE.amberBandPercent) / 100;
  const status: RagStatus = better > band ? 'green' : better >= -band ? 'amber' : 'red';
  return { status, against, comparatorValue: reference };
}
