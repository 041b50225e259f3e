import { parseCsv, type CsvTable } from '../common/csv.js';
import { decodeText } from '../common/decode.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { InputFile } from '../common/types.js';
import { recogniseHeader, SSDA903_TABLES, type Ssda903Table } from './tables.js';

/** A CSV file recognised as one SSDA903 table, rows keyed by the standard column names. */
export interface Ssda903File {
  fileIndex: number;
  file: InputFile;
  table: Ssda903Table;
  rows: { line: number; values: Record<string, string> }[];
}

/** Decode, parse and recognise one CSV file; a file that is not a 903 table says why. */
export function readSsda903Csv(file: InputFile, fileIndex: number): { file: Ssda903File | null; issues: ImportIssue[] } {
  const decoded = decodeText(file.data, file.name);
  if (decoded.text === null) return { file: null, issues: decoded.issues };
  const parsed = parseCsv(decoded.text, file.name);
  const issues = [...decoded.issues, ...parsed.issues];
  if (!parsed.table) return { file: null, issues };
  const table = recogniseTable(parsed.table, file.name, issues);
  if (!table) return { file: null, issues };
  return { file: { fileIndex, file, table, rows: rowsOf(parsed.table, file.name, issues) }, issues };
}

export function recogniseTable(csv: CsvTable, name: string, issues: ImportIssue[]): Ssda903Table | null {
  const match = recogniseHeader(csv.header);
  if (match.table) return match.table;
  const c = match.closest;
  const detail = c ? ` The closest is ${c.table}: ${[c.missing.length ? `missing ${c.missing.join(', ')}` : '', c.extra.length ? `unexpected ${c.extra.join(', ')}` : ''].filter(Boolean).join('; ')}.` : '';
  issues.push(
    issue('error', name, 1, '', csv.header.join(',').slice(0, 200), 'header', `The header row does not match any SSDA903 table.${detail}`, c ? SSDA903_TABLES[c.table].join(',') : 'an SSDA903 table header'),
  );
  return null;
}

function rowsOf(csv: CsvTable, name: string, issues: ImportIssue[]): Ssda903File['rows'] {
  const columns = csv.header.map((h) => h.trim().toUpperCase());
  const rows: Ssda903File['rows'] = [];
  for (const row of csv.rows) {
    if (row.cells.length !== columns.length) {
      issues.push(issue('error', name, row.line, '', row.cells.join(',').slice(0, 80), 'columns', `The row has ${row.cells.length} values but the header has ${columns.length} columns`, `${columns.length} values`));
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => (values[c] = row.cells[i]!));
    rows.push({ line: row.line, values });
  }
  return rows;
}
