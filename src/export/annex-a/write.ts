import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { ANNEX_A_LISTS, type AnnexAColumn } from '../../ingest/annex-a/lists.js';
import { annexAValue } from '../../ingest/annex-a/values.js';
import { writeCsv } from '../../ingest/common/csv.js';
import { isoToDmy } from '../../ingest/common/dates.js';
import { spreadsheetSafe } from '../common/spreadsheet-safe.js';
import { encoder } from '../common/rows.js';
import { buildAnnexA, type ListRows } from './build.js';
import { withFixedZipTimes } from './stable-zip.js';

/** A fixed timestamp for the workbook's properties, so the same data gives the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

function cellText(column: AnnexAColumn, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'date') return isoToDmy(String(value));
  if (column.kind === 'code') return annexAValue(column.list!, String(value));
  return String(value);
}

/** Annex A as eleven CSV files, one per list (`annex_a_<date>_list_01.csv` ...). */
export async function writeAnnexACsv(db: Kysely<Database>, laCode: string, asAt: string): Promise<{ files: Record<string, Uint8Array>; warnings: string[] }> {
  const lists = await buildAnnexA(db, laCode, asAt);
  const files: Record<string, Uint8Array> = {};
  for (const list of ANNEX_A_LISTS) {
    const rows = (lists.get(list.number) ?? []).map((row) => list.columns.map((c) => cellText(c, row[c.key])));
    files[`annex_a_${asAt}_list_${String(list.number).padStart(2, '0')}.csv`] = encoder.encode(writeCsv(list.columns.map((c) => c.header), rows));
  }
  return { files, warnings: adopterWarning(lists) };
}

/** Annex A as one workbook, a sheet per list, dates as real Excel dates (dd/mm/yyyy). */
export async function writeAnnexAXlsx(db: Kysely<Database>, laCode: string, asAt: string): Promise<{ files: Record<string, Uint8Array>; warnings: string[] }> {
  const lists = await buildAnnexA(db, laCode, asAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CSC Workbench';
  workbook.lastModifiedBy = 'CSC Workbench';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  for (const list of ANNEX_A_LISTS) {
    const sheet = workbook.addWorksheet(`${list.sheet} ${list.name}`.slice(0, 31));
    sheet.addRow(list.columns.map((c) => c.header)).font = { bold: true };
    for (const row of lists.get(list.number) ?? []) sheet.addRow(list.columns.map((c) => xlsxCell(c, row[c.key])));
    list.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(40, Math.max(12, c.header.length * 0.6));
      if (c.kind === 'date') column.numFmt = 'dd/mm/yyyy';
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { files: { [`annex_a_${asAt}.xlsx`]: withFixedZipTimes(new Uint8Array(buffer as ArrayBuffer)) }, warnings: adopterWarning(lists) };
}

function xlsxCell(column: AnnexAColumn, value: string | number | null | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (column.kind === 'int') return Number(value);
  return spreadsheetSafe(cellText(column, value)) as string;
}

function adopterWarning(lists: Map<number, ListRows>): string[] {
  return (lists.get(11) ?? []).length
    ? ['List 11: adopters are held as households, so each adopter\'s gender, ethnicity, disability and fostering-for-adoption are written as not known']
    : [];
}
