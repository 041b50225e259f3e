import type { Kysely } from 'kysely';
import { addYears, collectionYearBounds, collectionYearOf, fromDayNumber, isIsoDate, toDayNumber } from '../calendar/index.js';
import type { Database } from '../db/index.js';
import { PRESETS } from '../workload/index.js';
import type {
  AuthorityForecast, AuthorityForecastOptions, FanPoint, NamedSeries, Quantiles, YearSpend,
} from './authority-types.js';
import { categoryCosts, costsFromRows, DEFAULT_INFLATION, DEFAULT_WEEKLY_COSTS, spendByInterval, yearLabels, type CostOptions } from './costs.js';
import { lastCareDate, loadCareRows, loadPlacementCosts, loadPlanRows } from './db.js';
import { fitFromStays, fitPlanModel, prepareCare, stockOn } from './fit.js';
import { LEGAL_STATUS_GROUPS, legalStatusEpisodes } from './legal-status.js';
import { postsNeeded } from './posts.js';
import { project, type Projection } from './project.js';
import { qualitySummary } from './report.js';
import { parseScenario, ScenarioError, type Scenario } from './scenario.js';
import { namedScenario, NAMED_SCENARIOS } from './scenarios.js';
import { buildPlanStays } from './stays.js';
import { compare, distribution, flows, seriesValues, spend, type Distribution } from './summary.js';
import type { ModelOptions } from './types.js';

/**
 * The forecast the server calls: one authority, read from the database, returned as plain
 * JSON-ready data (shape in authority-types.ts and README.md). Children in care by placement
 * and by legal status, CP and CIN plans, spend per week and per year, posts, flows, and the
 * scenario against the baseline.
 */

/** A request the forecast cannot answer: 400 (bad option or scenario) or 404 (no data). */
export class ForecastRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
    this.name = 'ForecastRequestError';
  }
}

export async function forecastAuthority(db: Kysely<Database>, laCode: string, options: AuthorityForecastOptions = {}): Promise<AuthorityForecast> {
  const horizonYears = whole(options.horizonYears ?? 3, 'horizonYears', 1, 5);
  const runs = whole(options.runs ?? 1000, 'runs', 10, 100_000);
  const seed = whole(options.seed ?? 1, 'seed', 0, 2 ** 31);
  const windowYears = whole(options.windowYears ?? 1, 'windowYears', 1, 10);
  const inflation = options.inflation ?? DEFAULT_INFLATION;
  if (!(Number.isFinite(inflation) && inflation >= -0.5 && inflation <= 1)) throw new ForecastRequestError(`inflation must be a number from -0.5 to 1 (got ${inflation})`, 400);
  const standards = options.standards ?? 'csc-default';
  if (!PRESETS[standards]) throw new ForecastRequestError(`standards must be one of ${Object.keys(PRESETS).join(', ')} (got ${JSON.stringify(standards)})`, 400);
  if (options.origin !== undefined && !isIsoDate(options.origin)) throw new ForecastRequestError(`origin must be an ISO date such as 2024-03-31 (got ${JSON.stringify(options.origin)})`, 400);
  const scenario = resolveScenario(options.scenario);

  const last = await lastCareDate(db, [laCode]);
  if (!last) throw new ForecastRequestError(`no care episodes for authority ${JSON.stringify(laCode)}: nothing to forecast`, 404);
  const dataEnd = collectionYearBounds(collectionYearOf(last)).end;
  const origin = options.origin ?? dataEnd;
  const care = await loadCareRows(db, [laCode]);
  const cpRows = await loadPlanRows(db, [laCode], 'cp');
  const cinRows = await loadPlanRows(db, [laCode], 'cin');
  const costRows = await loadPlacementCosts(db, laCode);

  const windowStart = fromDayNumber(toDayNumber(addYears(origin, -windowYears)) + 1);
  const windowEnd = fromDayNumber(toDayNumber(origin) + 1);
  const modelOptions: ModelOptions = { windowStart, windowEnd, dataEnd };
  const build = prepareCare(care.episodes, care.children, modelOptions);
  const model = fitFromStays(build, { ...modelOptions, subject: 'cla' });
  const stock = stockOn(build, origin, model);
  if (stock.length === 0) throw new ForecastRequestError(`no children in care in authority ${laCode} on ${origin}: nothing to forecast (check the origin)`, 404);

  const lsOptions: ModelOptions = { ...modelOptions, categories: [...LEGAL_STATUS_GROUPS], categoryOf: (place) => place };
  const lsBuild = prepareCare(legalStatusEpisodes(care.episodes), care.children, lsOptions);
  const lsModel = fitFromStays(lsBuild, { ...lsOptions, subject: 'legal status' });
  const lsScenario = entryChangesOnly(scenario);

  const stages = 2 + (scenario ? 1 : 0) + (cpRows.plans.length ? 1 : 0) + (cinRows.plans.length ? 1 : 0);
  let stageIndex = 0;
  let reported = 0;
  const common = (stage: string) => {
    const index = stageIndex++;
    return {
      origin, years: horizonYears, runs, seed, workers: options.workers,
      onProgress: (done: number, total: number) => {
        const fraction = Math.max(reported, Math.min(1, (index + done / total) / stages));
        reported = fraction;
        options.onProgress?.({ stage, done, total, fraction });
      },
    };
  };

  const baseline = await project(model, stock, common('cla: baseline'));
  const main = scenario ? await project(model, stock, { ...common(`cla: ${scenario.name}`), scenario, baseline }) : baseline;
  const lsStock = stockOn(lsBuild, origin, lsModel);
  const legal = await project(lsModel, lsStock, { ...common('legal status'), scenario: lsScenario });
  const plans = async (rows: typeof cpRows, subject: 'cp' | 'cin'): Promise<Projection | undefined> => {
    if (rows.plans.length === 0) return undefined;
    const planModel = fitPlanModel(rows.plans, rows.children, { ...modelOptions, subject });
    return project(planModel, stockOn(buildPlanStays(rows.plans, rows.children, dataEnd), origin, planModel), common(subject));
  };
  const cp = await plans(cpRows, 'cp');
  const cin = await plans(cinRows, 'cin');

  const costOptions: CostOptions = { costs: costRows.length ? costsFromRows(costRows, origin, model.categories) : DEFAULT_WEEKLY_COSTS, inflation };
  const dates = main.time.reportDates;
  return {
    laCode, origin, horizonYears, runs, seed, dates,
    scenario: scenario ? { name: scenario.name, description: scenario.description, explanations: main.compiled.explanations } : null,
    children: {
      total: fan(main, 'total'),
      byPlacement: series(main),
      byLegalStatus: series(legal),
    },
    cp: cp ? fan(cp, 'total') : null,
    cin: cin ? fan(cin, 'total') : null,
    cost: { perWeek: weeklySpend(main, costOptions), perYear: yearSpend(main, costOptions), unitCosts: categoryCosts(main, costOptions), inflation },
    posts: postsNeeded({ cla: main, cp, cin }, standards).map((p) => ({ date: p.date, role: p.role, standard: p.standard, ...plain(p.posts) })),
    flows: flows(main).map((f) => ({ ...plain(f), year: f.year, flow: f.flow })),
    baseline: scenario ? { total: fan(baseline, 'total'), costPerYear: yearSpend(baseline, costOptions) } : null,
    comparison: scenario
      ? compare(baseline, main, costOptions).map((c) => ({
          measure: c.measure, when: c.when, baseline: plain(c.baseline), scenario: plain(c.scenario), difference: plain(c.difference),
        }))
      : null,
    quality: qualitySummary(model).map((q) => ({ issue: q.issue, children: q.children, example: q.example ?? '' })),
  };
}

