/**
 * Workload: caseload standards, caseloads at a date, capacity plans, posts for projected demand,
 * and their exports. Pure functions over plain data, plus thin database entry points. See README.md.
 */
export * from './standards/types.js';
export { PRESETS, presetNamed, CSC_DEFAULT, LEICESTERSHIRE_2017, OXFORDSHIRE_2014, CIPFA_STANDARD, DEFAULT_CASE_WEIGHTS } from './standards/presets.js';
export { DEFAULT_UNIT_COSTS, permanentCost, agencyCost, unitCostFor } from './standards/unit-costs.js';
export { standardFor, type ResolvedStandard } from './standards/resolve.js';
export { PARAMETERS, parameterNamed, type ParameterDefinition } from './standards/parameters.js';
export type { TeamRecord, WorkerRecord, AllocationRecord, CaseInterval, WorkloadData } from './records.js';
export { snapshotOn, snapshotsOn, type CaseloadSnapshot, type WorkerCases, type UnallocatedCase, type OpenChildren } from './snapshot.js';
export { summariseCaseloads, workerCaseload, weightedLoad, type CaseloadSummary, type WorkerCaseload, type GroupCaseload, type CaseloadStatus } from './summarise.js';
export { capacityPlan, agencyReplacement, roundUpPosts, type CapacityPlan, type PlanLine, type AgencyReplacement } from './plan.js';
export { postsForDemand, type ProjectedDemand, type PostsForDemand } from './demand.js';
export { monthEnds, seriesPoint, type SeriesPoint } from './series.js';
export { loadWorkloadData } from './load.js';
export { setCaseloadStandard, setParameter, setUnitCost, loadStandards, loadUnitCosts, overrideHistory, type OverrideHistory } from './store.js';
export { caseloadsAt, caseloadSummaryAt, caseloadSeries, capacityPlanAt, type PlanAt } from './api.js';
export { toCsv, writeXlsx, safeCell, type Sheet } from './export.js';
