import ExcelJS from 'exceljs';
import { unescapeSpreadsheetText } from '../../export/common/spreadsheet-safe.js';
import { parseCsv } from '../common/csv.js';
import { decodeText } from '../common/decode.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { InputFile } from '../common/types.js';
import { recogniseList, type AnnexAColumn, type AnnexAList } from './lists.js';

/** One Annex A list as found in a file: a CSV file, or one sheet of a workbook. */
export interface ListTable {
  fileIndex: number;
  /** File name, with the sheet for workbooks ("annex_a.xlsx [List 3]"), as problems quote it. */
  file: string;
  list: AnnexAList;
  columns: (AnnexAColumn | null)[];
  rows: { line: number; cells: string[] }[];
}

/** How far down a sheet to look for the header row (templates put titles above it). */
const HEADER_SEARCH_ROWS = 10;

/** Is this CSV header row an Annex A list? (detect.ts) */
export function isAnnexAHeader(header: readonly string[]): boolean {
  return recogniseList(header) !== null;
}

export function readAnnexACsv(file: InputFile, fileIndex: number, issues: ImportIssue[]): ListTable | null {
  const decoded = decodeText(file.data, file.name);
  issues.push(...decoded.issues);
  if (decoded.text === null) return null;
  const parsed = parseCsv(decoded.text, file.name);
  issues.push(...parsed.issues);
  if (!parsed.table) return null;
  const found = recogniseList(parsed.table.header);
  if (!found) {
    issues.push(issue('error', file.name, 1, '', parsed.table.header.join(',').slice(0, 200), 'header', 'The header row is not one of the Annex A lists', 'the headers of an Annex A list (formats-annex-a.md)'));
    return null;
  }
  warnUnknown(file.name, 1, parsed.table.header, found.columns, issues);
  return { fileIndex, file: file.name, list: found.list, columns: found.columns, rows: parsed.table.rows };
}

/**
 * Reads an Annex A workbook, recognising each sheet by its header row, whatever the sheet is
 * called. Sheets that are not a list (a cover sheet, notes) are skipped with a notice.
 * Not streamed: exceljs's streaming reader loses the text of cells in workbooks that store the
 * shared strings after the sheets (exceljs's own, and others), reading them blank. The file is
 * in memory already; the lists are at most tens of thousands of rows.
 */
export async function readAnnexAWorkbook(file: InputFile, fileIndex: number, issues: ImportIssue[]): Promise<ListTable[]> {
  const tables: ListTable[] = [];
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
  } catch (error) {
    issues.push(issue('error', file.name, 0, '', '', 'xlsx', `The workbook cannot be read: ${(error as Error).message}`, 'an .xlsx workbook saved by Excel or LibreOffice'));
    return [];
  }
  workbook.eachSheet((sheet) => {
    const label = `${file.name} [${sheet.name}]`;
    let table: ListTable | null = null;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells = rowCells(row);
      if (!table) {
        if (row.number > HEADER_SEARCH_ROWS) return;
        const found = cells.some((c) => c !== '') ? recogniseList(cells) : null;
        if (found) {
          warnUnknown(label, row.number, cells, found.columns, issues);
          table = { fileIndex, file: label, list: found.list, columns: found.columns, rows: [] };
        }
        return;
      }
      if (cells.every((c) => c === '')) return;
      (table as ListTable).rows.push({ line: row.number, cells });
    });
    if (table) tables.push(table);
    else issues.push(issue('notice', label, 0, '', '', 'sheet', 'This sheet has no Annex A header row in its first rows; it was skipped', 'the headers of an Annex A list'));
  });
  if (!tables.length) issues.push(issue('error', file.name, 0, '', '', 'header', 'No sheet of the workbook is an Annex A list', 'sheets with the headers of Annex A lists 1 to 11'));
  return tables;
}

function warnUnknown(file: string, line: number, header: readonly string[], columns: readonly (AnnexAColumn | null)[], issues: ImportIssue[]): void {
  header.forEach((h, i) => {
    if (!columns[i] && h.trim() !== '') issues.push(issue('warning', file, line, h, h, 'header', `Column "${h}" is not part of this list; it was ignored`, ''));
  });
  const seen = new Set<AnnexAColumn>();
  columns.forEach((c, i) => {
    if (!c) return;
    if (seen.has(c)) issues.push(issue('error', file, line, header[i]!, header[i], 'header', `Column ${c.header} appears twice`, 'each column once'));
    seen.add(c);
  });
}

/** A row's cells as text: dates as yyyy-mm-dd, numbers as written, formulas by their result. */
function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  return out;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return unescapeSpreadsheetText(value.trim());
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return String(v.text).trim();
    if (v.error) return String(v.error);
  }
  return String(value as string).trim();
}
