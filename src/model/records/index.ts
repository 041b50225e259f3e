export { tableRules, type ColumnRule, type TableRules, type ColumnKind } from './rules.js';
export { validateRows, assertValidRows, rowValidator, isIsoDate, RecordValidationError, type RecordIssue } from './validate.js';
