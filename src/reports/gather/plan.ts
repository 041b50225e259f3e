/**
 * Which indicator computations a report needs, as few calls to src/metrics as possible: each
 * indicator only for the years its blocks show (a trend table 6, a breakdown table 2, a level
 * sentence 1), with breakdown grouping sets only in the years a breakdown table shows them, and
 * indicators that need the same years and breakdowns asked for together (src/metrics then shares
 * the SQL of indicators with the same units and runs the queries side by side).
 */
import type { ReportTemplate } from '../model.js';
import { yearsEnding } from '../build/years.js';

export interface IndicatorRequest {
  readonly indicators: string[];
  readonly years: number[];
  readonly breakdowns: string[];
}

interface Needs {
  readonly values: Set<number>;
  readonly breakdownYears: Set<number>;
  readonly breakdowns: Set<string>;
}

/** Every year each indicator of the template is shown in, and where its breakdowns are. */
function needsOf(template: ReportTemplate, year: number): Map<string, Needs> {
  const needs = new Map<string, Needs>();
  const of = (id: string) => {
    let n = needs.get(id);
    if (!n) needs.set(id, (n = { values: new Set(), breakdownYears: new Set(), breakdowns: new Set() }));
    return n;
  };
  const values = (id: string, years: readonly number[]) => years.forEach((y) => of(id).values.add(y));
  for (const s of template.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'trend-table') for (const m of b.rows) values(m.indicator, yearsEnding(year, b.years ?? 6));
      else if (b.kind === 'chart') values(b.measure.indicator, yearsEnding(year, b.years ?? 6));
      else if (b.kind === 'sentences') {
        for (const i of b.items) {
          if (i.kind === 'level') values(i.measure.indicator, [year]);
          else if (i.kind === 'change') values(i.measure.indicator, [year - (i.span ?? 1), year]);
        }
      } else if (b.kind === 'breakdown-table' || b.kind === 'factor-table') {
        const n = of(b.indicator);
        n.breakdowns.add(b.breakdown);
        for (const y of yearsEnding(year, b.years ?? (b.kind === 'factor-table' ? 1 : 2))) n.breakdownYears.add(y);
      }
    }
  }
  return needs;
}

/** The calls to make: one per distinct (years, breakdowns), each naming every indicator that needs exactly that. */
export function planIndicatorRequests(template: ReportTemplate, year: number): IndicatorRequest[] {
  const groups = new Map<string, IndicatorRequest>();
  const add = (id: string, years: number[], breakdowns: string[]) => {
    if (years.length === 0) return;
    years.sort((a, b) => a - b);
    breakdowns.sort();
    const key = `${years.join(',')}|${breakdowns.join(',')}`;
    const g = groups.get(key);
    if (g) g.indicators.push(id);
    else groups.set(key, { indicators: [id], years, breakdowns });
  };
  for (const [id, n] of needsOf(template, year)) {
    // the breakdown call also gives the indicator's own value in its years
    add(id, [...n.breakdownYears], [...n.breakdowns]);
    add(id, [...n.values].filter((y) => !n.breakdownYears.has(y)), []);
  }
  return [...groups.values()];
}
