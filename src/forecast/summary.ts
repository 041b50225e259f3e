import { AGED_OUT } from './config.js';
import { spendByRun, yearLabels, type CostOptions } from './costs.js';
import type { Projection } from './project.js';

/** Summaries of Monte Carlo runs: quantiles, fan-chart data, flows, spend and comparisons. */

/** Central intervals reported everywhere: 50%, 80% and 95%. */
export const INTERVALS = [0.5, 0.8, 0.95] as const;

export interface Distribution {
  readonly mean: number;
  readonly p025: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p975: number;
}

/** Quantile by linear interpolation between order statistics (type 7, as R and numpy). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function distribution(values: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p025: quantile(sorted, 0.025),
    p10: quantile(sorted, 0.1),
    p25: quantile(sorted, 0.25),
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p90: quantile(sorted, 0.9),
    p975: quantile(sorted, 0.975),
  };
}

/** Series reported: each category, and 'total'. States can be asked for too ("10 to 16 / fostering"). */
export function seriesNames(projection: Projection, byState = false): string[] {
  const m = projection.model;
  const names = [...m.categories, 'total'];
  if (byState) for (const band of m.ageBands) for (const c of m.categories) names.push(`${band.label} / ${c}`);
  return names;
}

/** Children in a series on a report day, one value per run. */
export function seriesValues(projection: Projection, series: string, report: number): Float64Array {
  const m = projection.model;
  const nC = m.categories.length;
  const nStates = m.ageBands.length * nC;
  const nReport = projection.time.reportDays.length;
  const { stock, runs } = projection.outputs;
  const include = new Uint8Array(nStates);
  const c = m.categories.indexOf(series);
  for (let s = 0; s < nStates; s++) {
    const label = `${m.ageBands[Math.floor(s / nC)]!.label} / ${m.categories[s % nC]}`;
    include[s] = series === 'total' || (c >= 0 && s % nC === c) || label === series ? 1 : 0;
  }
  const values = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    let sum = 0;
    const base = (r * nReport + report) * nStates;
    for (let s = 0; s < nStates; s++) if (include[s]) sum += stock[base + s]!;
    values[r] = sum;
  }
  return values;
}

export interface FanRow extends Distribution {
  readonly date: string;
  readonly series: string;
}

/** Fan-chart data: quantiles of each series on each report date (monthly). */
export function fanChart(projection: Projection, options: { byState?: boolean } = {}): FanRow[] {
  const rows: FanRow[] = [];
  for (const series of seriesNames(projection, options.byState)) {
    projection.time.reportDates.forEach((date, k) => {
      rows.push({ date, series, ...distribution(seriesValues(projection, series, k)) });
    });
  }
  return rows;
}

export interface FlowRow extends Distribution {
  readonly year: string;
  readonly flow: string;
}

/** Entries and leavers (by reason, plus ageing out) per forecast year. */
export function flows(projection: Projection): FlowRow[] {
  const { outputs, model } = projection;
  const labels = yearLabels(projection);
  const nYears = labels.length;
  const reasons = [...model.exitReasons, AGED_OUT];
  const rows: FlowRow[] = [];
  labels.forEach((year, y) => {
    const entries = Float64Array.from({ length: outputs.runs }, (_, r) => outputs.entries[r * nYears + y]!);
    rows.push({ year, flow: 'entries', ...distribution(entries) });
    reasons.forEach((reason, i) => {
      const left = Float64Array.from({ length: outputs.runs }, (_, r) => outputs.exits[(r * nYears + y) * reasons.length + i]!);
      rows.push({ year, flow: `left: ${reason}`, ...distribution(left) });
    });
    projection.compiled.extraMoves.forEach((move, x) => {
      const n = projection.compiled.extraMoves.length;
      const moved = Float64Array.from({ length: outputs.runs }, (_, r) => outputs.extraMoves[(r * nYears + y) * n + x]!);
      rows.push({ year, flow: `scenario move: ${move.label}`, ...distribution(moved) });
    });
  });
  return rows;
}

export interface SpendRow extends Distribution {
  readonly year: string;
}

export function spend(projection: Projection, options: CostOptions = {}): SpendRow[] {
  const byRun = spendByRun(projection, options);
  const labels = yearLabels(projection);
  const n = labels.length;
  return labels.map((year, y) => ({
    year,
    ...distribution(Float64Array.from({ length: projection.outputs.runs }, (_, r) => byRun[r * n + y]!)),
  }));
}

export interface ComparisonRow {
  readonly measure: string;
  readonly when: string;
  readonly baseline: Distribution;
  readonly scenario: Distribution;
  /** Scenario minus baseline, run by run (same seeds, so much of the noise cancels). */
  readonly difference: Distribution;
}

/** Side by side: children in care at each year end, and spend per year, with uncertainty. */
export function compare(baseline: Projection, scenario: Projection, options: CostOptions = {}): ComparisonRow[] {
  if (baseline.outputs.runs !== scenario.outputs.runs) throw new Error('compare projections with the same number of runs');
  const rows: ComparisonRow[] = [];
  const runs = baseline.outputs.runs;
  const diff = (a: Float64Array, b: Float64Array) => Float64Array.from({ length: runs }, (_, r) => b[r]! - a[r]!);
  for (let y = 1; y < baseline.time.yearStarts.length; y++) {
    const k = baseline.time.reportDays.indexOf(baseline.time.yearStarts[y]!);
    for (const series of [...baseline.model.categories, 'total']) {
      const a = seriesValues(baseline, series, k);
      const b = seriesValues(scenario, series, k);
      rows.push({
        measure: `children: ${series}`, when: baseline.time.reportDates[k]!,
        baseline: distribution(a), scenario: distribution(b), difference: distribution(diff(a, b)),
      });
    }
  }
  const sa = spendByRun(baseline, options);
  const sb = spendByRun(scenario, options);
  const labels = yearLabels(baseline);
  const n = labels.length;
  labels.forEach((year, y) => {
    const a = Float64Array.from({ length: runs }, (_, r) => sa[r * n + y]!);
    const b = Float64Array.from({ length: runs }, (_, r) => sb[r * n + y]!);
    rows.push({ measure: 'placement spend £', when: year, baseline: distribution(a), scenario: distribution(b), difference: distribution(diff(a, b)) });
  });
  return rows;
}
