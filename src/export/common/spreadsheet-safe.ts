/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula.
 * Prefix such text with an apostrophe so it stays text (OWASP CSV injection guidance). The one
 * definition for every CSV and XLSX the product writes (the web app's browser bundle keeps a
 * copy in web/src/components/csv.ts because it cannot import server code).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet will show as text. */
export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value for CSV/XLSX: numbers and booleans stay as they are, everything else becomes safe text. */
export function spreadsheetSafe(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return spreadsheetSafeText(text);
}

/** Undo spreadsheetSafeText on the way back in, so an exported file re-imports unchanged. */
export function unescapeSpreadsheetText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
