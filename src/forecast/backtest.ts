import { addYears, fromDayNumber, toDayNumber } from '../calendar/index.js';
import { fitFromStays, prepareCare, stockOn } from './fit.js';
import { project } from './project.js';
import { distribution, seriesNames, seriesValues } from './summary.js';
import type { ChildRow, EpisodeRow, ModelOptions } from './types.js';

/**
 * Rolling-origin backtests: for each origin, fit on the years before it, project from the
 * stock on that day, and compare with what the data say happened. Reports error (MAPE) and
 * how often the 50/80/95% intervals contained the outcome.
 */

export interface BacktestOptions {
  /** Forecast origins (ISO dates, e.g. '2021-03-31'); each needs data to origin + horizon. */
  readonly origins: readonly string[];
  /** Years of history before each origin used to fit the rates (default 1). */
  readonly windowYears?: number;
  /** Years ahead forecast and checked (default 1). */
  readonly horizonYears?: number;
  readonly runs?: number;
  readonly seed?: number;
  readonly workers?: number;
  readonly parameterUncertainty?: boolean;
  readonly model?: Omit<ModelOptions, 'windowStart' | 'windowEnd'>;
  readonly onProgress?: (done: number, total: number, stage: string) => void;
}

export interface BacktestRow {
  readonly origin: string;
  readonly target: string;
  readonly series: string;
  readonly level: 'total' | 'category' | 'state';
  readonly actual: number;
  readonly median: number;
  readonly mean: number;
  readonly p025: number;
  readonly p10: number;
  readonly p25: number;
  readonly p75: number;
  readonly p90: number;
  readonly p975: number;
  /**
   * Where the outcome fell in the forecast distribution: P(X < actual) + ½ P(X = actual) (the
   * mid-PIT). Counts are discrete, so "inside the 80% interval" is judged by 0.1 <= PIT <= 0.9;
   * inclusive quantile bounds would over-state coverage whenever the outcome ties a bound.
   */
  readonly pit: number;
  readonly in50: boolean;
  readonly in80: boolean;
  /** 0.05 <= PIT <= 0.95. */
  readonly in90: boolean;
  readonly in95: boolean;
  /** |median − actual| ÷ actual; null when actual is 0. */
  readonly ape: number | null;
}

export interface BacktestSummaryRow {
  readonly series: string;
  readonly level: BacktestRow['level'];
  readonly origins: number;
  readonly mape: number | null;
  readonly coverage50: number;
  readonly coverage80: number;
  readonly coverage90: number;
  readonly coverage95: number;
}

export interface BacktestResult {
  readonly rows: BacktestRow[];
  readonly summary: BacktestSummaryRow[];
  /** Coverage over every (state, origin) pair with children in it at either end. */
  readonly overall: { readonly pairs: number; readonly coverage50: number; readonly coverage80: number; readonly coverage90: number; readonly coverage95: number; readonly mapeCategories: number | null };
}

export async function backtest(episodes: readonly EpisodeRow[], children: readonly ChildRow[], options: BacktestOptions): Promise<BacktestResult> {
  const build = prepareCare(episodes, children, options.model ?? {});
  const windowYears = options.windowYears ?? 1;
  const horizonYears = options.horizonYears ?? 1;
  const rows: BacktestRow[] = [];
  for (const [i, origin] of options.origins.entries()) {
    const target = addYears(origin, horizonYears);
    if (toDayNumber(target) > build.dataEndDay) {
      throw new Error(`backtest origin ${origin}: the data end on ${fromDayNumber(build.dataEndDay)}, before the target ${target}`);
    }
    const windowStart = fromDayNumber(toDayNumber(addYears(origin, -windowYears)) + 1);
    const windowEnd = fromDayNumber(toDayNumber(origin) + 1);
    const model = fitFromStays(build, { ...options.model, windowStart, windowEnd });
    const projection = await project(model, stockOn(build, origin, model), {
      origin, years: horizonYears, runs: options.runs ?? 500, seed: (options.seed ?? 1) + 1000 * i,
      workers: options.workers, parameterUncertainty: options.parameterUncertainty,
      onProgress: (done, total) => options.onProgress?.(done, total, `backtest from ${origin}`),
    });
    const actualStock = stockOn(build, target, model);
    const k = projection.time.reportDays.length - 1;
    for (const series of seriesNames(projection, true)) {
      const level: BacktestRow['level'] = series === 'total' ? 'total' : series.includes(' / ') ? 'state' : 'category';
      const actual = actualStock.filter((child) => {
        if (series === 'total') return true;
        if (level === 'category') return model.categories[child.category] === series;
        const band = model.ageBands.findIndex((b) => series.startsWith(`${b.label} / `));
        return model.categories[child.category] === series.slice(series.indexOf(' / ') + 3) && bandOf(child.dobDay, target, model.ageBands) === band;
      }).length;
      const values = seriesValues(projection, series, k);
      const d = distribution(values);
      if (level === 'state' && actual === 0 && d.p975 === 0) continue; // an empty state says nothing
      const u = midPit(values, actual);
      rows.push({
        origin, target, series, level, actual, median: d.p50, mean: d.mean, p025: d.p025, p10: d.p10, p25: d.p25, p75: d.p75, p90: d.p90, p975: d.p975,
        pit: u,
        in50: u >= 0.25 && u <= 0.75,
        in80: u >= 0.1 && u <= 0.9,
        in90: u >= 0.05 && u <= 0.95,
        in95: u >= 0.025 && u <= 0.975,
        ape: actual > 0 ? Math.abs(d.p50 - actual) / actual : null,
      });
    }
  }
  return { rows, summary: summarise(rows), overall: overall(rows) };
}

function midPit(values: ArrayLike<number>, actual: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < actual) below++;
    else if (values[i] === actual) equal++;
  }
  return (below + equal / 2) / values.length;
}

function bandOf(dobDay: number, date: string, bands: ModelOptions['ageBands'] & object): number {
  const day = toDayNumber(date);
  const dob = fromDayNumber(dobDay);
  for (let b = 0; b < bands.length; b++) if (day < toDayNumber(addYears(dob, bands[b]!.toYears))) return b;
  return bands.length;
}

function summarise(rows: readonly BacktestRow[]): BacktestSummaryRow[] {
  const bySeries = new Map<string, BacktestRow[]>();
  for (const row of rows) {
    const list = bySeries.get(row.series) ?? [];
    list.push(row);
    bySeries.set(row.series, list);
  }
  return [...bySeries].map(([series, list]) => {
    const apes = list.map((r) => r.ape).filter((x): x is number => x !== null);
    return {
      series, level: list[0]!.level, origins: list.length,
      mape: apes.length ? apes.reduce((a, b) => a + b, 0) / apes.length : null,
      coverage50: share(list, (r) => r.in50), coverage80: share(list, (r) => r.in80), coverage90: share(list, (r) => r.in90), coverage95: share(list, (r) => r.in95),
    };
  });
}

function overall(rows: readonly BacktestRow[]): BacktestResult['overall'] {
  const states = rows.filter((r) => r.level === 'state');
  const categories = rows.filter((r) => r.level === 'category' && r.ape !== null);
  return {
    pairs: states.length,
    coverage50: share(states, (r) => r.in50),
    coverage80: share(states, (r) => r.in80),
    coverage90: share(states, (r) => r.in90),
    coverage95: share(states, (r) => r.in95),
    mapeCategories: categories.length ? categories.reduce((a, r) => a + r.ape!, 0) / categories.length : null,
  };
}

function share<T>(list: readonly T[], test: (x: T) => boolean): number {
  return list.length ? list.filter(test).length / list.length : Number.NaN;
}
