import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formulaSafe } from './spreadsheet-safe.js';

export type TableFormat = 'csv' | 'xlsx';

export interface TableDownload {
  columns: string[];
  rows: Record<string, unknown>[];
  /** The watermark line: who exported it and when (added as a last row). */
  watermark: string;
}

export interface RenderedTable {
  body: Buffer;
  contentType: string;
  extension: TableFormat;
  sha256: string;
}

/** Renders a list as CSV or XLSX, escaped against formula injection, with a watermark row. */
export async function renderTable(table: TableDownload, format: TableFormat): Promise<RenderedTable> {
  const cells = table.rows.map((row) => table.columns.map((c) => formulaSafe(row[c])));
  let body: Buffer;
  if (format === 'csv') {
    const lines = [table.columns, ...cells, [], [formulaSafe(table.watermark)]];
    body = Buffer.from(stringify(lines), 'utf8');
  } else {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'CSC Workbench';
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of cells) sheet.addRow(row);
    sheet.addRow([]);
    sheet.addRow([formulaSafe(table.watermark)]).font = { italic: true };
    sheet.headerFooter.oddFooter = `&L${table.watermark.replace(/&/g, '&&')}`;
    body = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  return {
    body,
    extension: format,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    sha256: createHash('sha256').update(body).digest('hex'),
  };
}

export function watermarkFor(email: string, at = new Date()): string {
  return `OFFICIAL-SENSITIVE. Exported by ${email} at ${at.toISOString()}. Do not share beyond its purpose.`;
}
