/**
 * Benchmark: the full indicator suite (every computable indicator, all years in one call) for one
 * large authority over 10 years, on PGlite (embedded) and PostgreSQL; and all of England on
 * PostgreSQL, measured on a sample of authorities and extrapolated by referral volume. Each
 * reports, after loading: building the unit tables (prepareIndicators, what an import does once),
 * the suite reading them, and the suite deriving every unit from the events (fromEvents), so the
 * two are compared in the same run.
 *
 *   npx tsx bench/metrics.bench.ts [--referrals 16000] [--runs 3] [--sample 0] [--la-concurrency 2] [--skip pglite,postgres]
 *
 * The data are generated here (deterministic, calibrated only to DfE-like volumes: a county with
 * about 16,000 referrals a year), because synthesising with src/synth takes minutes per authority.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { addDays, addMonths } from '../src/calendar/index.js';
import { addAuthority, copyRows, migrateToLatest, openDatabase, type Database, type TableName } from '../src/db/index.js';
import { computeIndicators, computeIndicatorsForAuthorities, listIndicators, prepareIndicators } from '../src/metrics/index.js';
import { getValue, listAuthorities } from '../src/reference/index.js';
import { argValue, machine, median, timed } from './support.js';

const FIRST = 2015;
const LAST = 2024;
const YEARS = Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
const referralsPerYear = Number(argValue('referrals', '16000'));
const runs = Number(argValue('runs', '3'));
const sample = Number(argValue('sample', '0'));
const skip = argValue('skip', '');
/** England: authorities computed at once (each with its own pooled connections). */
const laConcurrency = Number(argValue('la-concurrency', '2'));
/** Time each indicator on its own (sequentially) after the suite runs, slowest first. */
const perIndicator = process.argv.includes('--per-indicator');
/** PGlite only: keep the loaded database in this folder and reuse it on the next run (development). */
const dataDir = argValue('data-dir', '');

type Row = Record<string, unknown>;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

