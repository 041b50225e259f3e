import { categoryCosts, costsFromRows, DEFAULT_WEEKLY_COSTS, type CostOptions, type PlacementCostRow } from './costs.js';
import type { Table } from './export.js';
import { fitFromStays, fitPlanModel, maximumLikelihoodRates, posteriorMeanRates, prepareCare, stockOn } from './fit.js';
import { postsNeeded, type PostsRow } from './posts.js';
import { project, type Projection } from './project.js';
import type { Scenario } from './scenario.js';
import { buildPlanStays } from './stays.js';
import { compare, fanChart, flows, spend, type ComparisonRow } from './summary.js';
import type { ChildRow, EpisodeRow, ForecastModel, ModelOptions, PlanRow } from './types.js';
import { addYears, fromDayNumber, toDayNumber } from '../calendar/index.js';

/**
 * One forecast, start to finish, over plain rows: fit, project the baseline and each scenario,
 * CP and CIN demand, costs and posts, as tables ready for the CLI, the API and exports.
 */
export interface ForecastInput {
  readonly episodes: readonly EpisodeRow[];
  readonly children: readonly ChildRow[];
  readonly cp?: { readonly plans: readonly PlanRow[]; readonly children: readonly ChildRow[] };
  readonly cin?: { readonly plans: readonly PlanRow[]; readonly children: readonly ChildRow[] };
  readonly placementCosts?: readonly PlacementCostRow[];
}

export interface ForecastRunOptions {
  readonly origin: string;
  readonly years: number;
  readonly runs?: number;
  readonly seed?: number;
  readonly workers?: number;
  /** Years of history before the origin used for the rates (default 1, as the public models' web default). */
  readonly windowYears?: number;
  readonly scenarios?: readonly Scenario[];
  readonly inflation?: number;
  /** Workload standards preset for posts (default 'csc-default'). */
  readonly standards?: string;
  readonly model?: Omit<ModelOptions, 'windowStart' | 'windowEnd'>;
  readonly onProgress?: (done: number, total: number, stage: string) => void;
}

export interface ForecastReport {
  readonly origin: string;
  readonly model: ForecastModel;
  readonly baseline: Projection;
  readonly scenarios: { readonly scenario: Scenario; readonly projection: Projection; readonly comparison: ComparisonRow[] }[];
  readonly cp?: Projection;
  readonly cin?: Projection;
  readonly posts: PostsRow[];
  readonly costOptions: CostOptions;
  readonly tables: Table[];
}

export async function runForecast(input: ForecastInput, options: ForecastRunOptions): Promise<ForecastReport> {
  const windowYears = options.windowYears ?? 1;
  const windowStart = fromDayNumber(toDayNumber(addYears(options.origin, -windowYears)) + 1);
  const windowEnd = fromDayNumber(toDayNumber(options.origin) + 1);
  const modelOptions: ModelOptions = { ...options.model, windowStart, windowEnd };
  const common = { origin: options.origin, years: options.years, runs: options.runs ?? 1000, seed: options.seed ?? 1, workers: options.workers, onProgress: options.onProgress };

  const build = prepareCare(input.episodes, input.children, modelOptions);
  const model = fitFromStays(build, { ...modelOptions, subject: 'cla' });
  const stock = stockOn(build, options.origin, model);
  if (stock.length === 0) throw new Error(`no children in care on ${options.origin}: nothing to forecast (check --la and the forecast start)`);
  const baseline = await project(model, stock, common);

  const costOptions: CostOptions = {
    costs: input.placementCosts ? costsFromRows(input.placementCosts, options.origin, model.categories) : DEFAULT_WEEKLY_COSTS,
    inflation: options.inflation,
  };
  const scenarios = [];
  for (const scenario of options.scenarios ?? []) {
    const projection = await project(model, stock, { ...common, scenario, baseline });
    scenarios.push({ scenario, projection, comparison: compare(baseline, projection, costOptions) });
  }

  const plan = async (rows: ForecastInput['cp'], subject: string): Promise<Projection | undefined> => {
    if (!rows || rows.plans.length === 0) return undefined;
    const planBuild = buildPlanStays(rows.plans, rows.children, modelOptions.dataEnd);
    const planModel = fitPlanModel(rows.plans, rows.children, { ...modelOptions, subject });
    return project(planModel, stockOn(planBuild, options.origin, planModel), common);
  };
  const cp = await plan(input.cp, 'cp');
  const cin = await plan(input.cin, 'cin');
  const posts = postsNeeded({ cla: baseline, cp, cin }, options.standards ?? 'csc-default');

  const tables: Table[] = [
    { name: 'children', rows: fanChart(baseline) },
    { name: 'year ends', rows: yearEnds(baseline) },
    { name: 'flows', rows: flows(baseline) },
    { name: 'spend', rows: spend(baseline, costOptions) },
    { name: 'costs', rows: categoryCosts(baseline, costOptions) },
    { name: 'rates', rows: rateTable(model) },
    { name: 'posts', rows: posts },
  ];
  if (cp) tables.push({ name: 'cp plans', rows: fanChart(cp).filter((r) => r.series === 'total') });
  if (cin) tables.push({ name: 'cin plans', rows: fanChart(cin).filter((r) => r.series === 'total') });
  for (const s of scenarios) {
    tables.push({ name: `vs ${s.scenario.name}`, rows: s.comparison });
    tables.push({ name: `how ${s.scenario.name}`, rows: s.projection.compiled.explanations.map((text) => ({ scenario: s.scenario.name, text })) });
  }
  tables.push({ name: 'data quality', rows: qualitySummary(model) });
  return { origin: options.origin, model, baseline, scenarios, cp, cin, posts, costOptions, tables };
}

/** Children at each forecast year end (the fan chart's yearly points). */
export function yearEnds(projection: Projection): object[] {
  const ends = new Set(projection.time.yearStarts.map((d) => projection.time.reportDates[projection.time.reportDays.indexOf(d)]));
  return fanChart(projection).filter((r) => ends.has(r.date));
}

/** Fitted hazards per state and destination, a year: events, child-years, estimate and posterior mean. */
export function rateTable(model: ForecastModel): object[] {
  const nC = model.categories.length;
  const nDest = nC + model.exitReasons.length;
  const ml = maximumLikelihoodRates(model);
  const pm = posteriorMeanRates(model);
  const rows: object[] = [];
  model.ageBands.forEach((band, b) =>
    model.categories.forEach((cat, c) => {
      const s = b * nC + c;
      for (let d = 0; d < nDest; d++) {
        const i = s * nDest + d;
        if (model.events[i] === 0 && pm[i]! * 365 < 1e-4) continue;
        rows.push({
          ageBand: band.label, category: cat,
          to: d < nC ? `move: ${model.categories[d]}` : `left: ${model.exitReasons[d - nC]}`,
          events: model.events[i], childYears: Math.round((model.exposure[s]! / 365) * 10) / 10,
          ratePerYear: ml[i]! * 365, posteriorMeanPerYear: pm[i]! * 365,
        });
      }
    }),
  );
  return rows;
}

/** Data-quality notes counted by rule, with one example each. */
export function qualitySummary(model: ForecastModel): { issue: string; children: number; example: string | undefined }[] {
  const counts = new Map<string, number>();
  for (const q of model.quality) counts.set(`${q.action}: ${q.rule}`, (counts.get(`${q.action}: ${q.rule}`) ?? 0) + 1);
  return [...counts].map(([issue, n]) => ({ issue, children: n, example: model.quality.find((q) => `${q.action}: ${q.rule}` === issue)?.detail }));
}

