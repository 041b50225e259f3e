import { describe, expect, it } from 'vitest';
import type { Figure } from '../narrative/format.js';
import { PUBLIC_POLICY, secondarySuppress, suppressFigure } from './suppress.js';

const count = (value: number): Figure => ({ value, unit: 'count' });

describe('primary suppression', () => {
  it('hides counts 1 to 5 and keeps zero', () => {
    expect(suppressFigure({ figure: count(5) }, PUBLIC_POLICY).symbol).toBe('c');
    expect(suppressFigure({ figure: count(1) }, PUBLIC_POLICY).value).toBeNull();
    expect(suppressFigure({ figure: count(6) }, PUBLIC_POLICY).value).toBe(6);
    expect(suppressFigure({ figure: count(0) }, PUBLIC_POLICY).value).toBe(0);
    // fractional (weighted) counts are judged as printed: 5.4 prints as 5, 0.2 as 0
    expect(suppressFigure({ figure: count(5.4) }, PUBLIC_POLICY).symbol).toBe('c');
    expect(suppressFigure({ figure: count(0.2) }, PUBLIC_POLICY).symbol).toBe('c');
    expect(suppressFigure({ figure: count(5.5) }, PUBLIC_POLICY).value).toBe(5.5);
  });
  it('hides a rate or percentage built on a small count or a small base', () => {
    expect(suppressFigure({ figure: { value: 1.2, unit: 'rate' }, numerator: 3 }, PUBLIC_POLICY).symbol).toBe('c');
    expect(suppressFigure({ figure: { value: 50, unit: 'percent' }, numerator: 8, denominator: 9 }, PUBLIC_POLICY).symbol).toBe('c');
    expect(suppressFigure({ figure: { value: 50, unit: 'percent' }, numerator: 8, denominator: 16 }, PUBLIC_POLICY).value).toBe(50);
  });
});

describe('secondary suppression', () => {
  it('hides the next smallest cell so a hidden one cannot be found by subtraction', () => {
    // Oxfordshire 2015 missing table, one column: 463, 27, 3, 1, 1, total 495
    const column = [463, 27, 3, 1, 1, 495].map((v) => [suppressFigure({ figure: count(v) }, PUBLIC_POLICY)]);
    const groups = [{ parts: [0, 1, 2, 3, 4].map((r) => [r, 0] as const), total: [5, 0] as const }];
    const first = secondarySuppress(column, groups);
    // three cells already hidden: nothing recoverable, nothing more hidden
    expect(first.log).toEqual([]);
    const one = [463, 27, 10, 9, 1, 510].map((v) => [suppressFigure({ figure: count(v) }, PUBLIC_POLICY)]);
    const second = secondarySuppress(one, groups);
    expect(second.log).toHaveLength(1);
    expect(second.cells[3]![0]!.symbol).toBe('c'); // 9 is the smallest visible non-zero part
    expect(second.cells.filter((r) => r[0]!.symbol === 'c')).toHaveLength(2);
  });
  it('hides the total when every other part is zero', () => {
    const cells = [[count(0), suppressFigure({ figure: count(2) }, PUBLIC_POLICY), count(2)]];
    const r = secondarySuppress(cells, [{ parts: [[0, 0], [0, 1]], total: [0, 2] }]);
    expect(r.cells[0]![2]!.symbol).toBe('c');
  });
});
