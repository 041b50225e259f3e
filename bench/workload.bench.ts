/**
 * Workload benchmarks, on PGlite and (when reachable) PostgreSQL:
 *   A. caseloads + capacity plan for many authorities at one date (default 152, England's count)
 *   B. 120 month-end snapshots (10 years) for one authority: target under 1 s on PGlite
 *   npx tsx bench/workload.bench.ts [--authorities 152] [--children 2500] [--runs 3] [--pg postgresql://...|none] [--only series]
 * Data are crafted here (seeded, not calibrated): teams, workers, children with a referral and
 * often a CIN plan, CP plan or care period, allocations with changes of worker and gaps.
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, migrateToLatest, copyRows, type Database, type CscDatabase } from '../src/db/index.js';
import { caseloadSeries, capacityPlanAt } from '../src/workload/index.js';
import { argValue, machine, median, peakRssMiB, timed } from './support.js';

const authorities = Number(argValue('authorities', '152'));
const childrenPerLa = Number(argValue('children', '2500'));
const runs = Number(argValue('runs', '3'));
const only = argValue('only', 'all');
const pgUrl = argValue('pg', process.env.CSC_TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres');
const SNAPSHOT = '2024-09-30';
const SERIES = { from: '2014-10-01', to: '2024-09-30' };

let seed = 12345;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

type Rows = Record<string, Record<string, unknown>[]>;

/** One crafted authority: `children` children whose cases open evenly between `from` and `to`. */
function craft(la: string, children: number, from: string, to: string): Rows {
  const rows: Rows = { team: [], worker: [], child: [], referral: [], cin_plan: [], cp_plan: [], care_period: [], allocation: [] };
  const fieldTeams = ['FS1', 'FS2', 'FS3', 'FS4', 'FD1', 'CIN1'];
  const types: Record<string, string> = { FS1: 'family_support_cp', FS2: 'family_support_cp', FS3: 'family_support_cp', FS4: 'family_support_cp', FD1: 'front_door', CIN1: 'cin', LAC: 'looked_after', IRO: 'iro_safeguarding' };
  for (const id of Object.keys(types)) rows.team!.push({ la_code: la, team_id: id, name: `Team ${id}`, team_type: types[id], service: id === 'LAC' ? 'Children in care' : 'Safeguarding', locality: null });
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  // Workers turn over every ~3 years; enough in post for ~17 children each.
  const workersByTeam = new Map<string, { id: string; start: number; end: number | null }[]>();
  const perTeam = Math.max(3, Math.round(children / 60 / 8 / 17 * 30));
  let w = 0;
  for (const team of Object.keys(types)) {
    const list: { id: string; start: number; end: number | null }[] = [];
    for (let slot = 0; slot < perTeam; slot++) {
      const role = team === 'IRO' ? 'iro' : slot === 0 ? 'team_manager' : null;
      for (let t = start - 365 * DAY; t < start + span; ) {
        const length = (400 + random() * 1500) * DAY;
        const end = t + length >= start + span ? null : t + length;
        const id = `W${++w}`;
        if (role !== 'team_manager') list.push({ id, start: t, end });
        rows.worker!.push({
          la_code: la, worker_id: id, team_id: team, role: role ?? pick(['social_worker', 'social_worker', 'social_worker', 'asye', 'senior_practitioner']),
          fte: pick([1, 1, 1, 0.8, 0.6]), contract: random() < 0.15 ? 'agency' : 'permanent', start_date: iso(t), end_date: end === null ? null : iso(end),
        });
        t = end ?? Number.POSITIVE_INFINITY;
      }
    }
    workersByTeam.set(team, list);
  }
  let a = 0;
  const allocate = (child: string, team: string, from: number, to: number | null, role = 'allocated_worker') => {
    for (let t = from; to === null || t < to; ) {
      const inPost = workersByTeam.get(team)!.filter((x) => x.start <= t && (x.end === null || x.end > t));
      if (inPost.length === 0) return;
      const worker = pick(inPost);
      const end = [to, worker.end].reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.min(m, v)), null);
      rows.allocation!.push({ la_code: la, allocation_id: `A${++a}`, child_id: child, worker_id: worker.id, allocation_role: role, start_date: iso(t), end_date: end === null ? null : iso(end) });
      if (end === null) return;
      t = end + Math.floor(random() * 20) * DAY; // a gap before the next worker picks the case up
    }
  };
  for (let i = 0; i < children; i++) {
    const child = `C${i}`;
    const opened = start + Math.floor(random() * span / DAY) * DAY;
    const days = Math.floor(30 + random() * random() * 900);
    const closed = opened + days * DAY >= start + span ? null : opened + days * DAY;
    rows.child!.push({ la_code: la, child_id: child, date_of_birth: '2012-01-01', sex: 'M', ethnicity: 'WBRI' });
    rows.referral!.push({ la_code: la, referral_id: `R${i}`, child_id: child, referral_date: iso(opened), source: '1A', closure_date: closed === null ? null : iso(closed), closure_reason: closed === null ? null : 'RC1' });
    const kind = random();
    const plan = { la_code: la, child_id: child, referral_id: `R${i}`, start_date: iso(opened + 30 * DAY), end_date: closed === null || closed <= opened + 31 * DAY ? null : iso(closed) };
    let team = pick(fieldTeams);
    if (kind < 0.3) rows.cin_plan!.push({ ...plan, cin_plan_id: `N${i}` });
    else if (kind < 0.45) rows.cp_plan!.push({ ...plan, cp_plan_id: `P${i}`, initial_category: 'NEG', latest_category: 'NEG' });
    else if (kind < 0.6) {
      rows.care_period!.push({ la_code: la, period_id: `L${i}`, child_id: child, referral_id: `R${i}`, start_date: plan.start_date, end_date: plan.end_date });
      team = 'LAC';
    }
    if (random() < 0.95) allocate(child, team, opened + Math.floor(random() * 10) * DAY, closed);
    if (kind >= 0.3 && kind < 0.6) allocate(child, 'IRO', opened + 30 * DAY, closed, 'iro');
  }
  return rows;
}

