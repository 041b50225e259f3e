import { checkCode, describeAllowed, isValidCode, type CodeList } from '../../model/code-lists/index.js';
import { DATE_EXPECTED, parseDate } from './dates.js';
import { issue, type ImportIssue } from './issues.js';

/**
 * Reads typed values out of one row of a file, recording every problem (file, line, column,
 * value, expected) instead of stopping at the first. Returns null for blank or bad values.
 */
export class FieldReader {
  constructor(
    private readonly file: string,
    private readonly issues: ImportIssue[],
    private readonly year: number | null,
  ) {}

  line = 0;
  private values: Record<string, string> = {};
  private lines: Record<string, number> | undefined;

  /** Move to a row: its line, its values by column, and (XML) the line of each element. */
  at(line: number, values: Record<string, string>, lines?: Record<string, number>): this {
    this.line = line;
    this.values = values;
    this.lines = lines;
    return this;
  }

  private lineOf(column: string): number {
    return this.lines?.[column] ?? this.line;
  }

  raw(column: string): string {
    return this.values[column] ?? '';
  }

  error(column: string, value: unknown, rule: string, message: string, expected = ''): void {
    this.issues.push(issue('error', this.file, this.lineOf(column), column, value, rule, message, expected));
  }

  warn(column: string, value: unknown, rule: string, message: string, expected = ''): void {
    this.issues.push(issue('warning', this.file, this.lineOf(column), column, value, rule, message, expected));
  }

  text(column: string, options: { required?: boolean; max?: number; pattern?: RegExp; patternText?: string } = {}): string | null {
    const value = this.raw(column);
    if (value === '') {
      if (options.required) this.error(column, value, 'required', `${column} is required but is blank`, options.patternText ?? 'a value');
      return null;
    }
    const max = options.max ?? 200;
    if (value.length > max) {
      this.error(column, value, 'max-length', `${column} is ${value.length} characters long`, `at most ${max} characters`);
      return null;
    }
    if (options.pattern && !options.pattern.test(value)) {
      this.error(column, value, 'format', `${column} is not in the expected form`, options.patternText ?? String(options.pattern));
      return null;
    }
    return value;
  }

  date(column: string, options: { required?: boolean } = {}): string | null {
    const value = this.raw(column);
    if (value === '') {
      if (options.required) this.error(column, value, 'required', `${column} is required but is blank`, DATE_EXPECTED);
      return null;
    }
    const parsed = parseDate(value);
    if (!parsed.ok) {
      this.error(column, value, 'date', parsed.message, DATE_EXPECTED);
      return null;
    }
    return parsed.iso;
  }

  /** A code checked against its list for the return's year; lower case is accepted with a warning. */
  code(column: string, list: CodeList, options: { required?: boolean; year?: number | null; alsoYear?: number } = {}): string | null {
    let value = this.raw(column);
    if (value === '') {
      if (options.required) this.error(column, value, 'required', `${column} is required but is blank`, describeAllowed(list, this.yearFor(options)));
      return null;
    }
    const year = this.yearFor(options);
    if (quickCheck(list, value, year)) return value; // fast path: checkCode also builds the message
    let check = checkCode(list, value, year);
    if (!check.ok && check.reason === 'unknown' && value !== value.toUpperCase()) {
      const upper = checkCode(list, value.toUpperCase(), year);
      if (upper.ok) {
        this.warn(column, value, 'case', `${column} "${value}" was read as "${value.toUpperCase()}"`, 'codes in upper case');
        value = value.toUpperCase();
        check = upper;
      }
    }
    if (!check.ok && options.alsoYear !== undefined && checkCode(list, value, options.alsoYear).ok) return value;
    if (!check.ok) {
      this.error(column, value, `code-list:${list.id}`, check.message.replace(/; expected .*$/, ''), describeAllowed(list, year));
      return null;
    }
    return value;
  }

  private yearFor(options: { year?: number | null }): number | undefined {
    const year = options.year === undefined ? this.year : options.year;
    return year ?? undefined;
  }

  /** 0/1 (also true/false, as the CIN census allows). */
  flag(column: string, options: { required?: boolean } = {}): boolean | null {
    const value = this.raw(column);
    if (value === '') {
      if (options.required) this.error(column, value, 'required', `${column} is required but is blank`, '0 or 1');
      return null;
    }
    if (value === '1' || value.toLowerCase() === 'true') return true;
    if (value === '0' || value.toLowerCase() === 'false') return false;
    this.error(column, value, 'flag', `${column} is not a yes/no flag`, '0 or 1');
    return null;
  }

  integer(column: string, min: number, max: number, options: { required?: boolean } = {}): number | null {
    const value = this.raw(column);
    if (value === '') {
      if (options.required) this.error(column, value, 'required', `${column} is required but is blank`, `a whole number from ${min} to ${max}`);
      return null;
    }
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max) {
      this.error(column, value, 'integer', `${column} is not a whole number in range`, `a whole number from ${min} to ${max}`);
      return null;
    }
    return n;
  }

  number(column: string, min: number, max: number, options: { required?: boolean } = {}): number | null {
    const value = this.raw(column);
    if (value === '') {
      if (options.required) this.error(column, value, 'required', `${column} is required but is blank`, `a number from ${min} to ${max}`);
      return null;
    }
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max) {
      this.error(column, value, 'number', `${column} is not a number in range`, `a number from ${min} to ${max}`);
      return null;
    }
    return n;
  }
}

/** isValidCode without its type guard (which would narrow a failed value to never). */
function quickCheck(list: CodeList, code: string, year: number | undefined): boolean {
  return isValidCode(list, code, year);
}
