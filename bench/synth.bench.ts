/**
 * Synthetic authority benchmark: (a) simulating one large authority over ten collection years
 * (wall and CPU time, phases), (b) loading it into a database, separately, and (c) all of England
 * over ten years on worker threads (every authority, or a spread sample extrapolated by referrals).
 *
 *   npx tsx bench/synth.bench.ts [--la 931] [--runs 3] [--from 2016] [--to 2025] [--passes 4]
 *     [--load pglite|postgres|none] [--england all|<sample size>|none] [--workers 2]
 *
 * Prints the load average too: the machine is shared, and wall time means little without it.
 */
import { loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, migrateToLatest, type Database } from '../src/db/index.js';
import { listAuthorities, getValue } from '../src/reference/index.js';
import { simulateAuthority, simulateAuthorities, calibrationReport, writeSyntheticRows, countRows } from '../src/synth/index.js';
import { argValue, machine, median, peakRssMiB } from './support.js';

const la = argValue('la', '931');
const runs = Number(argValue('runs', '3'));
const from = Number(argValue('from', '2016'));
const to = Number(argValue('to', '2025'));
const passes = Number(argValue('passes', '4'));
const load = argValue('load', 'pglite');
const england = argValue('england', '8');
const workers = Number(argValue('workers', '2'));

const load1 = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
console.log(`Machine: ${machine()}; load average ${load1()}`);
console.log(`Years ${from}-${to} (+3 warm-up), ${passes} calibration passes\n`);

// (a) One authority: simulate only.
const walls: number[] = [];
const cpus: number[] = [];
let last = simulateAuthority({ laCode: la, from, to, seed: 7, calibrationPasses: passes });
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const phases: string[] = [];
  let mark = t;
  last = simulateAuthority({
    laCode: la, from, to, seed: 7, calibrationPasses: passes,
    onProgress: (stage, done) => {
      const now = performance.now();
      phases.push(`${stage}${stage === 'calibrate' ? done : ''} ${((now - mark) / 1000).toFixed(2)}`);
      mark = now;
    },
  });
  walls.push((performance.now() - t) / 1000);
  cpus.push(cpuSeconds(cpu));
  console.log(`    run ${i + 1}: ${walls.at(-1)!.toFixed(2)} s wall, ${cpus.at(-1)!.toFixed(2)} s CPU (${phases.join(', ')}); load ${load1()}`);
}
const report = calibrationReport(last);
console.log(`(a) Simulate ${la} ${from}-${to}: ${last.world.referrals.length.toLocaleString()} referrals, ${countRows(last.rows).toLocaleString()} rows`);
console.log(`    median ${median(walls).toFixed(2)} s wall, ${median(cpus).toFixed(2)} s CPU over ${runs} runs (after one warm-up run); peak RSS ${peakRssMiB().toFixed(0)} MiB`);
console.log(`    calibration: ${report.lines.length - report.failures.length}/${report.lines.length} published values within tolerance\n`);

// (b) Load the same rows, once.
if (load !== 'none') {
  const handle = await openBenchDatabase(load);
  try {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await writeSyntheticRows(handle.db, la, last.name, last.rows);
    const s = (performance.now() - t) / 1000;
    console.log(`(b) Load ${countRows(last.rows).toLocaleString()} rows into ${load} (one transaction, COPY, validate=false): ${s.toFixed(1)} s wall, ${cpuSeconds(cpu).toFixed(1)} s CPU in this process (${Math.round(countRows(last.rows) / s).toLocaleString()} rows/s); load ${load1()}\n`);
  } finally {
    await handle.close();
  }
}

// (c) All of England on worker threads, without visits.
if (england !== 'none') {
  const all = listAuthorities().map((a) => ({ code: a.code, referrals: getValue(a.code, 'referrals', 2024) ?? 0 })).sort((a, b) => a.referrals - b.referrals);
  const englandReferrals = all.reduce((s, a) => s + a.referrals, 0);
  let chosen = all;
  if (england !== 'all') {
    const sample = Number(england);
    const step = Math.max(1, Math.floor(all.length / sample));
    chosen = all.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, sample);
  }
  const sampleReferrals = chosen.reduce((s, a) => s + a.referrals, 0);
  const t = performance.now();
  let generated = 0;
  let rows = 0;
  let workerSeconds = 0;
  await simulateAuthorities(chosen.map((c) => c.code), { from, to, seed: 7, calibrationPasses: passes, visits: false }, {
    workers,
    onAuthority: async ({ summary }) => {
      generated += summary.referrals;
      rows += summary.rows;
      workerSeconds += summary.simulateSeconds;
    },
  });
  const elapsed = (performance.now() - t) / 1000;
  const factor = englandReferrals / sampleReferrals;
  console.log(`(c) England ${from}-${to} without visits, ${workers} worker threads: ${chosen.length} authorities (${chosen.length < all.length ? chosen.map((c) => c.code).join(', ') : 'all'}), ${sampleReferrals.toLocaleString()} of England's ${englandReferrals.toLocaleString()} referrals in 2024`);
  console.log(`    ${elapsed.toFixed(1)} s wall (${workerSeconds.toFixed(1)} s simulating, summed over workers), ${generated.toLocaleString()} referrals, ${rows.toLocaleString()} rows; load ${load1()}`);
  if (chosen.length < all.length) console.log(`    extrapolated to England (×${factor.toFixed(1)}): ${((elapsed * factor) / 60).toFixed(1)} min wall with ${workers} workers`);
}

async function openBenchDatabase(kind: string): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (kind === 'postgres') {
    const name = `csc_bench_synth_${process.pid}`;
    const admin = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const handle = await openDatabase({ url: `postgresql://postgres:postgres@127.0.0.1:5432/${name}` });
    await migrateToLatest(handle.db as unknown as Kysely<unknown>);
    return {
      db: handle.db,
      close: async () => {
        await handle.close();
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      },
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  return { db: handle.db, close: () => handle.close() };
}