const TABLES = ['team', 'worker', 'child', 'referral', 'cin_plan', 'cp_plan', 'care_period', 'allocation'] as const;

async function load(db: Kysely<Database>, la: string, rows: Rows): Promise<number> {
  let n = 0;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('local_authority').values({ la_code: la, name: `Bench ${la}`, region_code: null, region_name: null }).execute();
    for (const table of TABLES) n += await copyRows(trx, table, rows[table]!);
  });
  return n;
}

async function pgHandle(): Promise<CscDatabase | null> {
  if (pgUrl === 'none') return null;
  const admin = new pg.Client({ connectionString: pgUrl });
  try {
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS csc_bench_workload WITH (FORCE)');
    await admin.query('CREATE DATABASE csc_bench_workload');
  } catch (error) {
    console.log(`PostgreSQL not reachable (${(error as Error).message}): PGlite only.`);
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(pgUrl);
  url.pathname = '/csc_bench_workload';
  return openDatabase({ url: url.toString(), poolSize: 2 });
}

async function benchOn(kind: string, handle: CscDatabase): Promise<void> {
  seed = 12345; // the same crafted data on each database
  await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  // B: one authority, ten years of history.
  const seriesLa = '931';
  const tenYears = craft(seriesLa, childrenPerLa * 8, SERIES.from, SERIES.to);
  const loaded = await load(handle.db, seriesLa, tenYears);
  const seriesTimes: number[] = [];
  const cpuTimes: number[] = [];
  let points = 0;
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const { seconds, result } = await timed(() => caseloadSeries(handle.db, seriesLa, SERIES.from, SERIES.to));
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1e6);
    seriesTimes.push(seconds);
    points = result.length;
  }
  // CPU time of this process (PGlite runs in it) shows the cost apart from other load on the machine.
  console.log(`[${kind}] B. ${points} month-end snapshots for one authority (${tenYears.allocation!.length} allocations, ${tenYears.child!.length} children, ${loaded} rows): median ${median(seriesTimes).toFixed(3)} s wall, ${median(cpuTimes).toFixed(3)} s CPU in this process (runs: ${seriesTimes.map((s) => s.toFixed(3)).join(', ')})`);
  if (only === 'series') return;

  // A: many authorities, one date.
  let rows = 0;
  const codes = Array.from({ length: authorities }, (_, i) => String(100 + i));
  const loadStart = process.hrtime.bigint();
  for (const la of codes) rows += await load(handle.db, la, craft(la, childrenPerLa, '2023-04-01', SNAPSHOT));
  console.log(`[${kind}] loaded ${authorities} authorities, ${rows} rows in ${(Number(process.hrtime.bigint() - loadStart) / 1e9).toFixed(1)} s`);
  const allTimes: number[] = [];
  let posts = 0;
  for (let r = 0; r < runs; r++) {
    const { seconds, result } = await timed(async () => {
      let total = 0;
      for (const la of codes) total += (await capacityPlanAt(handle.db, la, SNAPSHOT)).plan.totalPosts;
      return total;
    });
    allTimes.push(seconds);
    posts = result;
  }
  console.log(`[${kind}] A. caseloads + capacity plan for ${authorities} authorities on ${SNAPSHOT}: median ${median(allTimes).toFixed(2)} s, ${(median(allTimes) / authorities * 1000).toFixed(0)} ms an authority (${posts} posts proposed in all)`);
}

console.log(`Machine: ${machine()}`);
console.log(`Data: ${authorities} authorities × ${childrenPerLa} children (1.5 years); one authority × ${childrenPerLa * 8} children over 10 years; ${runs} runs`);
const lite = await openDatabase({ dataDir: 'memory://' });
try {
  await benchOn('pglite', lite);
} finally {
  await lite.close();
}
const server = await pgHandle();
if (server) {
  try {
    await benchOn('postgres', server);
  } finally {
    await server.close();
  }
}
console.log(`Peak RSS ${peakRssMiB().toFixed(0)} MiB`);
