/**
 * Imports: SSDA903 (CSV file set), CIN census (XML, streamed), Ofsted Annex A (workbook or CSV
 * lists), workforce list (CSV) into the
 * canonical model. One call loads a whole set of files, all or nothing.
 *
 *   const report = await importFiles(db, { laCode: '931', files: [{ name, data }], dryRun: true });
 */
export { importFiles, type ImportOptions } from './import-files.js';
export type {
  BatchSummary, Difference, ImportFormat, ImportProgress, ImportReport, InputFile, TableCounts,
} from './common/types.js';
export { issuesToCsv, formatIssue, type ImportIssue } from './common/issues.js';
export { ids } from './common/ids.js';
export { parseDate, isoToDmy, collectionPeriod } from './common/dates.js';
export { SSDA903_TABLES } from './ssda903/tables.js';
export { WORKFORCE_COLUMNS } from './workforce/columns.js';
export { ANNEX_A_LISTS, type AnnexAList, type AnnexAColumn } from './annex-a/lists.js';
