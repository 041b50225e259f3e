/**
 * Load test of the HTTP API on loopback with autocannon: 200 concurrent signed-in users on the
 * dashboard endpoints of a large authority.
 *   npx tsx bench/api.bench.ts [--children 20000] [--connections 200] [--seconds 10] [--runs 3] [--pg postgresql://...]
 * Embedded PGlite by default; --pg runs against a PostgreSQL database (created and dropped).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, migrateToLatest, type CscDatabase, type Database } from '../src/db/index.js';
import { buildServer, createUser, type Role } from '../src/server/index.js';
import { argValue, machine, median } from './support.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const children = Number(argValue('children', '20000'));
const connections = Number(argValue('connections', '200'));
const seconds = Number(argValue('seconds', '10'));
const runs = Number(argValue('runs', '3'));
const pgServer = argValue('pg', '');
/** Run only the scenarios whose name contains this text (e.g. --only dashboard). */
const only = argValue('only', '');
const LA = '330';
const PASSWORD = 'benchmark passphrase 2026';

const iso = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

async function insertChunked(db: Kysely<Database>, table: keyof Database, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
}

/** A large authority: `children` children, 40 teams in 4 services, 400 workers, open CIN, CP and CLA work. */
async function seed(db: Kysely<Database>): Promise<void> {
  await db.insertInto('local_authority').values({ la_code: LA, name: 'Birmingham (bench)', region_name: 'West Midlands' }).execute();
  const services = ['Safeguarding', 'Children in Care', 'Disabled Children', 'Care Leavers'];
  await insertChunked(db, 'team', Array.from({ length: 40 }, (_, t) => ({ la_code: LA, team_id: `T${t}`, name: `Team ${t}`, team_type: 'locality', service: services[t % 4], locality: null, parent_team_id: null, start_date: null, end_date: null, batch_id: null })));
  await insertChunked(db, 'worker', Array.from({ length: 400 }, (_, w) => ({ la_code: LA, worker_id: `W${w}`, role: 'social_worker', team_id: `T${w % 40}`, fte: 1, registration_no: null, start_date: '2018-01-01', end_date: null, batch_id: null })));
  await insertChunked(db, 'child', Array.from({ length: children }, (_, c) => ({ la_code: LA, child_id: `C${c}`, date_of_birth: iso(-(c % 6000)), expected_dob: null, sex: c % 2 ? 'M' : 'F', ethnicity: 'WBRI', uasc_ceased: null, is_mother: null, mother_child_dob: null, death_date: null, household_id: null, batch_id: null })));
  await insertChunked(db, 'referral', Array.from({ length: children }, (_, c) => ({ la_code: LA, referral_id: `R${c}`, child_id: `C${c}`, referral_date: iso(c % 1500), source: '1A', primary_need: 'N1', closure_date: c % 2 ? iso((c % 1500) + 100) : null, closure_reason: c % 2 ? 'RC8' : null, team_id: `T${c % 40}`, worker_id: `W${c % 400}`, batch_id: null })));
  const cp = Array.from({ length: Math.floor(children / 20) }, (_, i) => i * 20);
  await insertChunked(db, 'cp_plan', cp.map((c) => ({ la_code: LA, cp_plan_id: `P${c}`, child_id: `C${c}`, referral_id: `R${c}`, start_date: iso((c % 1500) + 30), end_date: null, initial_category: 'NEG', latest_category: 'NEG', batch_id: null })));
  const cla = Array.from({ length: Math.floor(children / 10) }, (_, i) => i * 10 + 2);
  await insertChunked(db, 'care_period', cla.map((c) => ({ la_code: LA, period_id: `CP${c}`, child_id: `C${c}`, referral_id: null, start_date: iso((c % 1500) + 10), end_date: null, batch_id: null })));
  const open = Array.from({ length: children }, (_, c) => c).filter((c) => c % 2 === 0);
  await insertChunked(db, 'allocation', open.map((c) => ({ la_code: LA, allocation_id: `A${c}`, child_id: `C${c}`, worker_id: `W${c % 400}`, allocation_role: 'allocated_worker', referral_id: null, period_id: null, start_date: iso(c % 1500), end_date: null, change_reason: null, batch_id: null })));
}

