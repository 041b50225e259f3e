import { ratioHalfUp, roundHalfUp } from './rounding.js';

export interface GroupDisproportionality {
  readonly group: string;
  readonly count: number;
  readonly population: number;
  /** EQ-01: count ÷ population × 10,000 (1 dp). */
  readonly ratePer10k: number | null;
  /** EQ-02: this group's rate ÷ the reference group's rate (2 dp). */
  readonly relativeRateIndex: number | null;
  /** EQ-03: chi-square (1 df) of [in cohort, not in cohort] against the overall rate; p to 4 dp. */
  readonly chiSquare: number | null;
  readonly pValue: number | null;
}

/**
 * Disproportionality of a cohort by ethnic group (indicators.md §3.5, PATCh): rate per 10,000,
 * relative rate index against the reference group (White British, WBRI) and the chi-square test
 * of the group's observed split against the split expected at the overall rate.
 */
export function disproportionality(
  counts: Readonly<Record<string, number>>,
  populations: Readonly<Record<string, number>>,
  referenceGroup = 'WBRI',
): GroupDisproportionality[] {
  const groups = Object.keys(populations).filter((g) => populations[g]! > 0);
  const cohortTotal = groups.reduce((s, g) => s + (counts[g] ?? 0), 0);
  const popTotal = groups.reduce((s, g) => s + populations[g]!, 0);
  const refPop = populations[referenceGroup];
  const refRate = refPop ? (counts[referenceGroup] ?? 0) / refPop : null;
  return groups.map((group) => {
    const count = counts[group] ?? 0;
    const population = populations[group]!;
    const rate = count / population;
    const expectedIn = popTotal > 0 ? (cohortTotal * population) / popTotal : 0;
    const expectedOut = population - expectedIn;
    const chi = expectedIn > 0 && expectedOut > 0
      ? (count - expectedIn) ** 2 / expectedIn + (population - count - expectedOut) ** 2 / expectedOut
      : null;
    return {
      group,
      count,
      population,
      ratePer10k: ratioHalfUp(count, population, 10_000, 1),
      relativeRateIndex: refRate ? roundHalfUp(rate / refRate, 2) : null,
      chiSquare: chi === null ? null : roundHalfUp(chi, 4),
      pValue: chi === null ? null : roundHalfUp(chiSquarePValue1(chi), 4),
    };
  });
}

/** Upper tail of the chi-square distribution with 1 degree of freedom: erfc(√(x/2)). */
export function chiSquarePValue1(x: number): number {
  return erfc(Math.sqrt(x / 2));
}

/** Complementary error function (Numerical Recipes erfcc; relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
