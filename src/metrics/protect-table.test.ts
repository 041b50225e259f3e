import { describe, expect, it } from 'vitest';
import { determinedCells, gridGroups, protectTable, secondarySuppression, type SumGroup, type SumTable } from './protect-table.js';

/** A deterministic pseudo-random sequence (tests must be repeatable). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** A grid of data cells with row totals, column totals and the grand total (row-major, totals last). */
function grid(data: number[][]): SumTable {
  const rows = data.length + 1;
  const columns = data[0]!.length + 1;
  const full = [...data.map((r) => [...r, r.reduce((s, v) => s + v, 0)])];
  full.push(Array.from({ length: columns }, (_, c) => full.reduce((s, r) => s + r[c]!, 0)));
  return { values: full.flat(), groups: gridGroups(rows, columns, { row: true, column: true }) };
}

/**
 * The attacker, independent of the protection's linear algebra: knows every published cell, every
 * sum and that counts are whole and non-negative (and at most the largest true cell). For each
 * withheld cell it searches for another completion of the table in which that cell differs; if
 * there is none, the cell is recovered. Backtracking with forced values propagated through sums.
 */
function recovered(table: SumTable, hidden: readonly boolean[]): number[] {
  const truth = table.values.map((v) => v ?? 0);
  const bound = Math.max(...truth);
  const unknown = truth.map((_, i) => i).filter((i) => hidden[i]);
  const groupsOf = new Map<number, SumGroup[]>(unknown.map((i) => [i, table.groups.filter((g) => g.total === i || g.parts.includes(i))]));
  const out: number[] = [];
  for (const target of unknown) {
    if (!anotherCompletion(target)) out.push(target);
  }
  return out;

  function anotherCompletion(target: number): boolean {
    const value = new Map<number, number>();
    const known = (i: number) => (hidden[i] ? value.get(i) : truth[i]);
    const consistent = (cells: number[]): boolean => {
      for (const c of cells) {
        for (const g of groupsOf.get(c) ?? []) {
          const parts = g.parts.map(known);
          const total = known(g.total);
          if (parts.every((p) => p !== undefined) && total !== undefined && parts.reduce((s, p) => s! + p!, 0) !== total) return false;
          if (total !== undefined && parts.reduce((s, p) => s! + (p ?? 0), 0)! > total) return false;
        }
      }
      return true;
    };
    const search = (k: number): boolean => {
      if (k === unknown.length) return true;
      const cell = unknown[k]!;
      for (let v = 0; v <= bound; v++) {
        if (cell === target && v === truth[cell]) continue;
        value.set(cell, v);
        if (consistent([cell]) && search(k + 1)) return true;
      }
      value.delete(cell);
      return false;
    };
    return search(0);
  }
}

describe('protectTable: small counts in tables with totals cannot be recovered', () => {
  it('a one-way table: the small cell and a complement are withheld, the total shown', () => {
    const table: SumTable = { values: [43, 40, 3, 0], groups: [{ total: 0, parts: [1, 2, 3] }] };
    const p = protectTable(table, 6);
    expect(p.hidden).toEqual([false, true, true, false]);
    expect(p.reasons).toEqual([null, 'secondary', 'primary', null]);
  });

  it('catches a cell that only a combination of rows and columns gives away (which a row-by-row rule misses)', () => {
    // 4 × 4 data cells with totals. Withheld: two 2 × 2 blocks and one cell joining them. Every
    // row and column has 0 or at least 2 withheld cells, yet (row totals of rows 0-1) minus
    // (column totals of columns 0-1) isolates the joining cell (1, 2).
    const table = grid([[10, 11, 7, 9], [12, 13, 4, 8], [9, 8, 14, 15], [7, 6, 16, 17]]);
    const at = (r: number, c: number) => r * 5 + c;
    const hidden = table.values.map(() => false);
    for (const [r, c] of [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [1, 2]] as const) hidden[at(r, c)] = true;
    expect(determinedCells(table, hidden)).toEqual([at(1, 2)]);
    expect(recovered(table, hidden)).toEqual([at(1, 2)]);
    const fixed = secondarySuppression(table, hidden);
    expect(determinedCells(table, fixed.hidden)).toEqual([]);
    expect(recovered(table, fixed.hidden)).toEqual([]);
  });

  it('a withheld total is protected too (its parts and the grand total would give it)', () => {
    const table = grid([[2, 30], [20, 25]]);
    const p = protectTable(table, 6);
    expect(p.hidden.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(recovered(table, p.hidden)).toEqual([]);
  });

  it('the attacker recovers nothing from 300 random two-way tables with totals', () => {
    const rnd = lcg(7);
    for (let k = 0; k < 300; k++) {
      const rows = 2 + Math.floor(rnd() * 2);
      const columns = 2 + Math.floor(rnd() * 2);
      const data = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (rnd() < 0.4 ? Math.floor(rnd() * 6) : Math.floor(rnd() * 14))));
      const table = grid(data);
      const p = protectTable(table, 6);
      table.values.forEach((v, i) => { if (v! > 0 && v! < 6) expect(p.hidden[i], `table ${k} cell ${i}`).toBe(true); });
      expect(recovered(table, p.hidden), `table ${k}: ${JSON.stringify(data)}`).toEqual([]);
    }
  });

  it('the attacker recovers nothing from 300 random breakdowns sharing one total', () => {
    const rnd = lcg(11);
    for (let k = 0; k < 300; k++) {
      const total = Math.floor(rnd() * 25);
      const dims = 1 + Math.floor(rnd() * 3);
      const values = [total];
      const groups: SumGroup[] = [];
      for (let d = 0; d < dims; d++) {
        const parts: number[] = [];
        let left = total;
        const size = 2 + Math.floor(rnd() * 2);
        for (let i = 0; i < size; i++) {
          const v = i === size - 1 ? left : Math.min(left, rnd() < 0.5 ? Math.floor(rnd() * 6) : Math.floor(rnd() * (left + 1)));
          left -= v;
          parts.push(values.length);
          values.push(v);
        }
        groups.push({ parts, total: 0 });
      }
      const table = { values, groups };
      const p = protectTable(table, 6);
      expect(recovered(table, p.hidden), `table ${k}: ${JSON.stringify(values)}`).toEqual([]);
    }
  });

  it('rejects a bad threshold and groups that point outside the table', () => {
    expect(() => protectTable({ values: [1], groups: [] }, 0)).toThrow(/at least 1/);
    expect(() => protectTable({ values: [1, 2], groups: [{ parts: [1, 5], total: 0 }] }, 6)).toThrow(/cell 5 of 2/);
  });
});
