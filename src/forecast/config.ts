import { groupOf, ssda903, type CeaseCategory } from '../model/code-lists/index.js';

/**
 * Definitions the forecast model is built on, declared once as data. The defaults follow the
 * established public demand models (demand-modelling.md 3.1-3.2, "regional" code map) so
 * results can be compared with theirs; every one is configurable through `ModelOptions`.
 */

/** An age band in whole years: `fromYears` inclusive, `toYears` exclusive. */
export interface AgeBand {
  readonly label: string;
  readonly fromYears: number;
  readonly toYears: number;
}

/**
 * The established models' bands. The last one ends at 18, not 30: a child stops being looked
 * after on their 18th birthday, so the model ages children out then instead of letting a
 * constant hazard do it (the established models' "16 to 18+" band leaves that to chance).
 */
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  { label: 'Birth to 1', fromYears: 0, toYears: 1 },
  { label: '1 to 5', fromYears: 1, toYears: 5 },
  { label: '5 to 10', fromYears: 5, toYears: 10 },
  { label: '10 to 16', fromYears: 10, toYears: 16 },
  { label: '16 to 18', fromYears: 16, toYears: 18 },
];

/** Placement categories of the established models. */
export const DEFAULT_PLACEMENT_CATEGORIES = ['fostering', 'residential', 'supported', 'other'] as const;

/**
 * SSDA903 PLACE code → demand-model category: the "regional" mapping (K2 R1 P3 S1 residential;
 * H5 K3 P2 supported; U1-U6 fostering; everything else, including K1 secure homes, other).
 * Built from the code list's own groups so new codes land in the right place.
 */
export function defaultPlacementCategoryOf(place: string): string | undefined {
  const group = groupOf(ssda903.PLACE, place);
  if (group === undefined) return undefined;
  if (group === 'foster' || group === 'kinship') return 'fostering';
  if (group === 'residential') return place === 'K1' ? 'other' : 'residential';
  if (group === 'supported') return 'supported';
  return 'other';
}

/** Ways of leaving care: the REC groups (the model's absorbing states, one per reason). */
export const CARE_EXIT_REASONS: readonly Exclude<CeaseCategory, 'not_ceased'>[] = [
  'returned_home',
  'adopted',
  'sgo',
  'cao',
  'independence_18plus',
  'other',
];

/** REC code → exit reason; undefined for X1 (no exit) and unknown codes. */
export function careExitReasonOf(rec: string): string | undefined {
  const group = groupOf(ssda903.REC, rec);
  return group === undefined || group === 'not_ceased' ? undefined : group;
}

/** Label used for children ageing out on their 18th birthday (not a hazard: it is certain). */
export const AGED_OUT = 'aged_18';

export interface PriorOptions {
  /**
   * Strength of the partial-pooling prior on each transition hazard, in child-days: each
   * state's hazard is shrunk towards the same category's hazard pooled over age bands as if
   * this many extra child-days had been observed at the pooled rate.
   */
  readonly pooledExposureDays: number;
  /** Shape added to every entry-rate posterior (0.5 = Jeffreys). */
  readonly entryShape: number;
}

export const DEFAULT_PRIOR: PriorOptions = { pooledExposureDays: 365, entryShape: 0.5 };