/** A large authority's records for 10 years (plus one of history): referrals, assessments, S47s, CP plans, care, visits. */
export function generateAuthority(la: string, perYear: number, seed = 1): Map<TableName, Row[]> {
  const rnd = lcg(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const t = new Map<TableName, Row[]>();
  const add = (table: TableName, row: Row) => { (t.get(table) ?? t.set(table, []).get(table)!).push({ la_code: la, ...row }); };
  const end = `${LAST}-03-31`;
  const cap = (d: string) => (d > end ? null : d);
  add('team', { team_id: 'T1', name: 'North', team_type: 'family_support_cp', locality: 'North' });
  add('team', { team_id: 'T2', name: 'South', team_type: 'looked_after', locality: 'South' });
  const workers = 300;
  for (let w = 0; w < workers; w++) add('worker', { worker_id: `W${w}`, role: 'social_worker', team_id: w % 2 ? 'T1' : 'T2', fte: 1, contract: 'permanent', start_date: '2010-01-01' });
  const children: string[] = [];
  let n = 0;
  for (let y = FIRST - 1; y <= LAST; y++) {
    const start = `${y - 1}-04-01`;
    for (let i = 0; i < perYear; i++) {
      n++;
      const repeat = children.length > 0 && rnd() < 0.25;
      const child = repeat ? pick(children) : `C${n}`;
      if (!repeat) {
        children.push(child);
        add('child', { child_id: child, date_of_birth: addDays('2000-01-01', int(0, 8000) + (y - 2000) * 365 - 4000), sex: pick(['M', 'F']), ethnicity: pick(['WBRI', 'WBRI', 'WBRI', 'MWBA', 'AIND', 'BAFR', 'OOTH']), uasc: rnd() < 0.01 });
      }
      const ref = `R${n}`;
      const refDate = addDays(start, int(0, 364));
      const nfa = rnd() < 0.1;
      const closed = nfa ? refDate : cap(addDays(refDate, int(20, 700)));
      const worker = `W${int(0, workers - 1)}`;
      add('referral', { referral_id: ref, child_id: child, referral_date: refDate, source: pick(['1A', '2A', '3A', '4', '5A', '6', '8', '9', '10']), nfa, closure_date: closed, closure_reason: closed ? pick(['RC1', 'RC8', 'RC2']) : null, team_id: worker.endsWith('1') ? 'T1' : 'T2', worker_id: worker });
      add('contact', { contact_id: `K${n}`, child_id: child, contact_date: addDays(refDate, -int(0, 3)), source: '3A', outcome: 'referral', referral_id: ref });
      add('allocation', { allocation_id: `AL${n}`, child_id: child, worker_id: worker, allocation_role: 'allocated_worker', referral_id: ref, start_date: refDate, end_date: closed });
      if (nfa || rnd() > 0.9) continue;
      const aStart = addDays(refDate, int(0, 5));
      const aEnd = cap(addDays(aStart, int(3, 70)));
      add('assessment', { assessment_id: `A${n}`, referral_id: ref, child_id: child, start_date: aStart, authorised_date: aEnd, child_seen: rnd() < 0.95, team_id: 'T1', worker_id: worker });
      for (const f of new Set([pick(['2A', '3A', '4A', '21', '1A']), pick(['3A', '8B', '20'])])) add('assessment_factor', { assessment_id: `A${n}`, factor: f });
      if (rnd() < 0.55) add('cin_plan', { cin_plan_id: `CIN${n}`, referral_id: ref, child_id: child, start_date: aEnd ?? aStart, end_date: closed && closed >= (aEnd ?? aStart) ? closed : null });
      if (rnd() > 0.27) continue;
      const sd = addDays(aStart, int(0, 10));
      add('strategy_discussion', { strategy_id: `SD${n}`, referral_id: ref, child_id: child, discussion_date: sd, s47_initiated: true });
      add('s47_enquiry', { s47_id: `S${n}`, referral_id: ref, child_id: child, strategy_id: `SD${n}`, start_date: sd, end_date: cap(addDays(sd, int(5, 25))), icpc_not_required: false });
      if (rnd() > 0.4) continue;
      const icpc = addDays(sd, int(8, 30));
      if (icpc > end) continue;
      const planEnd = cap(addDays(icpc, int(90, 800)));
      const plan = rnd() < 0.85;
      add('cp_conference', { conference_id: `CF${n}`, child_id: child, referral_id: ref, conference_type: 'initial', s47_id: `S${n}`, cp_plan_id: plan ? `P${n}` : null, conference_date: icpc, plan_decided: plan });
      if (!plan) continue;
      add('cp_plan', { cp_plan_id: `P${n}`, child_id: child, referral_id: ref, start_date: icpc, end_date: planEnd, initial_category: pick(['NEG', 'EMO', 'PHY', 'SAB', 'MUL']), latest_category: pick(['NEG', 'EMO']), other_la: false });
      add('core_group', { meeting_id: `G${n}`, cp_plan_id: `P${n}`, child_id: child, meeting_date: addDays(icpc, int(5, 14)) });
      const stop = planEnd ?? end;
      for (let k = 1, d = addMonths(icpc, 3); d < stop; k++, d = addMonths(d, 6)) add('cp_conference', { conference_id: `CR${n}_${k}`, child_id: child, referral_id: ref, conference_type: 'review', cp_plan_id: `P${n}`, conference_date: addDays(d, int(-10, 5)), plan_decided: true });
      for (let k = 1, d = addDays(icpc, 10); d < stop; k++, d = addDays(d, int(10, 20))) add('visit', { visit_id: `V${n}_${k}`, child_id: child, context: 'cp', visit_date: d, seen: rnd() < 0.9 });
      if (rnd() > 0.3) continue;
      const careStart = addDays(icpc, int(20, 300));
      if (careStart > end) continue;
      const careEnd = cap(addDays(careStart, int(60, 1500)));
      add('care_period', { period_id: `CP${n}`, child_id: child, referral_id: ref, start_date: careStart, end_date: careEnd });
      let decom = careStart;
      const episodes = int(1, 4);
      for (let e = 0; e < episodes; e++) {
        const last = e === episodes - 1;
        const dec = last ? careEnd : (() => { const d = addDays(decom, int(30, 400)); return careEnd && d >= careEnd ? null : cap(d); })();
        if (!last && dec === null) break;
        add('cla_episode', { episode_id: `E${n}_${e}`, child_id: child, period_id: `CP${n}`, decom, rne: e === 0 ? 'S' : pick(['P', 'L', 'B', 'T']), legal_status: pick(['C2', 'C1', 'V2', 'E1']), cin_category: 'N1', place: pick(['U1', 'U3', 'K2', 'R1', 'P1']), pl_distance_miles: int(0, 60), pl_la: rnd() < 0.3 ? '999' : la, dec: last ? careEnd : dec, rec: (last ? careEnd : dec) ? (last ? pick(['E11', 'E13', 'E41', 'E8']) : 'X1') : null });
        if (!dec) break;
        decom = dec;
      }
      for (let k = 1, d = addDays(careStart, 25); d < (careEnd ?? end); k++, d = addMonths(d, k < 2 ? 3 : 6)) add('cla_review', { review_id: `L${n}_${k}`, child_id: child, period_id: `CP${n}`, review_date: d });
      for (let k = 1, d = addDays(careStart, 7); d < (careEnd ?? end); k++, d = addDays(d, int(30, 50))) add('visit', { visit_id: `VC${n}_${k}`, child_id: child, context: 'cla', visit_date: d, seen: true });
      if (rnd() < 0.12) for (let k = 0; k < int(1, 12); k++) { const s = addDays(careStart, int(0, 400)); if (s < end) add('missing_episode', { missing_id: `M${n}_${k}`, child_id: child, missing_type: 'M', start_date: s, end_date: addDays(s, 1), return_interview_offered: rnd() < 0.8, return_interview_date: addDays(s, int(1, 5)) }); }
    }
  }
  // missing episodes may repeat a start date for one child: keep the first
  const seen = new Set<string>();
  t.set('missing_episode', (t.get('missing_episode') ?? []).filter((r) => { const k = `${String(r.child_id)}|${String(r.start_date)}`; if (seen.has(k)) return false; seen.add(k); return true; }));
  const seenVisit = new Set<string>();
  t.set('cla_review', (t.get('cla_review') ?? []).filter((r) => { const k = `${String(r.child_id)}|${String(r.review_date)}`; if (seenVisit.has(k)) return false; seenVisit.add(k); return true; }));
  return t;
}

const ORDER: TableName[] = ['team', 'worker', 'child', 'referral', 'contact', 'allocation', 'assessment', 'assessment_factor', 'cin_plan', 'strategy_discussion',
  's47_enquiry', 'cp_plan', 'cp_conference', 'core_group', 'visit', 'care_period', 'cla_episode', 'cla_review', 'missing_episode'];

export async function load(db: Kysely<Database>, la: string, tables: Map<TableName, Row[]>): Promise<number> {
  await addAuthority(db, { laCode: la, name: `Bench ${la}` });
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    for (const table of ORDER) {
      const list = tables.get(table) ?? [];
      if (list.length) rows += await copyRows(trx, table, list, { columns: Object.keys(list.reduce((a, r) => ({ ...a, ...r }), {})) });
    }
  });
  await sql`ANALYZE`.execute(db);
  return rows;
}