function resolveScenario(value: AuthorityForecastOptions['scenario']): Scenario | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const named = namedScenario(value);
    if (!named) throw new ForecastRequestError(`scenario ${JSON.stringify(value)} is not a named scenario: use one of ${NAMED_SCENARIOS.map((s) => s.name).join(', ')}, or a scenario object`, 400);
    return named;
  }
  try {
    return parseScenario(value);
  } catch (error) {
    if (error instanceof ScenarioError) throw new ForecastRequestError(error.message, 400);
    throw error;
  }
}

/** The legal-status model can follow changes to entries only; placement moves and homes do not change legal status. */
function entryChangesOnly(scenario: Scenario | undefined): Scenario | undefined {
  if (!scenario) return undefined;
  const changes = scenario.changes.filter((c) => c.kind === 'entry_growth' || (c.kind === 'entries' && !c.categories));
  return changes.length ? { ...scenario, changes } : undefined;
}

function whole(value: number, name: string, min: number, max: number): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) throw new ForecastRequestError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`, 400);
  return value;
}

function plain(d: Distribution): Quantiles {
  return { mean: d.mean, p025: d.p025, p10: d.p10, p25: d.p25, p50: d.p50, p75: d.p75, p90: d.p90, p975: d.p975 };
}

function fan(projection: Projection, name: string): FanPoint[] {
  return projection.time.reportDates.map((date, k) => ({ date, ...plain(distribution(seriesValues(projection, name, k))) }));
}

function series(projection: Projection): NamedSeries[] {
  return projection.model.categories.map((name) => ({ name, points: fan(projection, name) }));
}

function weeklySpend(projection: Projection, costOptions: CostOptions): FanPoint[] {
  const byInterval = spendByInterval(projection, costOptions);
  const { reportDays, reportDates } = projection.time;
  const n = reportDays.length - 1;
  const runs = projection.outputs.runs;
  return reportDates.slice(0, n).map((date, k) => {
    const weeks = (reportDays[k + 1]! - reportDays[k]!) / 7;
    return { date, ...plain(distribution(Float64Array.from({ length: runs }, (_, r) => byInterval[r * n + k]! / weeks))) };
  });
}

function yearSpend(projection: Projection, costOptions: CostOptions): YearSpend[] {
  const labels = yearLabels(projection);
  return spend(projection, costOptions).map((row, y) => ({ ...plain(row), year: labels[y]! }));
}
