import type { PlacementGroup } from './targets.js';

/**
 * National behaviour of the simulation, declared once as data. Shares and durations follow the
 * DfE national statistics (national-figures reference page); the calibration then scales inflows
 * and durations per authority and year.
 */
export const PARAMETERS = {
  /** Children per referred household (1, 2, 3, 4). */
  householdSize: [0.58, 0.26, 0.11, 0.05],
  /** Age of the eldest referred child, by single year 0..17. */
  eldestAgeWeights: [7, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 7, 8, 9, 9, 8, 6],
  /** Referral source (CIN ReferralSource code) and weight, England 2024. */
  referralSources: [
    ['1A', 4.5], ['1B', 0.8], ['1C', 1.2], ['1D', 0.6], ['2A', 19.5], ['2B', 2.0], ['3A', 2.5], ['3B', 2.5], ['3C', 0.6], ['3D', 1.4],
    ['3E', 2.3], ['3F', 4.3], ['4', 1.6], ['5A', 3.3], ['5B', 3.2], ['5C', 1.8], ['5D', 2.5], ['6', 29.0], ['7', 1.8], ['8', 4.3], ['9', 0.6], ['10', 4.4],
  ] as ReadonlyArray<readonly [string, number]>,
  /** Primary need code weights for referrals that are assessed (N1..N9). */
  primaryNeeds: [['N1', 56], ['N2', 3], ['N3', 3], ['N4', 5], ['N5', 16], ['N6', 2], ['N7', 0.3], ['N8', 2], ['N9', 13]] as ReadonlyArray<readonly [string, number]>,
  /** Assessment factor codes and the share of assessments recording them. */
  factors: [
    ['3A', 0.2], ['3B', 0.15], ['3C', 0.12], ['4A', 0.2], ['2A', 0.16], ['2B', 0.13], ['1B', 0.08], ['1C', 0.07], ['6A', 0.07], ['7A', 0.04], ['8B', 0.07],
    ['18B', 0.17], ['20', 0.06], ['21', 0.19], ['22A', 0.04], ['23A', 0.02], ['24A', 0.03], ['16A', 0.03], ['9A', 0.03], ['10A', 0.03], ['11A', 0.04],
  ] as ReadonlyArray<readonly [string, number]>,
  /** CP plan length bands (days) and shares of plans ending, England 2024. */
  cpDuration: [
    [20, 91, 0.16],
    [92, 182, 0.12],
    [183, 364, 0.43],
    [365, 729, 0.25],
    [730, 1100, 0.04],
  ] as ReadonlyArray<readonly [number, number, number]>,
  /** Share of newly referred families who had a CP plan before (earlier, or in another LA). */
  priorPlanShare: 0.08,
  cinPlanMedianDays: 170,
  cinNoPlanMedianDays: 45,
  stepDownCinPlanShare: 0.55,
  cinPlanShare: 0.5,
  /** Base chance of entering care, by route, before the authority's calibration multiplier. */
  careEntry: { afterCpPlan: 0.13, duringS47: 0.045, teenFromCin: 0.025 },
  /** Re-referral: chance a household is referred again after closure, and the gap. */
  rereferral: { chance: 0.42, chanceAfterCp: 0.7, soonShare: 0.66, soonMeanDays: 110, lateMeanDays: 520 },
  /** Care outcomes by age band at entry: [adoption, sgo, home, cao, until18]. */
  careOutcomes: {
    under1: [0.32, 0.24, 0.22, 0.04, 0.18],
    age1to4: [0.22, 0.26, 0.28, 0.04, 0.2],
    age5to9: [0.0, 0.2, 0.42, 0.04, 0.34],
    age10to15: [0.0, 0.08, 0.46, 0.02, 0.44],
    age16plus: [0.0, 0.0, 0.3, 0.0, 0.7],
  },
  returnHomeMedianDays: 210,
  sgoMedianDays: 560,
  caoMedianDays: 480,
  /** Placement moves a year by age band (<10, 10-15, 16+). */
  moveRate: [0.3, 0.55, 0.7],
  /** Placement group base weights by age band: <5, 5-9, 10-15, 16+. Authority multipliers adjust them. */
  placementByAge: {
    foster: [0.82, 0.86, 0.7, 0.42],
    placed_for_adoption: [0, 0, 0, 0],
    with_parents: [0.08, 0.08, 0.07, 0.04],
    independent_living: [0, 0, 0.002, 0.35],
    secure_childrens_homes: [0.004, 0.04, 0.18, 0.15],
    other_residential: [0.03, 0.003, 0.01, 0.01],
    residential_schools: [0, 0.006, 0.02, 0.01],
    other: [0.01, 0.005, 0.012, 0.03],
  } as Record<PlacementGroup, [number, number, number, number]>,
  /** Missing episodes a year while placed, by placement group (children aged 11+). */
  missingRate: { secure_childrens_homes: 2.2, independent_living: 1.4, foster: 0.25, other_residential: 1, other: 1, with_parents: 0.5 } as Partial<Record<PlacementGroup, number>>,
  /** Weekly placement costs (£), Oxfordshire cabinet Feb 2016, CMA 2021, NAO 2025 (national-figures.md §6). */
  weeklyCosts: [
    ['foster', 'in_house', 481, '2015-12-31', 'Oxfordshire Cabinet 23 Feb 2016: in-house foster care'],
    ['foster', 'external', 835, '2015-12-31', 'Oxfordshire Cabinet 23 Feb 2016: independent fostering agency'],
    ['secure_childrens_homes', 'in_house', 2924, '2015-12-31', 'Oxfordshire Cabinet 23 Feb 2016: in-house residential'],
    ['secure_childrens_homes', 'external', 3402, '2015-12-31', 'Oxfordshire Cabinet 23 Feb 2016: external residential'],
    ['foster', 'external', 820, '2020-03-31', 'CMA market study interim report 2021: IFA average weekly price 2019-20'],
    ['secure_childrens_homes', 'external', 3830, '2020-03-31', 'CMA market study interim report 2021: largest providers 2019-20'],
    ['secure_childrens_homes', 'any', 6100, '2024-03-31', 'NAO Managing children\'s residential care (2025): LA spend per place 2023-24'],
    ['foster', 'any', 760, '2025-03-31', 'MHCLG RO3 2024-25 fostering spend / DfE children in foster care (derived)'],
  ] as ReadonlyArray<readonly [string, string, number, string, string]>,
} as const;

