import { PLACEMENT_GROUPS, type PlacementGroup, type YearTargets } from './targets.js';

/** Per-year knobs that calibration turns; 1 = the national behaviour in parameters.ts. */
export interface YearMultipliers {
  referrals: number;
  rereferral: number;
  cpFirst: number;
  cpRepeat: number;
  /** Scales the share of new families who already had a plan (supply of repeat plans). */
  priorPlan: number;
  cpDuration: number;
  cinDuration: number;
  careEntry: number;
  careDuration: number;
  uasc: number;
  adoption: number;
  place: Record<PlacementGroup, number>;
}

/** National shares of CLA at 31 March by placement group, the base the age weights produce. */
const BASE_PLACEMENT_SHARE: Record<PlacementGroup, number> = {
  foster: 0.7,
  placed_for_adoption: 0.025,
  with_parents: 0.07,
  independent_living: 0.08,
  secure_childrens_homes: 0.1,
  other_residential: 0.01,
  residential_schools: 0.01,
  other: 0.012,
};

export function initialMultipliers(t: YearTargets): YearMultipliers {
  const place = Object.fromEntries(
    PLACEMENT_GROUPS.map((g) => [g, g === 'placed_for_adoption' ? 1 : Math.max(0.05, Math.min(8, (t.placementShares[g] + 0.002) / BASE_PLACEMENT_SHARE[g]))]),
  ) as Record<PlacementGroup, number>;
  return {
    referrals: 0.72,
    rereferral: t.rereferralPct / 22.5,
    cpFirst: 1,
    cpRepeat: 1,
    priorPlan: 1,
    cpDuration: 1,
    cinDuration: 1,
    careEntry: 1,
    careDuration: 1,
    uasc: 1,
    adoption: Math.max(0.2, Math.min(4, (t.placementShares.placed_for_adoption + 0.003) / BASE_PLACEMENT_SHARE.placed_for_adoption)),
    place,
  };
}

export function cloneMultipliers(m: YearMultipliers): YearMultipliers {
  return { ...m, place: { ...m.place } };
}
