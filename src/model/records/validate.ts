import type { TableName } from '../../db/schema.js';
import { tableRules, type ColumnRule, type TableRules } from './rules.js';
import { lookupCodeList, type CodeListLookup } from './code-lookup.js';

/** One problem with one value, in terms a person can act on. */
export interface RecordIssue {
  table: string;
  /** 0-based index of the row in the batch; importers translate it into a file line. */
  row: number;
  column: string;
  value: unknown;
  rule: string;
  message: string;
}

export class RecordValidationError extends Error {
  constructor(readonly issues: RecordIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(first ? `${first.table} row ${first.row + 1}: ${first.message}${more}` : 'Invalid records');
    this.name = 'RecordValidationError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const clipped = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(clipped);
}

type ColumnCheck = (value: unknown) => { rule: string; message: string } | null;

function compileColumn(column: string, rule: ColumnRule, codes: CodeListLookup): ColumnCheck {
  const list = rule.codeList ? codes(rule.codeList) : undefined;
  if (rule.codeList && !list) throw new Error(`Code list ${rule.codeList} (for ${column}) is not defined in src/model/code-lists`);
  return (value) => {
    if (value === null || value === undefined || value === '') {
      return rule.required ? { rule: 'required', message: `${column} is required but is empty` } : null;
    }
    switch (rule.kind) {
      case 'id':
      case 'text':
        if (typeof value !== 'string') return { rule: 'type', message: `${column} must be text, got ${show(value)}` };
        if (rule.maxLength !== undefined && value.length > rule.maxLength) {
          return { rule: 'max-length', message: `${column} is ${value.length} characters long; at most ${rule.maxLength} allowed` };
        }
        // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse in ids
        if (rule.kind === 'id' && /[\u0000-\u001f]/.test(value)) {
          return { rule: 'id-characters', message: `${column} ${show(value)} contains control characters` };
        }
        break;
      case 'date':
        if (!isIsoDate(value)) return { rule: 'date', message: `${column} ${show(value)} is not a real date (expected YYYY-MM-DD)` };
        break;
      case 'boolean':
        if (typeof value !== 'boolean') return { rule: 'type', message: `${column} must be true or false, got ${show(value)}` };
        break;
      case 'integer':
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value) || (rule.kind === 'integer' && !Number.isInteger(value))) {
          return { rule: 'type', message: `${column} must be ${rule.kind === 'integer' ? 'a whole number' : 'a number'}, got ${show(value)}` };
        }
        if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
          return { rule: 'range', message: `${column} ${value} is outside the allowed range ${rule.min ?? '-∞'} to ${rule.max ?? '∞'}` };
        }
        break;
      }
    }
    if (list && !list.isValid(value as string)) {
      return { rule: `code-list:${rule.codeList}`, message: `${column} ${show(value)} is not a valid code: expected ${list.describe()}` };
    }
    return null;
  };
}

export type RowValidator = (row: Record<string, unknown>, index: number, issues: RecordIssue[]) => void;

function compileTable(table: string, rules: TableRules, codes: CodeListLookup): RowValidator {
  const checks = Object.entries(rules.columns).map(([column, rule]) => [column, compileColumn(column, rule, codes)] as const);
  const known = new Set(Object.keys(rules.columns));
  return (row, index, issues) => {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) issues.push({ table, row: index, column: key, value: row[key], rule: 'unknown-column', message: `${key} is not a column of ${table}` });
    }
    for (const [column, check] of checks) {
      const problem = check(row[column]);
      if (problem) issues.push({ table, row: index, column, value: row[column], ...problem });
    }
    for (const order of rules.dateOrder ?? []) {
      const from = row[order.from];
      const to = row[order.to];
      if (!isIsoDate(from) || !isIsoDate(to)) continue;
      if (to < from || (order.strict && to === from)) {
        issues.push({
          table, row: index, column: order.to, value: to, rule: 'date-order',
          message: `${order.to} ${to} is ${to === from ? 'the same day as' : 'before'} ${order.from} ${from}`,
        });
      }
    }
    for (const [a, b] of rules.together ?? []) {
      const hasA = row[a] !== null && row[a] !== undefined && row[a] !== '';
      const hasB = row[b] !== null && row[b] !== undefined && row[b] !== '';
      if (hasA !== hasB) {
        const [present, missing] = hasA ? [a, b] : [b, a];
        issues.push({ table, row: index, column: missing, value: row[missing] ?? null, rule: 'together', message: `${missing} is required when ${present} is given` });
      }
    }
  };
}

const compiled = new Map<string, RowValidator>();

/** The validator for a table, compiled once (code lists become sets). */
export function rowValidator(table: TableName, codes: CodeListLookup = lookupCodeList): RowValidator {
  const cached = codes === lookupCodeList ? compiled.get(table) : undefined;
  if (cached) return cached;
  const rules = (tableRules as Partial<Record<TableName, TableRules>>)[table];
  if (!rules) throw new Error(`Table ${table} has no record rules in src/model/records; write it with its own module or pass { validate: false }.`);
  const validator = compileTable(table, rules, codes);
  if (codes === lookupCodeList) compiled.set(table, validator);
  return validator;
}

/** Every problem in a batch of rows for one table (empty when all are valid). */
export function validateRows(table: TableName, rows: readonly Record<string, unknown>[]): RecordIssue[] {
  const validate = rowValidator(table);
  const issues: RecordIssue[] = [];
  rows.forEach((row, index) => validate(row, index, issues));
  return issues;
}

/** Throws a RecordValidationError listing every problem, or returns quietly. */
export function assertValidRows(table: TableName, rows: readonly Record<string, unknown>[]): void {
  const issues = validateRows(table, rows);
  if (issues.length) throw new RecordValidationError(issues);
}
