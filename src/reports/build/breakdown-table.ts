/**
 * A breakdown of one indicator (category of abuse, episodes banded, placement type) for the last
 * years, counts and shares, with a total row. Public reports suppress small counts, then hide
 * further cells so no hidden count can be recovered from the total, and hide any share whose
 * count is hidden (share × total would give it back).
 */
import { displayed, type Figure } from '../narrative/format.js';
import { roundHalfUp } from '../narrative/round.js';
import { secondarySuppress, suppressFigure, type SumGroup } from '../privacy/suppress.js';
import type { BreakdownTableBlock, Cell, DocTable, TableRow } from '../model.js';
import type { Lookup } from './lookup.js';
import { localSource } from './source.js';
import { periodWords, yearLabel, yearsEnding } from './years.js';

export function buildBreakdownTable(block: BreakdownTableBlock, look: Lookup): DocTable {
  const years = yearsEnding(look.data.year, block.years ?? 2);
  const perYear = years.map((y) => look.breakdown(block.indicator, block.breakdown, y));
  const labels = block.labels ?? {};
  const listed = [...Object.keys(labels)];
  for (const rows of perYear) for (const r of rows) if (!listed.includes(r.key)) listed.push(r.key);
  const countOf = (yi: number, key: string): number => {
    const r = perYear[yi]!.find((x) => x.key === key);
    return r ? (r.numerator ?? r.value ?? 0) : 0;
  };
  // a key with no cases in any year hides nothing, so leaving it out cannot reveal a small count
  const keys = block.omitEmpty ? listed.filter((k) => years.some((_, yi) => countOf(yi, k) !== 0)) : listed;
  const available = perYear.map((rows, yi) => rows.length > 0 || look.point(block.indicator, years[yi]!) !== undefined);
  // counts grid: rows = keys + total, columns = years
  const raw: Figure[][] = keys.map((k) => years.map((_, yi) => (available[yi] ? { value: countOf(yi, k), unit: 'count' } : { value: null, unit: 'count', symbol: 'x' })));
  const totals: Figure[] = years.map((_, yi) => (available[yi] ? { value: keys.reduce((s, k) => s + countOf(yi, k), 0), unit: 'count' } : { value: null, unit: 'count', symbol: 'x' }));
  let counts: Figure[][] = [...raw, totals];
  if (look.policy) {
    const policy = look.policy;
    counts = counts.map((row) => row.map((f) => suppressFigure({ figure: f }, policy)));
    const groups: SumGroup[] = years.map((_, yi) => ({ parts: keys.map((_, ki) => [ki, yi] as const), total: [keys.length, yi] as const }));
    counts = secondarySuppress(counts, groups).cells;
  }
  const shareDp = 1;
  const rows: TableRow[] = [...keys, 'Total'].map((key, ki) => {
    const cells: Cell[] = [];
    years.forEach((year, yi) => {
      const c = counts[ki]![yi]!;
      if (block.show.includes('count')) cells.push({ figure: c, ref: { kind: 'count', source: `${block.indicator}:${block.breakdown}:${key}`, year, value: displayed(c) } });
      if (block.show.includes('share')) {
        const total = totals[yi]!.value;
        const hiddenTotal = counts[keys.length]![yi]!.symbol === 'c';
        const value = c.value === null || hiddenTotal || !total ? null : roundHalfUp((c.value / total) * 100, shareDp);
        const f: Figure = { value, unit: 'percent', dp: shareDp, symbol: value === null ? (c.symbol === 'c' || hiddenTotal ? 'c' : 'x') : null };
        cells.push({ figure: f, ref: { kind: 'value', source: `${block.indicator}:${block.breakdown}:${key}:share`, year, value: displayed(f) } });
      }
    });
    return { header: key === 'Total' ? 'Total' : (labels[key] ?? key), cells, total: key === 'Total' };
  });
  const columns: string[] = [];
  for (const y of years) {
    if (block.show.includes('count')) columns.push(`${yearLabel(y)} number`);
    if (block.show.includes('share')) columns.push(`${yearLabel(y)} %`);
  }
  return {
    id: block.id,
    title: block.title,
    rowHeader: block.keyLabel,
    columns,
    rows,
    source: localSource(look.data),
    dated: years.length > 1 ? `${periodWords(years[0]!)} to ${periodWords(years[years.length - 1]!)}` : periodWords(years[0]!),
    notes: look.policy ? [`Numbers from 1 to ${look.policy.threshold} are shown as c, and further cells are hidden where a total would reveal them.`] : [],
  };
}