/** SSDA903 PLACE codes within each DfE placement group, with weights. `year` selects valid codes. */
export function placeCodes(group: PlacementGroup, age: number, year: number): ReadonlyArray<readonly [string, number]> {
  switch (group) {
    case 'foster':
      return [['U1', 0.1], ['U3', 0.08], ['U4', 0.5], ['U6', 0.32]];
    case 'placed_for_adoption':
      return [['A5', 0.6], ['A6', 0.4]];
    case 'with_parents':
      return [['P1', 1]];
    case 'independent_living':
      return year >= 2025 ? [['K3', 1]] : [['H5', 0.75], ['P2', 0.25]];
    case 'secure_childrens_homes':
      return age >= 10 ? [['K2', 0.97], ['K1', 0.03]] : [['K2', 1]];
    case 'other_residential':
      return age < 2 ? [['R3', 1]] : [['R1', 0.6], ['R2', 0.4]];
    case 'residential_schools':
      return [['S1', 1]];
    case 'other':
      return age >= 15 ? [['R5', 0.3], ['Z1', 0.7]] : [['Z1', 1]];
  }
}

export function placeGroupOf(place: string): PlacementGroup {
  if (place.startsWith('U')) return 'foster';
  if (place.startsWith('A')) return 'placed_for_adoption';
  if (place === 'P1') return 'with_parents';
  if (place === 'H5' || place === 'P2' || place === 'K3') return 'independent_living';
  if (place === 'K1' || place === 'K2') return 'secure_childrens_homes';
  if (place === 'R1' || place === 'R2' || place === 'R3') return 'other_residential';
  if (place === 'S1') return 'residential_schools';
  return 'other';
}
