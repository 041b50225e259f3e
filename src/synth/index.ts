/**
 * Synthetic authorities: a calibrated microsimulation of one English local authority's
 * children's social care, producing canonical rows for every table. See README.md.
 */
export { simulateAuthority, type SyntheticAuthority, type SynthOptions } from './authority.js';
export { defaultCalibrationPasses } from './calibrate.js';
export { loadSyntheticAuthority, writeSyntheticRows, refuseIfHoldsChildren, type LoadResult, type WriteOptions } from './load.js';
export { simulateAuthorities, type SimulatedAuthority, type ParallelOptions } from './parallel.js';
export { summarize, countRows, type AuthoritySummary } from './summary.js';
export { exportSyntheticReturns, SYNTH_EXPORT_FORMATS, type ExportedFile } from './export.js';
export { calibrationReport, type CalibrationLine, type CalibrationReport, withinTolerance } from './report.js';
export { CALIBRATED_MEASURES, yearTargets, publishedMeasures, type YearTargets } from './targets.js';
export { Random } from './random.js';
export type { TableRows, Row } from './rows.js';
export { LOAD_ORDER } from './rows.js';
export type { SimWorld } from './model.js';