async function openBenchDatabase(): Promise<CscDatabase & { drop(): Promise<void> }> {
  if (!pgServer) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    return { ...handle, drop: async () => undefined };
  }
  const name = `csc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgServer });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgServer);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 10 });
  return {
    ...handle,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: pgServer });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

interface Scenario {
  name: string;
  cacheMs: number;
  paths: string[];
  runs: number;
  teamManagersOnly?: boolean;
  analystsOnly?: boolean;
  /** Compute the cached pages once before measuring (what the first visitor of the day pays). */
  warm?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'calibration: GET /api/auth/me (session from memory, no database)', cacheMs: 60_000, paths: ['/api/auth/me'], runs: 1 },
  { name: 'dashboard, cached (indicators 2024 + caseloads + summary + me)', cacheMs: 60_000, paths: [`/api/authorities/${LA}/indicators?years=2024`, `/api/authorities/${LA}/caseloads?date=2024-06-30`, `/api/authorities/${LA}/summary?date=2024-06-30`, '/api/auth/me'], runs, warm: true },
  { name: 'summary, cache off (every request computes)', cacheMs: 0, paths: [`/api/authorities/${LA}/summary`], runs: 1 },
  { name: 'child list, first page with total (team managers; audited)', cacheMs: 60_000, paths: [`/api/authorities/${LA}/children?pageSize=50`], runs: 1, teamManagersOnly: true },
  { name: 'child list, next page by cursor (analysts, whole authority; audited)', cacheMs: 60_000, paths: [`/api/authorities/${LA}/children?pageSize=50&cursor=${Buffer.from('C5000').toString('base64url')}`], runs: 1, analystsOnly: true },
];
const CHOSEN = SCENARIOS.filter((s) => s.name.includes(only));
const ROLES: Role[] = ['performance_analyst', 'finance', 'team_manager', 'service_manager'];

/**
 * The server side, in a child process so autocannon does not share its event loop: seeds the
 * database, then for each scenario starts a server, signs in the users and reports the address
 * and cookies to the parent.
 */
async function serve(): Promise<void> {
  const handle = await openBenchDatabase();
  await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  const seedStart = Date.now();
  await seed(handle.db);
  const emails: string[] = [];
  for (let u = 0; u < 20; u += 1) {
    const role = ROLES[u % ROLES.length]!;
    const email = `user${u}@bench.example.gov.uk`;
    await createUser(handle.db, { laCode: LA, email, displayName: `User ${u}`, role, password: PASSWORD, teamId: role === 'team_manager' ? `T${u}` : null, service: role === 'service_manager' ? 'Safeguarding' : null });
    emails.push(email);
  }
  // As after an import job (which refreshes planner statistics when it ends).
  await sql`ANALYZE`.execute(handle.db);
  process.send!({ type: 'seeded', kind: handle.kind, seconds: (Date.now() - seedStart) / 1000 });
  for (const scenario of CHOSEN) {
    const app = await buildServer({ db: handle.db, aggregateCacheMs: scenario.cacheMs, rateLimitPerMinute: 1e9, loginRateLimitPerMinute: 1e9 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const only = scenario.teamManagersOnly ? 'team_manager' : scenario.analystsOnly ? 'performance_analyst' : null;
    const pool = only ? emails.filter((_, u) => ROLES[u % ROLES.length] === only) : emails;
    const cookies: string[] = [];
    for (let s = 0; s < connections; s += 1) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: pool[s % pool.length], password: PASSWORD } });
      cookies.push(`csc_session=${response.cookies.find((c) => c.name === 'csc_session')!.value}`);
    }
    let warmMs = 0;
    if (scenario.warm) {
      const start = Date.now();
      for (const path of scenario.paths) {
        const response = await app.inject({ method: 'GET', url: path, headers: { cookie: cookies[0]! } });
        if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
      warmMs = Date.now() - start;
    }
    const cpuBefore = process.cpuUsage();
    process.send!({ type: 'ready', address, cookies, warmMs });
    await new Promise<void>((done) => process.once('message', () => done()));
    const cpu = process.cpuUsage(cpuBefore);
    process.send!({ type: 'cpu', seconds: (cpu.user + cpu.system) / 1e6 });
    await app.close();
  }
  await handle.close();
  await handle.drop();
  process.disconnect(); // exit normally, so that a --profile is written

}

async function main(): Promise<void> {
  // --profile DIR: write a V8 CPU profile of the server process there (open it in Chrome DevTools).
  const profileDir = argValue('profile', '');
  const execArgv = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--serve'], { execArgv });
  const messages: { type: string; [key: string]: unknown }[] = [];
  let wake: (() => void) | undefined;
  child.on('message', (m) => { messages.push(m as { type: string }); wake?.(); });
  const next = async () => {
    while (messages.length === 0) await new Promise<void>((done) => (wake = done));
    return messages.shift()!;
  };
  const seeded = await next();
  console.log(`Machine: ${machine()} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  console.log(`Database: ${String(seeded.kind)}; authority ${LA} with ${children} children, 400 workers, 40 teams (seeded in ${Number(seeded.seconds).toFixed(1)} s); server in its own process`);
  for (const scenario of CHOSEN) {
    const ready = (await next()) as unknown as { address: string; cookies: string[]; warmMs: number };
    if (scenario.warm) console.log(`  (first computation of the cached pages: ${(ready.warmMs / 1000).toFixed(1)} s)`);
    let client = 0;
    const results: AutocannonResult[] = [];
    const wallStart = Date.now();
    const loadBefore = loadavg()[0]!;
    for (let run = 0; run < scenario.runs; run += 1) {
      results.push(await autocannon({
        url: ready.address, connections, duration: seconds,
        requests: scenario.paths.map((path) => ({ method: 'GET', path })),
        setupClient: (c: { setRequests(r: unknown[]): void }) => {
          const cookie = ready.cookies[client++ % ready.cookies.length]!;
          // As a browser sends them: the session cookie and accept-encoding.
          c.setRequests(scenario.paths.map((path) => ({ method: 'GET', path, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } })));
        },
      }));
    }
    child.send('next');
    const cpu = (await next()) as unknown as { seconds: number };
    const wall = (Date.now() - wallStart) / 1000;
    console.log(`${scenario.name}: ${connections} connections × ${seconds} s, ${scenario.runs} run(s): median ${median(results.map((r) => r.requests.average)).toFixed(0)} req/s, ` +
      `p50 ${median(results.map((r) => r.latency.p50))} ms, p99 ${median(results.map((r) => r.latency.p99))} ms, non-2xx ${results.reduce((n, r) => n + r.non2xx, 0)}, ` +
      `errors/timeouts ${results.reduce((n, r) => n + r.errors + r.timeouts, 0)}; wall ${wall.toFixed(1)} s, server CPU ${cpu.seconds.toFixed(1)} s (${((cpu.seconds * 1e6) / results.reduce((n, r) => n + r.requests.total, 0)).toFixed(0)} µs a request), load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
