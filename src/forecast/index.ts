/**
 * Forecasting: children looked after, CP and CIN demand, placement spend and posts, with
 * honest uncertainty (Monte Carlo over the process and the rate estimates), scenarios in
 * people's units and rolling-origin backtests. Pure functions over plain rows; db.ts is the
 * only part that touches the database. See README.md and docs/forecasting.md.
 */
export {
  DEFAULT_AGE_BANDS, DEFAULT_PLACEMENT_CATEGORIES, CARE_EXIT_REASONS, AGED_OUT, DEFAULT_PRIOR,
  defaultPlacementCategoryOf, careExitReasonOf, type AgeBand, type PriorOptions,
} from './config.js';
export type { EpisodeRow, ChildRow, PlanRow, Stay, QualityNote, ModelOptions, ForecastModel, StockChild } from './types.js';
export { buildCareStays, buildPlanStays, type StayBuild } from './stays.js';
export { estimateDrift, DEFAULT_DRIFT, type Drift } from './drift.js';
export { fitModel, fitPlanModel, fitFromStays, prepareCare, stockOn, posteriorMeanRates, maximumLikelihoodRates } from './fit.js';
export { project, meanChildDays, type ProjectOptions, type Projection } from './project.js';
export { timeline, compileScenario, type CompiledScenario, type Timeline } from './compile.js';
export { runMonteCarlo, closeForecastWorkers, type MonteCarloOptions } from './parallel.js';
export { simulateRuns } from './simulate.js';
export type { SimulationPlan, RunOutputs } from './plan.js';
export { parseScenario, scenarioSchema, ScenarioError, type Scenario, type ScenarioChange, type ScenarioInput } from './scenario.js';
export { NAMED_SCENARIOS, namedScenario } from './scenarios.js';
export {
  DEFAULT_WEEKLY_COSTS, DEFAULT_INFLATION, costsFromRows, categoryCosts, spendByRun, spendByInterval, yearLabels,
  type WeeklyCost, type PlacementCostRow, type CostOptions, type CategoryCost,
} from './costs.js';
export {
  INTERVALS, quantile, distribution, fanChart, flows, spend, compare, seriesNames, seriesValues,
  type Distribution, type FanRow, type FlowRow, type SpendRow, type ComparisonRow,
} from './summary.js';
export { backtest, type BacktestOptions, type BacktestResult, type BacktestRow, type BacktestSummaryRow } from './backtest.js';
export { postsNeeded, type PostsRow, type DemandProjections } from './posts.js';
export { runForecast, rateTable, yearEnds, type ForecastInput, type ForecastRunOptions, type ForecastReport } from './report.js';
export { toCsv, toXlsx, toJson, flatten, type Table } from './export.js';
export { fanChartSvg } from './fan-svg.js';
export { demoTruth, simulateHistory, type TrueRates, type HistoryOptions } from './simulate-history.js';
export { forecastAuthority, ForecastRequestError } from './authority.js';
export type {
  AuthorityForecast, AuthorityForecastOptions, ForecastProgress, Quantiles, FanPoint, NamedSeries, YearSpend, PostsPoint, FlowPoint, ComparisonPoint,
} from './authority-types.js';
export { LEGAL_STATUS_GROUPS, legalStatusGroupOf } from './legal-status.js';
export { loadCareRows, loadPlanRows, loadPlacementCosts, lastCareDate, type CareRows } from './db.js';
