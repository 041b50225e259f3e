import { describe, expect, it } from 'vitest';
import { describeChange, percentChange, realPercentChange, signedPercent } from './change.js';
import { describeComparison } from './compare.js';
import { CHILD, countPhrase, noun, pluralise } from './count.js';
import { formatFigure, formatNumber, formatWithUnit } from './format.js';
import { ordinal } from './ordinal.js';
import { describeRank, rankAmong } from './rank.js';
import { plainText } from './tokens.js';

describe('ordinal', () => {
  it.each([
    [1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'],
    [21, '21st'], [22, '22nd'], [23, '23rd'], [101, '101st'], [111, '111th'], [112, '112th'], [152, '152nd'],
  ])('%i → %s', (n, s) => expect(ordinal(n)).toBe(s));
  it('rejects fractions', () => expect(() => ordinal(1.5)).toThrow(/whole number/));
});

describe('formatting', () => {
  it('uses thousands separators and DfE half-up rounding', () => {
    expect(formatNumber(11393)).toBe('11,393');
    expect(formatNumber(60, 1)).toBe('60.0');
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(-2.5)).toBe('-3');
  });
  it('prints units and symbols', () => {
    expect(formatWithUnit({ value: 43, unit: 'rate' })).toBe('43.0 per 10,000');
    expect(formatFigure({ value: 49.6, unit: 'percent' })).toBe('50%');
    expect(formatFigure({ value: 49.64, unit: 'percent', dp: 1 })).toBe('49.6%');
    expect(formatFigure({ value: 0.3, unit: 'percent' })).toBe('k');
    expect(formatFigure({ value: 3402, unit: 'gbp' })).toBe('£3,402');
    expect(formatFigure({ value: null, unit: 'count', symbol: 'c' })).toBe('c');
    expect(formatWithUnit({ value: 1, unit: 'working-days' })).toBe('1 working day');
  });
});

describe('change sentences', () => {
  it('gives a count change as a whole percentage (Barking and Dagenham contacts 8,515 → 11,393)', () => {
    const s = describeChange({ from: { value: 8515, unit: 'count' }, to: { value: 11393, unit: 'count' } });
    expect(plainText(s)).toBe('rose by 34%');
    expect(s.find((t) => t.ref)?.ref).toMatchObject({ kind: 'change', value: 34 });
  });
  it('gives falls and both styles', () => {
    expect(plainText(describeChange({ from: { value: 4084, unit: 'count' }, to: { value: 3255, unit: 'count' } }))).toBe('fell by 20%');
    expect(plainText(describeChange({ from: { value: 4084, unit: 'count' }, to: { value: 3255, unit: 'count' }, style: 'both' }))).toBe(
      'fell by 20%, from 4,084 to 3,255',
    );
  });
  it('gives rates as from/to with one decimal place', () => {
    const s = describeChange({ from: { value: 60, unit: 'rate' }, to: { value: 43, unit: 'rate' }, source: 'CPP-01', fromYear: 2015, toYear: 2016 });
    expect(plainText(s)).toBe('fell from 60.0 to 43.0 per 10,000');
    expect(s.filter((t) => t.ref).map((t) => [t.ref!.year, t.ref!.value])).toEqual([[2015, 60], [2016, 43]]);
  });
  it('compares values as printed: unchanged', () => {
    expect(plainText(describeChange({ from: { value: 253, unit: 'count' }, to: { value: 253, unit: 'count' } }))).toBe('was unchanged at 253');
    expect(plainText(describeChange({ from: { value: 43.04, unit: 'rate' }, to: { value: 42.96, unit: 'rate' } }))).toBe('was unchanged at 43.0 per 10,000');
  });
  it('says less than 1% when the change rounds to zero', () => {
    expect(plainText(describeChange({ from: { value: 1000, unit: 'count' }, to: { value: 1004, unit: 'count' } }))).toBe('rose by less than 1%');
  });
  it('handles a change from zero', () => {
    expect(plainText(describeChange({ from: { value: 0, unit: 'count' }, to: { value: 12, unit: 'count' } }))).toBe('rose from 0 to 12');
  });
  it('adds percentage points for percentages', () => {
    expect(plainText(describeChange({ from: { value: 60, unit: 'percent' }, to: { value: 50, unit: 'percent' }, points: true }))).toBe(
      'fell from 60% to 50% (10 percentage points)',
    );
  });
  it('gives the real-term change with an inflation index', () => {
    // £1,000 → £1,407 while prices rose 5%: 1407 / 1000 × 100 / 105 − 1 = 34.0%
    const s = describeChange({ from: { value: 1000, unit: 'gbp' }, to: { value: 1407, unit: 'gbp' }, inflation: { from: 100, to: 105 } });
    expect(plainText(s)).toBe('rose by 41%, a real-term rise of 34%');
    expect(realPercentChange(1000, 1000, { from: 100, to: 110 })).toBe(-9);
  });
  it('refuses to compare a suppressed figure', () => {
    const s = describeChange({ from: { value: 12, unit: 'count' }, to: { value: null, unit: 'count', symbol: 'c' } });
    expect(plainText(s)).toMatch(/withheld to protect confidentiality/);
    expect(plainText(s)).not.toMatch(/\d/);
  });
  it('percent change helpers', () => {
    expect(percentChange(2704, 3255)).toBe(20);
    expect(percentChange(0, 5)).toBeNull();
    expect(signedPercent(34)).toBe('+34%');
    expect(signedPercent(-20)).toBe('-20%');
    expect(signedPercent(0)).toBe('0%');
  });
});

