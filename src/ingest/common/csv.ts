import { issue, type ImportIssue } from './issues.js';
import { spreadsheetSafeText, unescapeSpreadsheetText } from '../../export/common/spreadsheet-safe.js';

/** One data row of a CSV file with the line it starts on, for error messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * RFC 4180 CSV with line tracking (a quoted field may span lines, so a row's line is where it
 * starts). Blank lines are skipped; cells are trimmed (stray whitespace is common); a leading
 * apostrophe that we added on export to defuse a formula (`'=...`) is removed again.
 */
export function parseCsv(text: string, file: string): { table: CsvTable | null; issues: ImportIssue[] } {
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let quoted = false;
  let quoteStart = 0;
  let wasQuoted = false;
  const endCell = () => {
    cells.push(wasQuoted ? unescapeFormula(cell) : unescapeFormula(cell.trim()));
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: rowStart, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      quoteStart = line;
      cell = '';
    } else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else cell += ch;
  }
  if (quoted) {
    return { table: null, issues: [issue('error', file, quoteStart, '', '', 'csv', 'A quoted value is never closed (missing ")', 'a closing double quote')] };
  }
  if (cell !== '' || cells.length) endRow();
  const [first, ...rest] = records;
  if (!first) return { table: null, issues: [issue('error', file, 0, '', '', 'empty', 'The file is empty', 'a header row and data rows')] };
  return { table: { header: first.cells, rows: rest }, issues: [] };
}

/** Defuse spreadsheet formulas: a cell starting =, +, -, @, tab or CR gets a leading apostrophe. */
export const escapeFormula = spreadsheetSafeText;
const unescapeFormula = unescapeSpreadsheetText;

/** A CSV file, CRLF line endings, quoted only where needed: byte-for-byte stable. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const out = [header.map(csvCell).join(',')];
  for (const row of rows) out.push(row.map(csvCell).join(','));
  return out.join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const text = escapeFormula(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
