import { describe, expect, it } from 'vitest';
import { suppress, SUPPRESSED, type PublishedCell } from './suppression.js';
import type { Breakdown, IndicatorResult } from './types.js';

function countResult(id: string, breakdowns: Record<string, number[]>): IndicatorResult {
  const rows = Object.entries(breakdowns).flatMap(([dim, values]) =>
    values.map((v, i) => ({ breakdown: dim as Breakdown, key: `${dim}-${i}`, value: v, numerator: v, denominator: null })));
  const total = Object.values(breakdowns)[0]!.reduce((s, v) => s + v, 0);
  return { id, title: id, unit: 'count', laCode: '999', year: 2024, period: { year: 2024, start: '2023-04-01', end: '2024-03-31' },
    value: total, numerator: total, denominator: null, rate: total / 2, breakdowns: rows };
}

/** A deterministic pseudo-random sequence (tests must be repeatable). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Splits a total into n non-negative parts with many small ones. */
function partition(total: number, n: number, rnd: () => number): number[] {
  const parts: number[] = [];
  let left = total;
  for (let i = 0; i < n - 1; i++) {
    const v = rnd() < 0.5 ? Math.floor(rnd() * 6) : Math.floor(rnd() * left);
    const take = Math.min(v, left);
    parts.push(take);
    left -= take;
  }
  parts.push(left);
  return parts;
}

/**
 * The attacker: knows every shown cell and that each breakdown's rows add up to the total;
 * repeatedly solves any group with exactly one unknown. Returns every recovered value.
 */
function recoverable(published: { numerator: PublishedCell; breakdowns: readonly { breakdown: string; numerator: PublishedCell }[] }, truth: IndicatorResult): number[] {
  let total: number | null = typeof published.numerator === 'number' ? published.numerator : null;
  const known = published.breakdowns.map((b) => (typeof b.numerator === 'number' ? b.numerator : null));
  const recovered: number[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const dim of new Set(published.breakdowns.map((b) => b.breakdown))) {
      const idx = published.breakdowns.map((b, i) => (b.breakdown === dim ? i : -1)).filter((i) => i >= 0);
      const unknown = idx.filter((i) => known[i] === null);
      const shownSum = idx.filter((i) => known[i] !== null).reduce((s, i) => s + known[i]!, 0);
      if (total !== null && unknown.length === 1) {
        known[unknown[0]!] = total - shownSum;
        recovered.push(total - shownSum);
        expect(total - shownSum).toBe(truth.breakdowns[unknown[0]!]!.numerator);
        progress = true;
      } else if (total === null && unknown.length === 0) {
        total = shownSum;
        recovered.push(total);
        progress = true;
      }
    }
  }
  return recovered;
}

describe('suppression of small counts (DfE convention, threshold 6 = counts 1 to 5 withheld)', () => {
  it('withholds small counts, keeps zeros, and withholds a second cell so the first cannot be recovered', () => {
    const [p] = suppress([countResult('REF-01', { sex: [40, 3, 0] })]);
    expect(p!.value).toBe(43);
    expect(p!.breakdowns.map((b) => b.value)).toEqual([SUPPRESSED, SUPPRESSED, 0]);
    expect(p!.suppression.cells).toBe(2);
  });

  it('withholds a small total, its rate, and a breakdown that would give it away', () => {
    const [p] = suppress([countResult('REF-01', { sex: [3, 1], age_band: [4, 0] })]);
    expect(p!.value).toBe(SUPPRESSED);
    expect(p!.rate).toBe(SUPPRESSED);
    expect(p!.breakdowns.find((b) => b.key === 'age_band-0')!.value).toBe(SUPPRESSED);
  });

  it('withholds a percentage whose numerator or denominator is small', () => {
    const share: IndicatorResult = { ...countResult('ASM-02', { band: [1] }), unit: 'percent', value: 80, numerator: 4, denominator: 5, breakdowns: [] };
    const [p] = suppress([share]);
    expect([p!.value, p!.numerator, p!.denominator]).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
  });

  it('a threshold is a policy setting', () => {
    const [p] = suppress([countResult('REF-01', { sex: [40, 3, 7] })], { threshold: 11 });
    expect(p!.breakdowns.map((b) => b.value)).toEqual([40, SUPPRESSED, SUPPRESSED]);
    expect(() => suppress([], { threshold: 0 })).toThrow(/at least 1/);
  });

  it('nothing below the threshold is recoverable from totals and other rows (2,000 random tables)', () => {
    const rnd = lcg(42);
    for (let k = 0; k < 2000; k++) {
      const total = Math.floor(rnd() * 40);
      const truth = countResult('REF-01', {
        sex: partition(total, 2 + Math.floor(rnd() * 2), rnd),
        age_band: partition(total, 1 + Math.floor(rnd() * 5), rnd),
        ethnicity: partition(total, 1 + Math.floor(rnd() * 6), rnd),
      });
      const [p] = suppress([truth]);
      // every small count is withheld ...
      truth.breakdowns.forEach((b, i) => { if (b.numerator! > 0 && b.numerator! < 6) expect(p!.breakdowns[i]!.numerator).toBe(SUPPRESSED); });
      // ... and none can be worked out
      for (const v of recoverable(p!, truth)) expect(v === 0 || v >= 6, `recovered ${v} in table ${k}`).toBe(true);
    }
  });
});
