export { spreadsheetSafe as formulaSafe } from '../../export/common/spreadsheet-safe.js';
