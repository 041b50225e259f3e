/**
 * Calibration benchmark: how many published DfE values a sample of synthetic authorities lands
 * within tolerance (10%, or 5 children under 50), by measure, and how long the sample takes.
 *
 *   npx tsx bench/synth-calibration.bench.ts [--sample 40 | --la 931,855] [--from 2015] [--to 2025]
 *     [--passes 8] [--census-fit on|off] [--workers 2] [--misses]
 *
 * The sample is spread evenly over England's authorities ordered by 2024 referrals (smallest to
 * largest), so it covers the Isles of Scilly and Birmingham alike.
 */
import { loadavg } from 'node:os';
import { getValue, listAuthorities } from '../src/reference/index.js';
import { simulateAuthorities } from '../src/synth/index.js';
import { argValue, machine } from './support.js';

const sample = Number(argValue('sample', '40'));
const from = Number(argValue('from', '2015'));
const to = Number(argValue('to', '2025'));
const passes = Number(argValue('passes', '8'));
const censusFit = argValue('census-fit', 'on') !== 'off';
const workers = Number(argValue('workers', '2'));
const showMisses = process.argv.includes('--misses');

function spreadSample(size: number): string[] {
  const ranked = listAuthorities()
    .map((a) => ({ code: a.code, referrals: getValue(a.code, 'referrals', 2024) ?? 0 }))
    .filter((a) => a.referrals > 0)
    .sort((a, b) => a.referrals - b.referrals);
  return Array.from({ length: Math.min(size, ranked.length) }, (_, i) => ranked[Math.round((i * (ranked.length - 1)) / Math.max(1, size - 1))]!.code);
}

const codes = argValue('la', '') ? argValue('la', '').split(',') : spreadSample(sample);
console.log(`Machine: ${machine()}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`${codes.length} authorities, ${from}-${to}, ${passes} passes, census fit ${censusFit ? 'on' : 'off'}, ${workers} workers\n`);

let within = 0;
let total = 0;
const missesByMeasure = new Map<string, number>();
const misses: string[] = [];
const started = performance.now();
await simulateAuthorities(codes, { from, to, seed: 7, calibrationPasses: passes, visits: false, censusFit }, {
  workers,
  onAuthority: async ({ summary }) => {
    const { report } = summary;
    within += report.lines.length - report.failures.length;
    total += report.lines.length;
    for (const f of report.failures) {
      missesByMeasure.set(f.measure, (missesByMeasure.get(f.measure) ?? 0) + 1);
      misses.push(`  ${summary.laCode} ${f.year} ${f.measure}: generated ${f.generated}, published ${f.published}`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(`within tolerance: ${within} of ${total} (${((100 * within) / total).toFixed(1)}%); ${seconds.toFixed(1)} s wall`);
console.log('misses by measure:', Object.fromEntries([...missesByMeasure].sort((a, b) => b[1] - a[1])));
if (showMisses) console.log(misses.join('\n'));
