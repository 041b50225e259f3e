import { CompiledQuery, type Kysely } from 'kysely';
import { toCsv } from './copy.js';
import type { Database, TableName } from './schema.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Loads many rows with COPY (one statement a chunk) on PGlite and PostgreSQL alike.
 * Run it inside a transaction for all-or-nothing loads. Rows are not validated here:
 * callers validate with src/model first, so that errors can name the file, row and rule.
 */
export async function copyRows<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
  options: { columns?: readonly string[]; chunkSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = options.columns ?? Object.keys(rows[0]!);
  for (const name of [table as string, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not a valid column or table name: ${JSON.stringify(name)}`);
  }
  const chunkSize = options.chunkSize ?? 50_000;
  const statement = `COPY ${table as string} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  let done = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await db.executeQuery(CompiledQuery.raw(statement, [toCsv(chunk, columns)]));
    done += chunk.length;
    options.onProgress?.(done);
  }
  return done;
}
