import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { isCopyFromStdin } from './copy.js';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Same value shapes as the embedded database: dates as 'YYYY-MM-DD', int8 and numeric as numbers. */
export const typeParsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: (value) => value,
  [INT8_OID]: (value) => Number(value),
  [NUMERIC_OID]: (value) => Number(value),
};

/**
 * A pg Pool whose clients also accept `COPY ... FROM STDIN` with the CSV text as the only
 * parameter, so bulk loads go through Kysely (inside its transactions) on both databases.
 */
export function createPostgresPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Our queries are many and mid-sized and run several at a time (the indicator suite runs 4 per
    // authority and 2 authorities at once): parallel workers then rebuild the same hash tables in
    // each worker, and JIT compiles code it barely runs. Without both, the England indicator
    // benchmark took 5.1 s instead of 6.0 s (docs/benchmarks/metrics.md). Set before the pool hands
    // the connection out; a server that refuses (a very old one) keeps its own settings.
    onConnect: async (client) => {
      await client.query('SET jit = off; SET max_parallel_workers_per_gather = 0').catch(() => undefined);
    },
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection can be closed by the server (restart, failover, an administrator): the
  // pool drops it and opens another when needed. Without a listener node-postgres would crash.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL closed an idle connection (${error.message}); it will be replaced when needed.`);
  });
  pool.on('connect', (client) => {
    const plainQuery = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (typeof text === 'string' && isCopyFromStdin(text) && Array.isArray(values)) {
        return copyIn(client, text, String(values[0] ?? ''));
      }
      return plainQuery(...args);
    };
  });
  return pool;
}

function copyIn(client: pg.PoolClient, text: string, csv: string): Promise<{ rows: []; rowCount: number; command: string }> {
  return new Promise((resolve, reject) => {
    const stream = (client as unknown as { query: (q: unknown) => copyStreams.CopyStreamQuery }).query(copyStreams.from(text));
    stream.on('error', reject);
    stream.on('finish', () => resolve({ rows: [], rowCount: Number(stream.rowCount ?? 0), command: 'COPY' }));
    stream.end(csv);
  });
}
