/**
 * The XLSX annex: a contents sheet (title, authority, year, audience, notes) and one sheet per
 * table with its title, source and date. Numbers stay numbers; DfE symbols are text; any text
 * a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
import ExcelJS from 'exceljs';
import { displayed } from '../narrative/format.js';
import type { Cell, DocTable, ReportDocument } from '../model.js';
import { spreadsheetSafeText } from '../../export/common/spreadsheet-safe.js';

/** Text made safe for spreadsheets (formula injection). */
export const safeText = spreadsheetSafeText;

function cellValue(c: Cell): string | number | null {
  if (c.figure) {
    const v = displayed(c.figure);
    if (v === null) return c.figure.symbol ?? 'x';
    return c.figure.unit === 'percent' ? v / 100 : v;
  }
  return c.text === undefined ? null : safeText(c.text);
}

function numberFormat(c: Cell): string | undefined {
  const f = c.figure;
  if (!f || displayed(f) === null) return undefined;
  const dp = f.dp ?? (f.unit === 'rate' || f.unit === 'ratio' ? 1 : 0);
  const decimals = dp > 0 ? `.${'0'.repeat(dp)}` : '';
  if (f.unit === 'percent') return `0${decimals}%`;
  if (f.unit === 'gbp') return `"£"#,##0${decimals}`;
  return `#,##0${decimals}`;
}

function sheetName(t: DocTable, n: number, used: Set<string>): string {
  const base = `${n} ${t.title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

export function tablesOf(doc: ReportDocument): DocTable[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CSC Workbench';
  wb.created = new Date(`${doc.generatedOn}T00:00:00Z`);
  const contents = wb.addWorksheet('Contents');
  contents.columns = [{ width: 8 }, { width: 90 }];
  contents.addRow([safeText(`${doc.title} ${doc.yearLabel}`)]).font = { bold: true, size: 14 };
  contents.addRow([safeText(doc.synthetic ? `Synthetic data modelled on ${doc.authority.name}` : doc.authority.name)]);
  contents.addRow([safeText(doc.suppressed ? `Public: small numbers suppressed (1 to ${doc.threshold} shown as c)` : 'Internal: unsuppressed')]);
  if (doc.banner) contents.addRow([safeText(doc.banner)]).font = { bold: true, color: { argb: 'FFB00020' } };
  contents.addRow([]);
  const tables = tablesOf(doc);
  const used = new Set<string>(['contents']);
  tables.forEach((t, i) => {
    const name = sheetName(t, i + 1, used);
    contents.addRow([i + 1, safeText(`${t.title} (sheet "${name}")`)]);
    const ws = wb.addWorksheet(name);
    ws.addRow([safeText(`Table ${i + 1}: ${t.title}`)]).font = { bold: true };
    ws.addRow([safeText(`Source: ${t.source}`)]);
    ws.addRow([safeText(`Dated: ${t.dated}`)]);
    for (const note of t.notes) ws.addRow([safeText(note)]);
    ws.addRow([]);
    const header = ws.addRow([safeText(t.rowHeader), ...t.columns.map(safeText)]);
    header.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const r of t.rows) {
      const row = ws.addRow([safeText(r.header), ...r.cells.map(cellValue)]);
      r.cells.forEach((c, ci) => {
        const fmt = numberFormat(c);
        const cell = row.getCell(ci + 2);
        if (fmt) cell.numFmt = fmt;
        cell.alignment = { horizontal: 'right' };
      });
      if (r.total) row.font = { bold: true };
    }
    ws.getColumn(1).width = 48;
    for (let c = 2; c <= t.columns.length + 1; c++) ws.getColumn(c).width = 14;
  });
  contents.addRow([]);
  contents.addRow(['Notes']).font = { bold: true };
  for (const n of doc.notes) contents.addRow(['', safeText(n)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