async function suite(db: Kysely<Database>, la: string, fromEvents = false): Promise<number> {
  const results = await computeIndicators(db, { laCode: la, years: YEARS, fromEvents });
  return results.length;
}

/** Median wall and this process's CPU of `runs` calls. */
async function measure(runs: number, run: () => Promise<unknown>): Promise<{ wall: number; cpu: number; all: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    times.push((await timed(run)).seconds);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { wall: median(times), cpu: median(cpu), all: times };
}

async function timeEachIndicator(db: Kysely<Database>, la: string): Promise<void> {
  const rows: { id: string; wall: number; cpu: number }[] = [];
  for (const def of listIndicators().filter((d) => d.units)) {
    const before = process.cpuUsage();
    const run = await timed(() => computeIndicators(db, { laCode: la, years: YEARS, indicators: [def.id] }));
    const used = process.cpuUsage(before);
    rows.push({ id: def.id, wall: run.seconds, cpu: (used.user + used.system) / 1e6 });
  }
  rows.sort((a, b) => b.wall - a.wall);
  console.log(`per indicator (alone, 10 years), slowest first: ${rows.map((r) => `${r.id} ${(r.wall * 1000).toFixed(0)} ms (cpu ${(r.cpu * 1000).toFixed(0)})`).join('; ')}`);
  console.log(`sum of all ${rows.length}: ${rows.reduce((s, r) => s + r.wall, 0).toFixed(2)} s wall`);
}

