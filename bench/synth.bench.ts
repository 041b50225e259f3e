/**
 * Synthetic authority benchmark: time and peak memory to generate (a) one large authority over
 * ten collection years, (b) all of England over ten years (a sample of authorities, extrapolated
 * by referrals), and (c) loading a generated authority into the embedded database with and
 * without row validation.
 *
 *   npx tsx bench/synth.bench.ts [--la 330] [--runs 3] [--sample 8] [--from 2016] [--to 2025] [--passes 4]
 */
import { openDatabase, migrateToLatest, writeRecords } from '../src/db/index.js';
import type { Kysely } from 'kysely';
import { listAuthorities, getValue } from '../src/reference/index.js';
import { simulateAuthority, calibrationReport, LOAD_ORDER } from '../src/synth/index.js';
import { argValue, machine, median, peakRssMiB } from './support.js';

const la = argValue('la', '330');
const runs = Number(argValue('runs', '3'));
const sample = Number(argValue('sample', '8'));
const from = Number(argValue('from', '2016'));
const to = Number(argValue('to', '2025'));
const passes = Number(argValue('passes', '4'));
const skip = argValue('skip', '');

console.log(`Machine: ${machine()}`);
console.log(`Years ${from}-${to} (+3 warm-up), ${passes} calibration passes\n`);

const seconds = (start: number) => (performance.now() - start) / 1000;

if (!skip.includes('one')) {
  const times: number[] = [];
  const noVisits: number[] = [];
  let rows = 0;
  let referrals = 0;
  let failures = '';
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const a = simulateAuthority({ laCode: la, from, to, seed: 7, calibrationPasses: passes });
    times.push(seconds(t));
    rows = Object.values(a.rows).reduce((s, r) => s + r!.length, 0);
    referrals = a.world.referrals.length;
    const report = calibrationReport(a);
    failures = `${report.lines.length - report.failures.length}/${report.lines.length} published values within tolerance`;
    t = performance.now();
    simulateAuthority({ laCode: la, from, to, seed: 7, calibrationPasses: passes, visits: false });
    noVisits.push(seconds(t));
  }
  console.log(`(a) One authority ${la}, ${to - from + 1} years: ${referrals.toLocaleString()} referrals, ${rows.toLocaleString()} rows`);
  console.log(`    median ${median(times).toFixed(1)} s over ${runs} runs (${times.map((x) => x.toFixed(1)).join(', ')}); without visits ${median(noVisits).toFixed(1)} s; peak RSS ${peakRssMiB().toFixed(0)} MiB`);
  console.log(`    calibration: ${failures}\n`);
}

if (!skip.includes('england')) {
  // A spread of authorities by size: every k-th in order of referrals.
  const all = listAuthorities().map((a) => ({ code: a.code, referrals: getValue(a.code, 'referrals', 2024) ?? 0 })).sort((a, b) => a.referrals - b.referrals);
  const englandReferrals = all.reduce((s, a) => s + a.referrals, 0);
  const step = Math.max(1, Math.floor(all.length / sample));
  const chosen = all.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, sample);
  const t = performance.now();
  let generated = 0;
  let sampleReferrals2024 = 0;
  for (const a of chosen) {
    const result = simulateAuthority({ laCode: a.code, from, to, seed: 7, calibrationPasses: passes, visits: false });
    generated += result.world.referrals.length;
    sampleReferrals2024 += a.referrals;
  }
  const elapsed = seconds(t);
  const factor = englandReferrals / sampleReferrals2024;
  console.log(`(b) All England, ${to - from + 1} years: sample of ${chosen.length} authorities (${chosen.map((c) => c.code).join(', ')}), ${sampleReferrals2024.toLocaleString()} of England's ${englandReferrals.toLocaleString()} referrals in 2024`);
  console.log(`    sample took ${elapsed.toFixed(1)} s (${generated.toLocaleString()} referrals generated); extrapolated to England (×${factor.toFixed(1)}): ${((elapsed * factor) / 60).toFixed(1)} min on one core, ${((elapsed * factor) / 120).toFixed(1)} min on two; peak RSS ${peakRssMiB().toFixed(0)} MiB\n`);
}

if (!skip.includes('load')) {
  const loadLa = argValue('load-la', '301');
  const a = simulateAuthority({ laCode: loadLa, from: 2021, to: 2025, seed: 7, calibrationPasses: passes });
  const total = Object.values(a.rows).reduce((s, r) => s + r!.length, 0);
  for (const validate of [true, false]) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db as unknown as Kysely<unknown>);
    await handle.db.insertInto('local_authority').values({ la_code: loadLa, name: a.name }).execute();
    const t = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      for (const table of LOAD_ORDER) await writeRecords(trx, table, a.rows[table] ?? [], { validate });
    });
    const s = seconds(t);
    console.log(`(c) Load ${loadLa} 2021-2025 into PGlite (${total.toLocaleString()} rows), validate=${validate}: ${s.toFixed(1)} s (${Math.round(total / s).toLocaleString()} rows/s)`);
    await handle.close();
  }
}
