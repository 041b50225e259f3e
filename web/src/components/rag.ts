import type { Polarity } from '../api/types.js';

export type Rag = 'green' | 'amber' | 'red';

/**
 * Red/amber/green of a value against a reference (a local target, or England when there is no
 * target), respecting the indicator's polarity. Amber is within `tolerance` (a share of the
 * reference, 5% by default) either side. No polarity (context indicators), no RAG.
 */
export function ragStatus(
  value: number | null | undefined,
  reference: number | null | undefined,
  polarity: Polarity,
  against: 'target' | 'England' = 'target',
  tolerance = 0.05,
): Rag | null {
  if (value === null || value === undefined || reference === null || reference === undefined) return null;
  const sign = polarity === 'up' ? 1 : polarity === 'down' ? -1 : 0;
  if (sign === 0) return null;
  const better = sign * (value - reference);
  const band = Math.abs(reference) * tolerance;
  // A target is met or not; a comparator is beaten, matched (within the band) or not.
  if (against === 'target' ? better >= 0 : better > band) return 'green';
  return better >= -band ? 'amber' : 'red';
}

export function ragLabel(rag: Rag, against: 'target' | 'England'): string {
  if (against === 'target') return rag === 'green' ? 'Better than target' : rag === 'amber' ? 'Close to target' : 'Worse than target';
  return rag === 'green' ? 'Better than England' : rag === 'amber' ? 'Similar to England' : 'Worse than England';
}
