/**
 * Tables out as CSV and XLSX. Text that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) gets a leading apostrophe: team names come from source systems.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../export/common/spreadsheet-safe.js';

export interface Sheet {
  name: string;
  rows: Record<string, unknown>[];
  columns?: string[];
}

/** A cell value made safe for spreadsheets: numbers stay numbers, risky text is prefixed. */
export const safeCell = spreadsheetSafe;

const columnsOf = (sheet: Sheet): string[] => sheet.columns ?? (sheet.rows[0] ? Object.keys(sheet.rows[0]) : []);

export function toCsv(sheet: Sheet): string {
  const columns = columnsOf(sheet);
  return stringify(sheet.rows.map((r) => columns.map((c) => safeCell(r[c]))), { header: true, columns, cast: { boolean: (b) => String(b) } });
}

/** One worksheet per table, header row bold and frozen. */
export async function writeXlsx(sheets: readonly Sheet[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CSC Workbench';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    const columns = columnsOf(sheet);
    ws.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(10, Math.min(40, c.length + 2)) }));
    for (const row of sheet.rows) ws.addRow(Object.fromEntries(columns.map((c) => [c, safeCell(row[c])])));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  await workbook.xlsx.writeFile(path);
}
