/**
 * A trend table like Barking and Dagenham's Table 1: one row per measure, one column per year,
 * 1-year and 5-year change, then the statistical neighbour, regional and England values.
 */
import { percentChange, signedPercent } from '../narrative/change.js';
import { displayed, type Figure } from '../narrative/format.js';
import { roundHalfUp } from '../narrative/round.js';
import type { Cell, DocTable, Measure, TrendTableBlock } from '../model.js';
import type { Lookup } from './lookup.js';
import { BENCHMARK_SOURCE, localSource } from './source.js';
import { periodWords, yearLabel, yearsEnding } from './years.js';

/** Change between two printed figures: % for counts and rates, percentage points for percentages. */
export function changeCell(m: Measure, from: Figure, to: Figure, last: number): Cell {
  const a = displayed(from);
  const b = displayed(to);
  const ref = { kind: 'change' as const, source: m.indicator, year: last };
  if (a === null || b === null) {
    const symbol = from.symbol === 'c' || to.symbol === 'c' ? 'c' : 'x';
    return { figure: { value: null, unit: 'percent', symbol }, ref: { ...ref, value: null } };
  }
  if (m.unit === 'percent') {
    const pts = roundHalfUp(b - a, m.dp ?? 0);
    return { text: `${pts > 0 ? '+' : ''}${pts} pts`, ref: { ...ref, value: pts } };
  }
  const p = percentChange(from.value, to.value);
  if (p === null) return { figure: { value: null, unit: 'percent', symbol: 'z' }, ref: { ...ref, value: null } };
  return { text: signedPercent(p), ref: { ...ref, value: p } };
}

export function buildTrendTable(block: TrendTableBlock, look: Lookup): DocTable {
  const last = look.data.year;
  const years = yearsEnding(last, block.years ?? 6);
  const withComparators = block.comparators ?? true;
  const columns = [...years.map(yearLabel), '1 year change', `${years.length - 1} year change`];
  const regionName = look.data.authority.regionName ?? 'Region';
  if (withComparators) columns.push(`Statistical neighbours ${yearLabel(last)}`, `${regionName} ${yearLabel(last)}`, `England ${yearLabel(last)}`);
  const rows = block.rows.map((m) => {
    const figures = years.map((y) => look.figure(m, y));
    const cells: Cell[] = figures.map((f, i) => ({ figure: f, ref: { kind: m.field === 'rate' ? 'rate' : 'value', source: m.indicator, year: years[i], value: displayed(f) } }));
    cells.push(changeCell(m, figures[figures.length - 2]!, figures[figures.length - 1]!, last));
    cells.push(changeCell(m, figures[0]!, figures[figures.length - 1]!, last));
    if (withComparators) {
      const comps = look.comparators(m, last);
      if (comps.length === 0) {
        for (let i = 0; i < 3; i++) cells.push({ figure: { value: null, unit: m.unit, symbol: 'z' } });
      } else {
        const byArea = (prefix: string) => comps.find((c) => c.area === prefix);
        const ordered = [byArea('SN'), comps.find((c) => c.area !== 'SN' && c.area !== 'E92000001'), byArea('E92000001')];
        for (const c of ordered) {
          cells.push(c ? { figure: c.figure, ref: { kind: 'comparator', source: c.source, year: last, area: c.area, value: displayed(c.figure) } } : { figure: { value: null, unit: m.unit, symbol: 'x' } });
        }
      }
    }
    return { header: m.label, cells };
  });
  return {
    id: block.id,
    title: block.title,
    rowHeader: 'Measure',
    columns,
    rows,
    source: withComparators ? `${localSource(look.data)}; ${BENCHMARK_SOURCE}` : localSource(look.data),
    dated: `${periodWords(years[0]!)} to ${periodWords(last)}`,
    notes: ['Changes are worked out from unrounded values; percentages show the change in percentage points (pts).'],
  };
}
