import type { Migration } from 'kysely/migration';
import * as canonicalModel from './0001-canonical-model.js';
import * as workloadStandards from './0004-workload-standards.js';
import * as serverAccess from './0006-server-access.js';
import * as metricsIndexes from './0007-metrics-indexes.js';
import * as metricsSpeed from './0009-metrics-speed.js';
import * as reportingYearStatistics from './0010-reporting-year-statistics.js';
import * as openIntervalIndexes from './0011-open-interval-indexes.js';
import * as reportingYearExpression from './0012-reporting-year-expression.js';
import * as metricUnitTables from './0013-metric-unit-tables.js';
import * as cpPlanPreviousPlans from './0014-cp-plan-previous-plans.js';

/**
 * Every migration, in order. Names sort lexically; never edit one that has shipped: add a new one.
 * Listed statically (not read from disk) so the same code runs from source, tests and bundles.
 */
export const migrations: Record<string, Migration> = {
  '0001-canonical-model': canonicalModel,
  '0004-workload-standards': workloadStandards,
  '0006-server-access': serverAccess,
  '0007-metrics-indexes': metricsIndexes,
  '0009-metrics-speed': metricsSpeed,
  '0010-reporting-year-statistics': reportingYearStatistics,
  '0011-open-interval-indexes': openIntervalIndexes,
  '0012-reporting-year-expression': reportingYearExpression,
  '0013-metric-unit-tables': metricUnitTables,
  '0014-cp-plan-previous-plans': cpPlanPreviousPlans,
};