async function benchOne(kind: 'pglite' | 'postgres', url?: string): Promise<void> {
  const reuse = kind === 'pglite' && dataDir !== '' && existsSync(`${dataDir}/PG_VERSION`);
  const handle = kind === 'pglite' ? await openDatabase({ dataDir: dataDir || 'memory://' }) : await openDatabase({ url: url!, poolSize: 4 });
  try {
    await migrateToLatest(handle.db as unknown as Kysely<unknown>);
    if (reuse) {
      console.log(`${kind}: reusing the database in ${dataDir}`);
      await sql`ANALYZE`.execute(handle.db);
    } else {
      const data = generateAuthority('886', referralsPerYear);
      const loaded = await timed(() => load(handle.db, '886', data));
      const refs = data.get('referral')!.length;
      console.log(`${kind}: loaded ${loaded.result.toLocaleString()} rows (${refs.toLocaleString()} referrals over ${YEARS.length + 1} years) in ${loaded.seconds.toFixed(1)} s`);
    }
    // What an import does once its records are written (src/metrics/unit-tables.ts).
    const prepared = await timed(() => prepareIndicators(handle.db, { laCode: '886', years: YEARS }));
    console.log(`${kind}: unit tables built for ${YEARS.length} years (prepareIndicators, once per import) in ${prepared.seconds.toFixed(2)} s`);
    const count = await suite(handle.db, '886');
    const units = await measure(runs, () => suite(handle.db, '886'));
    const events = await measure(runs, () => suite(handle.db, '886', true));
    if (perIndicator) await timeEachIndicator(handle.db, '886');
    const computable = listIndicators().filter((d) => d.units).length;
    const where = kind === 'pglite' ? ' (PGlite runs in-process: CPU time = the database work)' : ' (client only; the server works separately)';
    console.log(`${kind}: full suite (${computable} indicators × ${YEARS.length} years = ${count} results) from the unit tables: median ${units.wall.toFixed(2)} s wall over ${runs} runs (${units.all.map((x) => x.toFixed(2)).join(', ')}); this process's CPU ${units.cpu.toFixed(2)} s${where}`);
    console.log(`${kind}: the same deriving every unit from the events (fromEvents): median ${events.wall.toFixed(2)} s (${events.all.map((x) => x.toFixed(2)).join(', ')}); unit tables ${(events.wall / units.wall).toFixed(1)}x faster; load average after ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await handle.close();
  }
}

async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.CSC_TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
  const name = `csc_bench_metrics_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** All of England: a sample of authorities of graded size in one PostgreSQL database, extrapolated by 2024 referrals. */
async function benchEngland(): Promise<void> {
  const all = listAuthorities().map((a) => ({ code: a.code, referrals: getValue(a.code, 'referrals', 2024) ?? 0 })).filter((a) => a.referrals > 0).sort((a, b) => a.referrals - b.referrals);
  const total = all.reduce((s, a) => s + a.referrals, 0);
  const step = Math.max(1, Math.floor(all.length / sample));
  const chosen = all.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, sample);
  const { url, drop } = await throwawayDatabase();
  const handle = await openDatabase({ url, poolSize: 4 * laConcurrency });
  try {
    await migrateToLatest(handle.db as unknown as Kysely<unknown>);
    for (const a of chosen) await load(handle.db, a.code, generateAuthority(a.code, a.referrals, Number(a.code)));
    const sampleRefs = chosen.reduce((s, a) => s + a.referrals, 0);
    await sql`ANALYZE`.execute(handle.db);
    const laCodes = chosen.map((a) => a.code);
    const factor = total / sampleRefs;
    const prepared = await timed(async () => {
      let next = 0;
      const worker = async () => { while (next < laCodes.length) await prepareIndicators(handle.db, { laCode: laCodes[next++]!, years: YEARS }); };
      await Promise.all(Array.from({ length: laConcurrency }, worker));
    });
    const all = (fromEvents: boolean) => computeIndicatorsForAuthorities(handle.db, { laCodes, years: YEARS, concurrency: laConcurrency, fromEvents });
    const units = await measure(runs, () => all(false));
    const events = await measure(1, () => all(true));
    const results = (await all(false)).length;
    console.log(`England (PostgreSQL): ${chosen.length} authorities (${sampleRefs.toLocaleString()} of ${total.toLocaleString()} referrals a year) in one database, ${results} results, ${laConcurrency} at a time (computeIndicatorsForAuthorities, as csc kpi --la all); extrapolated ×${factor.toFixed(1)} by referrals:`);
    console.log(`  unit tables built (prepareIndicators, once after the imports): ${prepared.seconds.toFixed(1)} s → ${(prepared.seconds * factor).toFixed(0)} s for all of England`);
    console.log(`  suite from the unit tables: median ${units.wall.toFixed(1)} s of ${runs} (${units.all.map((x) => x.toFixed(1)).join(', ')}) → ${(units.wall * factor).toFixed(0)} s for all of England`);
    console.log(`  the same deriving every unit from the events: ${events.wall.toFixed(1)} s → ${(events.wall * factor).toFixed(0)} s (unit tables ${(events.wall / units.wall).toFixed(1)}x faster)`);
  } finally {
    await handle.close();
    await drop();
  }
}

async function main(): Promise<void> {
  console.log(`Machine: ${machine()}`);
  console.log(`Large authority: ${referralsPerYear.toLocaleString()} referrals a year, ${FIRST}-${LAST}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  if (!skip.includes('pglite')) await benchOne('pglite');
  if (!skip.includes('postgres')) {
    const { url, drop } = await throwawayDatabase();
    try {
      await benchOne('postgres', url);
    } finally {
      await drop();
    }
  }
  if (sample > 0) await benchEngland();
}

// Run only as a script, so the generator can be imported by profiling scripts.
if (process.argv[1]?.endsWith('metrics.bench.ts')) await main();
