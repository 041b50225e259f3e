import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { spreadsheetSafeText } from '../export/common/spreadsheet-safe.js';

/**
 * Forecast tables out: CSV, XLSX and JSON. A table is a name plus plain rows; nested
 * distributions are flattened to columns (baseline.p50, ...). Text cells that a spreadsheet
 * would run as a formula are prefixed with an apostrophe.
 */
export interface Table {
  readonly name: string;
  readonly rows: readonly object[];
}

export function flatten(row: object, prefix = ''): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value as object, name));
    else if (Array.isArray(value)) out[name] = value.join('; ');
    else out[name] = value === undefined ? null : (value as string | number | boolean | null);
  }
  return out;
}

function safe(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' ? spreadsheetSafeText(value) : value;
}

function round(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

export function toCsv(table: Table): string {
  const rows = table.rows.map((r) => flatten(r));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify(rows.map((r) => columns.map((c) => safe(round(r[c] ?? null)))), { header: true, columns });
}

export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CSC Workbench forecast';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    const rows = table.rows.map((r) => flatten(r));
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    sheet.addRow(columns).font = { bold: true };
    for (const r of rows) sheet.addRow(columns.map((c) => safe(round(r[c] ?? null))));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, c.length + 2))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toJson(tables: readonly Table[]): string {
  return JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, t.rows])), null, 2);
}
