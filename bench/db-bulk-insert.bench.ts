/**
 * Bulk insert of SSDA903 episode rows, on PGlite and (when reachable) PostgreSQL.
 *   npx tsx bench/db-bulk-insert.bench.ts [--rows 1000000] [--runs 3] [--pg postgresql://...] [--skip pglite|postgres]
 * Compares COPY (what writeRecords uses) with multi-row INSERT, measured in the same run.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, migrateToLatest, copyRows, writeRecords, type Database, type CscDatabase } from '../src/db/index.js';
import { argValue, machine, median, peakRssMiB, timed } from './support.js';

const rows = Number(argValue('rows', '1000000'));
const runs = Number(argValue('runs', '3'));
const pgUrl = argValue('pg', process.env.CSC_TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres');
const skip = argValue('skip', '');
const EPISODES_PER_CHILD = 5;
const LA = '931';

const places = ['U1', 'U3', 'U4', 'U6', 'R1', 'K2', 'H5', 'P1'];
const legal = ['C1', 'C2', 'V2', 'E1'];

function episodes(count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const child = Math.floor(i / EPISODES_PER_CHILD);
    const n = i % EPISODES_PER_CHILD;
    const start = Date.UTC(2015, 0, 1) + (child % 3000) * 86_400_000 + n * 40 * 86_400_000;
    const end = start + 40 * 86_400_000;
    out[i] = {
      la_code: LA, episode_id: `E${i}`, child_id: `C${child}`, period_id: `P${child}`,
      decom: new Date(start).toISOString().slice(0, 10), rne: n === 0 ? 'S' : 'P', legal_status: legal[child % legal.length],
      cin_category: 'N1', place: places[(child + n) % places.length], place_provider: 'PR1',
      dec: n < EPISODES_PER_CHILD - 1 ? new Date(end).toISOString().slice(0, 10) : null, rec: n < EPISODES_PER_CHILD - 1 ? 'X1' : null,
    };
  }
  return out;
}

async function prepare(db: Kysely<Database>, children: number): Promise<void> {
  await sql`TRUNCATE cla_episode, care_period, child, local_authority CASCADE`.execute(db);
  await db.insertInto('local_authority').values({ la_code: LA, name: 'Bench', region_code: null, region_name: null }).execute();
  const kids = Array.from({ length: children }, (_, i) => ({ la_code: LA, child_id: `C${i}`, date_of_birth: '2010-06-15', sex: 'F', ethnicity: 'WBRI' }));
  await copyRows(db, 'child', kids);
  await copyRows(db, 'care_period', kids.map((k, i) => ({ la_code: LA, period_id: `P${i}`, child_id: k.child_id, start_date: '2015-01-01' })));
}

async function multiRowInsert(db: Kysely<Database>, data: Record<string, unknown>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < data.length; i += 1000) {
      await trx.insertInto('cla_episode').values(data.slice(i, i + 1000) as never).execute();
    }
  });
}

async function measure(handle: CscDatabase): Promise<Record<string, number>> {
  const data = episodes(rows);
  const children = Math.ceil(rows / EPISODES_PER_CHILD);
  const methods: Record<string, (db: Kysely<Database>) => Promise<unknown>> = {
    'writeRecords (validate + COPY)': (db) => db.transaction().execute((trx) => writeRecords(trx, 'cla_episode', data)),
    'COPY only': (db) => db.transaction().execute((trx) => copyRows(trx, 'cla_episode', data)),
    'multi-row INSERT (1000/stmt)': (db) => multiRowInsert(db, data),
  };
  const result: Record<string, number> = {};
  for (const [name, method] of Object.entries(methods)) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      await prepare(handle.db, children);
      const { seconds } = await timed(() => method(handle.db));
      times.push(seconds);
    }
    result[name] = rows / median(times);
    console.log(`  ${handle.kind.padEnd(8)} ${name.padEnd(32)} median ${median(times).toFixed(2)} s  ${Math.round(result[name]!).toLocaleString('en-GB')} rows/s`);
  }
  return result;
}

console.log(`Bulk insert of ${rows.toLocaleString('en-GB')} cla_episode rows, median of ${runs} runs`);
console.log(`Machine: ${machine()}`);
let pgliteRates: Record<string, number> | undefined;
if (skip !== 'pglite') {
  const embedded = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(embedded.db as unknown as Kysely<unknown>);
  pgliteRates = await measure(embedded);
  await embedded.close();
}

let serverRates: Record<string, number> | undefined;
const admin = new pg.Client({ connectionString: pgUrl });
if (skip !== 'postgres') try {
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS csc_bench');
  await admin.query('CREATE DATABASE csc_bench');
  const url = new URL(pgUrl);
  url.pathname = '/csc_bench';
  const server = await openDatabase({ url: url.toString() });
  await migrateToLatest(server.db as unknown as Kysely<unknown>);
  serverRates = await measure(server);
  await server.close();
  await admin.query('DROP DATABASE IF EXISTS csc_bench');
} catch (error) {
  console.log(`PostgreSQL skipped: ${(error as Error).message}`);
} finally {
  await admin.end().catch(() => undefined);
}

const copy = 'COPY only';
const insert = 'multi-row INSERT (1000/stmt)';
const ratios = [
  pgliteRates && `PGlite COPY/INSERT ${(pgliteRates[copy]! / pgliteRates[insert]!).toFixed(1)}×`,
  serverRates && `PostgreSQL COPY/INSERT ${(serverRates[copy]! / serverRates[insert]!).toFixed(1)}×`,
  pgliteRates && serverRates && `PostgreSQL/PGlite COPY ${(serverRates[copy]! / pgliteRates[copy]!).toFixed(1)}×`,
].filter(Boolean);
console.log(`Ratios (same run): ${ratios.join(', ')}`);
console.log(`Peak RSS ${peakRssMiB().toFixed(0)} MiB`);