describe('ranks', () => {
  it('counts from the nearer end with ties (Oxfordshire 2013: 6th lowest CLA rate)', () => {
    const others = [10, 20, 25, 26, 28, 31, 35, 40, 50, 60, 70, 80, 90];
    const r = rankAmong(30, others);
    expect(r).toEqual({ fromLowest: 6, fromHighest: 9, tied: 0, of: 14 });
    expect(plainText(describeRank(r, { what: 'rate', where: 'in England' }))).toBe('the 6th lowest rate in England');
  });
  it('says joint for ties and drops 1st', () => {
    expect(plainText(describeRank(rankAmong(20, [10, 20, 30, 40]), { what: 'rate', where: 'in England' }))).toBe('the joint 2nd lowest rate in England');
    expect(plainText(describeRank(rankAmong(5, [10, 20]), { what: 'rate', where: 'in England' }))).toBe('the lowest rate in England');
    expect(plainText(describeRank(rankAmong(50, [10, 20, 30, 40, 45]), { what: 'rate', where: 'in England' }))).toBe('the highest rate in England');
    expect(plainText(describeRank(rankAmong(41, [10, 20, 30, 40, 45, 50, 60]), { what: 'rate', where: 'in England' }))).toBe('the 4th highest rate in England');
    expect(plainText(describeRank(rankAmong(41, [10, 20, 30, 40, 45, 50, 60]), { what: 'rate', where: 'in England', direction: 'lowest' }))).toBe(
      'the 5th lowest rate in England',
    );
  });
  it('ignores areas without a value', () => {
    expect(rankAmong(3, [1, null, 5]).of).toBe(3);
  });
});

describe('comparisons', () => {
  const england = { name: 'the England average', area: 'E92000001', figure: { value: 41.4, unit: 'rate' as const } };
  const sn = { name: 'the statistical neighbour average', area: 'SN', figure: { value: 44.2, unit: 'rate' as const } };
  it('says above / below with the comparator value', () => {
    expect(plainText(describeComparison({ value: 43, unit: 'rate' }, [england]))).toBe('above the England average of 41.4 per 10,000');
    expect(plainText(describeComparison({ value: 43, unit: 'rate' }, [england, sn]))).toBe(
      'above the England average of 41.4 per 10,000 but below the statistical neighbour average of 44.2 per 10,000',
    );
  });
  it('says in line when equal as printed, and skips withheld comparators', () => {
    expect(plainText(describeComparison({ value: 41.43, unit: 'rate' }, [england]))).toBe('in line with the England average of 41.4 per 10,000');
    expect(describeComparison({ value: 43, unit: 'rate' }, [{ ...england, figure: { value: null, unit: 'rate', symbol: 'x' } }])).toEqual([]);
    expect(describeComparison({ value: null, unit: 'rate', symbol: 'c' }, [england])).toEqual([]);
  });
  it('lists several comparators on one side', () => {
    const london = { name: 'the London average', area: 'E12000007', figure: { value: 40, unit: 'rate' as const } };
    expect(plainText(describeComparison({ value: 50, unit: 'rate' }, [england, london, sn]))).toBe(
      'above the England average of 41.4 per 10,000, the London average of 40.0 per 10,000 and the statistical neighbour average of 44.2 per 10,000',
    );
  });
});

describe('counts', () => {
  it('uses singular and plural', () => {
    expect(plainText(countPhrase({ value: 1, unit: 'count' }, CHILD))).toBe('1 child');
    expect(plainText(countPhrase({ value: 2064, unit: 'count' }, CHILD))).toBe('2,064 children');
    expect(plainText(countPhrase({ value: 0, unit: 'count' }, noun('referral')))).toBe('no referrals');
    expect(pluralise(2, noun('enquiry'))).toBe('enquiries');
    expect(pluralise(2, noun('match'))).toBe('matches');
  });
  it('never prints a suppressed count', () => {
    expect(plainText(countPhrase({ value: null, unit: 'count', symbol: 'c' }, CHILD))).toBe('a small number of children');
    expect(plainText(countPhrase({ value: null, unit: 'count', symbol: 'x' }, CHILD))).toBe('an unknown number of children');
  });
});
