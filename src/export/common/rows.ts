import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.js';

export type Row = Record<string, unknown>;

/** All of an authority's rows of one table, in key order (exports must be byte-for-byte stable). */
export async function rowsOf(db: Kysely<Database>, table: keyof Database, laCode: string, orderBy: string): Promise<Row[]> {
  const result = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE la_code = ${laCode} ORDER BY ${sql.raw(orderBy)}`.execute(db);
  return result.rows;
}

export function groupBy(rows: readonly Row[], column: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row[column]);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/** Text of a value for a file: '' for null. */
export function str(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function flag01(value: unknown): string {
  return value === null || value === undefined ? '' : value ? '1' : '0';
}

/** A date after the end of the return did not happen yet, as far as that return knows. */
export function asAt(date: unknown, end: string): string | null {
  return typeof date === 'string' && date <= end ? date : null;
}

export function overlaps(start: unknown, end: unknown, from: string, to: string): boolean {
  return typeof start === 'string' && start <= to && (end === null || end === undefined || String(end) >= from);
}

export const encoder = new TextEncoder();
