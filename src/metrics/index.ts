/**
 * Metrics: the indicator catalogue (declared once as data), their computation in SQL for any
 * authority and period, trend tables with England / region / statistical-neighbour comparators,
 * and suppression for publishable outputs. See README.md.
 */
export { INDICATORS, listIndicators, getIndicator } from './catalogue.js';
export { computeIndicators, prepareIndicators, type ComputeOptions, type PrepareOptions } from './engine.js';
export { dropUnusedUnitTables } from './unit-tables.js';
export { computeIndicatorsForAuthorities, type ManyAuthoritiesOptions } from './authorities.js';
export { reportingYear, rolling12Months, customPeriod } from './periods.js';
export { disproportionality, chiSquarePValue1, type GroupDisproportionality } from './disproportionality.js';
export { parseEthnicPopulationCsv, readEthnicPopulationCsv } from './ethnic-population.js';
export { ratioHalfUp, roundHalfUp } from './rounding.js';
export { BREAKDOWNS } from './types.js';
export type {
  IndicatorDefinition, IndicatorResult, BreakdownRow, Breakdown, IndicatorUnit, Polarity, PeriodType, SourceConvention, Aggregate, Period,
} from './types.js';
export { trendTable, percentChange, comparators, type TrendRow, type TrendOptions, type Comparators } from './trend.js';
export { protectTable, secondarySuppression, determinedCells, gridGroups, isSmallCount, type SumGroup, type SumTable, type TableProtection } from './protect-table.js';
export { suppress, SUPPRESSED, DEFAULT_SUPPRESSION, type SuppressionPolicy, type PublishedResult, type PublishedRow, type PublishedCell } from './suppression.js';
export { flattenResults, FLAT_COLUMNS, type FlatRow } from './flatten.js';
