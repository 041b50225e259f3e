/**
 * Forecast benchmark: fit + 1,000-run Monte Carlo over a 3-year horizon, for one authority of
 * about 600 children in care and for 30 authorities pooled (about 20,000 in care).
 * Run: npx tsx bench/forecast.bench.ts [repeats] [runs]. Data are simulated from known rates
 * first (not timed). Targets: one authority < 1 s, 30 authorities < 5 s. The first forecast
 * ("cold") includes starting the worker threads (kept for later forecasts, as in a server).
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import {
  closeForecastWorkers, demoTruth, fitFromStays, prepareCare, project, simulateHistory, stockOn, type ChildRow, type EpisodeRow,
} from '../src/forecast/index.js';

const repeats = Number(process.argv[2] ?? 5);
const runs = Number(process.argv[3] ?? 1000);
const origin = '2024-03-31';

function authorities(count: number, size: number): { episodes: EpisodeRow[]; children: ChildRow[] } {
  const episodes: EpisodeRow[] = [];
  const children: ChildRow[] = [];
  for (let i = 0; i < count; i++) {
    const h = simulateHistory(demoTruth(size), { laCode: String(800 + i), warmUpStart: '2004-04-01', dataEnd: origin, seed: i + 1 });
    for (const e of h.episodes) episodes.push(e);
    for (const c of h.children) children.push(c);
  }
  return { episodes, children };
}

async function once(data: { episodes: EpisodeRow[]; children: ChildRow[] }) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const build = prepareCare(data.episodes, data.children, { dataEnd: origin });
  const model = fitFromStays(build, { windowStart: '2023-04-01', windowEnd: '2024-04-01' });
  const stock = stockOn(build, origin, model);
  const t1 = performance.now();
  const fitCpu = process.cpuUsage(c0);
  await project(model, stock, { origin, years: 3, runs });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  // CPU time of this process and its worker threads: less sensitive than wall time to other
  // people's jobs on a shared machine.
  return { fit: t1 - t0, monteCarlo: t2 - t1, total: t2 - t0, cpu: (cpu.user + cpu.system) / 1000, fitCpu: (fitCpu.user + fitCpu.system) / 1000, stock: stock.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`);
console.log(`Load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (shared machine)`);
for (const [label, count, size] of [['1 authority', 1, 660], ['30 authorities', 30, 800]] as const) {
  const data = authorities(count, size);
  const cold = await once(data); // warm-up (JIT, worker threads started and kept)
  const results = [];
  for (let i = 0; i < repeats; i++) results.push(await once(data));
  console.log(
    `${label}: ${data.episodes.length.toLocaleString('en-GB')} episodes, ${results[0]!.stock.toLocaleString('en-GB')} in care at the start; ` +
      `cold ${cold.total.toFixed(0)} ms wall, ${cold.cpu.toFixed(0)} ms CPU; ` +
      `median of ${repeats}: fit ${median(results.map((r) => r.fit)).toFixed(0)} ms + Monte Carlo (${runs.toLocaleString('en-GB')} runs, 3 years) ` +
      `${median(results.map((r) => r.monteCarlo)).toFixed(0)} ms = ${median(results.map((r) => r.total)).toFixed(0)} ms ` +
      `(min ${Math.min(...results.map((r) => r.total)).toFixed(0)}, max ${Math.max(...results.map((r) => r.total)).toFixed(0)}); ` +
      `CPU time ${median(results.map((r) => r.cpu)).toFixed(0)} ms (fit ${median(results.map((r) => r.fitCpu)).toFixed(0)} ms); load average now ${loadavg()[0]!.toFixed(1)}`,
  );
}
await closeForecastWorkers();
