/**
 * Time to generate each committee report for a large synthetic authority, as PDF (the slowest
 * format: gather + build + HTML + Chromium print). Prints the machine, the load average, the data
 * size and, per report, the median of several runs with the wall and CPU time of each stage (CPU
 * of this process: PGlite and the forecast run in it; Chromium's own CPU is not included). On a
 * shared machine the wall times mostly measure waiting for a core; the CPU times do not. The browser is
 * launched once and reused, and its launch is timed apart.
 *
 *   npx tsx bench/reports.bench.ts [--la 931] [--runs 3] [--only annual,pressures] [--no-visits]
 *                                  [--cache FILE] [--examples docs/reports]
 *
 * --cache FILE keeps the loaded database as a PGlite dump: the first run writes it, later runs
 * start from it (loading Oxfordshire takes minutes). Delete the file after changing src/synth.
 * With --examples, also writes each report's first pages as PNG (pdftoppm -png -r 60).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db/index.js';
import { computeIndicators, prepareIndicators } from '../src/metrics/index.js';
import { generateReport, indicatorsOf, launchBrowser, TEMPLATES, type ReportStage } from '../src/reports/index.js';
import { loadSyntheticAuthority } from '../src/synth/index.js';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const laCode = arg('la', '931')!;
const runs = Number(arg('runs', '3'));
const examples = arg('examples');
const cache = arg('cache');
const only = arg('only')?.split(',');
const visits = !process.argv.includes('--no-visits');
const year = 2024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU used so far by this process's live descendants (Chromium and its renderers), in ms, from /proc (clock ticks of 10 ms). */
const childCpuMs = (): number => {
  const tree = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of tree) if (mine.has(ppid) && !mine.has(pid)) grew = Boolean(mine.add(pid));
  }
  mine.delete(process.pid);
  let ticks = 0;
  for (const pid of mine) {
    try {
      // fields after the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended between ps and now
    }
  }
  return ticks * 10;
};
const load = () => loadavg().map((x) => x.toFixed(1)).join(', ');

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; load average ${load()}`);
let t = performance.now();
let handle;
if (cache && existsSync(cache)) {
  handle = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(cache)]) });
  const children = await handle.db.selectFrom('child').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', laCode).executeTakeFirstOrThrow();
  console.log(`data: ${cache} (authority ${laCode}, ${children.n} children), opened in ${seconds(performance.now() - t)}`);
} else {
  handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db as never);
  const loaded = await loadSyntheticAuthority(handle.db, { laCode, from: year - 5, to: year, seed: 1, visits });
  const rows = Object.values(loaded.rowCounts).reduce((a, b) => a + b, 0);
  console.log(`data: synthetic ${loaded.name} (${laCode}), ${year - 5} to ${year}, ${loaded.rowCounts.child} children, ${rows.toLocaleString('en-GB')} rows (loaded in ${seconds(performance.now() - t)}, PGlite in memory)`);
  if (cache) {
    writeFileSync(cache, Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer()));
    console.log(`cached as ${cache}`);
  }
}

// As an import does once its rows are written: the indicators' unit tables (kept in the cache too).
t = performance.now();
const prepared = await prepareIndicators(handle.db, { laCode });
console.log(`indicator unit tables for ${prepared.length} years prepared in ${seconds(performance.now() - t)} (once per import)`);

t = performance.now();
const browser = await launchBrowser();
console.log(`Chromium launch: ${seconds(performance.now() - t)}`);

// PDFs go to a temporary folder; only the PNG pages go to --examples
const out = mkdtempSync(join(tmpdir(), 'csc-reports-bench-'));
if (examples) mkdirSync(examples, { recursive: true });
const ids = Object.keys(TEMPLATES).filter((id) => !only || only.includes(id));
for (const id of ids) {
  const times: number[] = [];
  const cpu: number[] = [];
  const chromiumCpu: number[] = [];
  const stages: Record<ReportStage, number[]> = { gather: [], build: [], render: [], print: [] };
  const stageCpu: Record<ReportStage, number[]> = { gather: [], build: [], render: [], print: [] };
  let stageStart = 0;
  let bytes = 0;
  let file = '';
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    const c = cpuMs();
    const cc = childCpuMs();
    const report = await generateReport(handle.db, {
      template: id,
      laCode,
      year,
      format: 'pdf',
      browser,
      generatedOn: '2024-06-30',
      onProgress: (p) => {
        if (p.status === 'start') stageStart = cpuMs();
        else {
          stages[p.stage].push(p.ms!);
          stageCpu[p.stage].push(cpuMs() - stageStart);
        }
      },
    });
    times.push(performance.now() - t);
    cpu.push(cpuMs() - c);
    chromiumCpu.push(childCpuMs() - cc);
    bytes = report.content.length;
    file = join(out, `${id}.pdf`);
    writeFileSync(file, report.content);
  }
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1] ?? 0);
  if (examples) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(examples, id)]);
  const stageText = (Object.keys(stages) as ReportStage[]).map((s) => `${s} ${seconds(median(stages[s]))} (cpu ${seconds(median(stageCpu[s]))})`).join(', ');
  console.log(`${id.padEnd(11)} median ${seconds(median(times))} (cpu ${seconds(median(cpu))} + Chromium ${seconds(median(chromiumCpu))}; ${stageText})  runs ${times.map((x) => (x / 1000).toFixed(2)).join(', ')} s  ${pages} pages  ${(bytes / 1024).toFixed(0)} KiB  load ${load()}`);
}
await browser.close();

// where the gathering time goes: each indicator behind the reports on its own (6 years)
if (process.argv.includes('--indicators')) {
  const all = [...new Set(ids.flatMap((id) => indicatorsOf(TEMPLATES[id as keyof typeof TEMPLATES]).ids))];
  const slow: [string, number][] = [];
  for (const id of all) {
    t = performance.now();
    try {
      await computeIndicators(handle.db, { laCode, years: [year - 5, year - 4, year - 3, year - 2, year - 1, year], indicators: [id] });
    } catch {
      // reported by the report itself
    }
    slow.push([id, performance.now() - t]);
  }
  slow.sort((a, b) => b[1] - a[1]);
  console.log(`slowest indicators (6 years, one query each): ${slow.slice(0, 8).map(([i, ms]) => `${i} ${seconds(ms)}`).join(', ')}`);
  console.log(`all ${all.length} indicators one by one: ${seconds(slow.reduce((s, [, ms]) => s + ms, 0))}`);
}
console.log(`load average at the end: ${load()}`);
await handle.close();
