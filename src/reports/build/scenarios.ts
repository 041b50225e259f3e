/**
 * Scenario savings: for each named scenario of src/forecast, placement spend saved against the
 * baseline in each forecast year (median of the paired runs) and the change in children looked
 * after, with one sentence per scenario giving the 80% interval. Projections, not counts of real
 * children: not suppressed (as the forecast table).
 */
import { formatFigure, type Figure } from '../narrative/format.js';
import { sentence } from '../narrative/tokens.js';
import type { Cell, DocBlock, DocTable, ScenariosBlock, TableRow } from '../model.js';
import type { Lookup } from './lookup.js';
import { localSource } from './source.js';

const gbp = (value: number): Figure => ({ value: Math.round(value / 1000) * 1000 || 0, unit: 'gbp', dp: 0 });
const children = (value: number): Figure => ({ value: Math.round(value) || 0, unit: 'ratio', dp: 0 }); // never -0
const signed = (f: Figure) => (f.value !== null && f.value > 0 ? `+${formatFigure(f)}` : formatFigure(f));

export function buildScenarios(block: ScenariosBlock, look: Lookup): DocBlock[] {
  const view = look.data.scenarios;
  if (!view || view.outcomes.length === 0) return [{ kind: 'notice', text: 'No scenario could be projected from the data held.' }];
  const years = view.outcomes[0]!.savings.map((s) => s.year);
  const when = view.outcomes[0]!.children.date;
  const source = (name: string, what: string) => `forecast:${name}:${what}`;
  const rows: TableRow[] = view.outcomes.map((o) => ({
    header: o.description,
    cells: [
      ...o.savings.map((s): Cell => ({ figure: gbp(s.median), ref: { kind: 'parameter', source: source(o.name, `saving:${s.year}`), value: gbp(s.median).value } })),
      { figure: children(o.children.median), ref: { kind: 'parameter', source: source(o.name, 'children'), value: children(o.children.median).value } },
    ],
  }));
  const costs = view.costs === 'local' ? 'the weekly placement costs recorded by the authority' : 'national average weekly costs (no local placement costs are recorded)';
  const table: DocTable = {
    id: block.id,
    title: block.title,
    rowHeader: 'Scenario',
    columns: [...years.map((y) => `${y} saving`), `Children looked after at ${when}: change`],
    rows,
    source: `${localSource(look.data)}; CSC Workbench forecast scenarios costed with ${costs}`,
    dated: `projected from ${view.origin}`,
    notes: [`Saving = baseline spend minus scenario spend (a negative saving is a cost), median of ${view.runs} paired Monte Carlo runs, rounded to the nearest £1,000.`],
  };
  const blocks: DocBlock[] = [{ kind: 'table', table }];
  for (const o of view.outcomes) {
    const first = o.savings[0];
    if (!first) continue;
    const [median, low, high] = [first.median, first.low, first.high].map(gbp) as [Figure, Figure, Figure];
    const change = children(o.children.median);
    blocks.push({
      kind: 'paragraph',
      sentence: sentence(
        `${o.description}: placement spend in ${first.year} would be `,
        { text: formatFigure({ ...median, value: Math.abs(median.value!) }), ref: { kind: 'parameter', source: source(o.name, `saving:${first.year}`), value: median.value } },
        median.value! >= 0 ? ' lower than the baseline' : ' higher than the baseline',
        ` (80% interval: a saving of ${formatFigure(low)} to ${formatFigure(high)}), with `,
        { text: signed(change), ref: { kind: 'parameter', source: source(o.name, 'children'), value: change.value } },
        ` children looked after at ${when} against the baseline.`,
      ),
    });
  }
  return blocks;
}
