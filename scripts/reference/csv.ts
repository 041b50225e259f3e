/** Reading the DfE CSV files and parsing their cells. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { MARKERS, type Cell, type Marker } from '../../src/reference/schema.js';

export type Row = Record<string, string>;

/** Read a CSV with a header row (BOM stripped, CRLF or LF). */
export function readCsv(sourceDir: string, file: string): Row[] {
  const text = readFileSync(join(sourceDir, file), 'utf8');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: false }) as Row[];
}

/** Read a CSV as raw rows (for files that must be read by position). */
export function readCsvRows(sourceDir: string, file: string): string[][] {
  const text = readFileSync(join(sourceDir, file), 'utf8');
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}

const MARKER_SET: ReadonlySet<string> = new Set(MARKERS);
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const YEARS_MONTHS_RE = /^(\d{1,2}):(\d{2})$/;

export function isMarker(s: string): s is Marker {
  return MARKER_SET.has(s);
}

/**
 * Parse one value cell. Numbers become numbers, DfE symbols stay as markers, empty cells become
 * null. Anything else is an error (so a new symbol in a future release is noticed, not dropped).
 */
export function parseCell(raw: string | undefined, transform?: 'years-months'): Cell {
  if (raw === undefined) throw new Error('missing column');
  const s = raw.trim();
  if (s === '') return null;
  if (isMarker(s)) return s;
  if (transform === 'years-months') {
    const m = YEARS_MONTHS_RE.exec(s);
    if (!m) throw new Error(`not a YY:MM duration: ${JSON.stringify(raw)}`);
    return Number(m[1]) * 12 + Number(m[2]);
  }
  if (NUMBER_RE.test(s)) return Number(s);
  throw new Error(`unrecognised cell value ${JSON.stringify(raw)}`);
}

/** EES `time_period` → year label (end year): "2024" → 2024, "2024-25" → 2025, "202425" → 2025. */
export function parseYear(timePeriod: string): number {
  const s = timePeriod.trim();
  if (/^\d{4}$/.test(s)) return Number(s);
  const fy = /^(\d{4})-?(\d{2})$/.exec(s);
  if (fy) {
    const start = Number(fy[1]);
    if ((start + 1) % 100 !== Number(fy[2])) throw new Error(`bad financial year ${s}`);
    return start + 1;
  }
  throw new Error(`unrecognised time_period ${JSON.stringify(timePeriod)}`);
}

export const ENGLAND = 'E92000001';

/** Normalise a DfE LA code: "314 / 318" → "314/318". */
export function normaliseLaCode(code: string): string {
  return code.replace(/\s*\/\s*/g, '/').trim();
}

/** Area key of an EES row: E92000001, a region code, or the DfE 3-digit LA code. */
export function areaKey(row: Row): string {
  const level = row['geographic_level'];
  switch (level) {
    case 'National':
      return ENGLAND;
    case 'Regional': {
      const code = row['region_code'];
      if (!code) throw new Error('regional row without region_code');
      return code;
    }
    case 'Local authority': {
      const code = row['old_la_code'];
      if (!code) throw new Error(`LA row without old_la_code: ${row['la_name'] ?? ''}`);
      return normaliseLaCode(code);
    }
    default:
      throw new Error(`unknown geographic_level ${String(level)}`);
  }
}
