/** A trend chart of one measure with the statistical neighbour, regional and England lines. */
import { displayed } from '../narrative/format.js';
import type { ChartBlock, ChartSeries, DocChart } from '../model.js';
import type { Lookup } from './lookup.js';
import { BENCHMARK_SOURCE, localSource } from './source.js';
import { periodWords, yearLabel, yearsEnding } from './years.js';

export function buildChart(block: ChartBlock, look: Lookup): DocChart {
  const years = yearsEnding(look.data.year, block.years ?? 6);
  const m = block.measure;
  // the comparator lines are real published figures; the local line may not be
  const own = look.data.dataOrigin === 'synthetic' ? `${look.data.authority.name} (synthetic)` : look.data.authority.name;
  const series: ChartSeries[] = [{ name: own, values: years.map((y) => displayed(look.figure(m, y))) }];
  if (m.benchmark) {
    const per = years.map((y) => look.comparators(m, y));
    const names: [string, (area: string) => boolean][] = [
      ['Statistical neighbours', (a) => a === 'SN'],
      [look.data.authority.regionName ?? 'Region', (a) => a !== 'SN' && a !== 'E92000001'],
      ['England', (a) => a === 'E92000001'],
    ];
    for (const [name, match] of names) {
      const values = per.map((cs) => {
        const c = cs.find((x) => match(x.area));
        return c ? displayed(c.figure) : null;
      });
      if (values.some((v) => v !== null)) series.push({ name, values });
    }
  }
  return {
    id: block.id,
    title: block.title,
    type: block.type,
    categories: years.map(yearLabel),
    series,
    unit: m.unit,
    source: m.benchmark ? `${localSource(look.data)}; ${BENCHMARK_SOURCE}` : localSource(look.data),
    dated: `${periodWords(years[0]!)} to ${periodWords(look.data.year)}`,
  };
}
