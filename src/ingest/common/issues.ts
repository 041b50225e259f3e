import { spreadsheetSafeText } from '../../export/common/spreadsheet-safe.js';
/**
 * Problems found while importing, in terms a person can act on: which file, which line of it,
 * which column, the value found and what was expected. Every problem is collected; none stops
 * the reading early, so one report lists them all.
 */
export type IssueSeverity = 'error' | 'warning' | 'notice';

export interface ImportIssue {
  severity: IssueSeverity;
  file: string;
  /** 1-based line in the file (0 when the problem concerns the whole file). */
  line: number;
  column: string;
  value: string;
  /** Short rule id, e.g. 'date', 'code-list', 'header', 'duplicate'. */
  rule: string;
  message: string;
  expected: string;
}

export function issue(
  severity: IssueSeverity,
  file: string,
  line: number,
  column: string,
  value: unknown,
  rule: string,
  message: string,
  expected = '',
): ImportIssue {
  return { severity, file, line, column, value: clip(value), rule, message, expected };
}

/** Values are quoted in reports; very long ones (hostile 10k-character fields) are clipped. */
function clip(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const REPORT_COLUMNS = ['severity', 'file', 'line', 'column', 'value', 'rule', 'message', 'expected'] as const;

/** The error report as CSV (values escaped against formula injection), for `--errors report.csv`. */
export function issuesToCsv(issues: readonly ImportIssue[]): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const i of issues) lines.push(REPORT_COLUMNS.map((c) => csvCell(String(i[c]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

function csvCell(text: string): string {
  const safe = spreadsheetSafeText(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per issue, for the terminal. */
export function formatIssue(i: ImportIssue): string {
  const where = [i.file, i.line ? `line ${i.line}` : '', i.column].filter(Boolean).join(', ');
  const value = i.value ? ` (found ${JSON.stringify(i.value)})` : '';
  const expected = i.expected ? `; expected ${i.expected}` : '';
  return `${i.severity}: ${where}: ${i.message}${value}${expected}`;
}
