/**
 * Time to generate each committee report for a large synthetic authority, as PDF (the slowest
 * format: gather + build + HTML + Chromium print). Prints the machine, the data size and the
 * median of several runs; the browser is launched once and reused, and its launch is timed apart.
 *
 *   npx tsx bench/reports.bench.ts [--la 931] [--runs 3] [--no-visits] [--examples docs/reports]
 *
 * With --examples, also writes each report's first pages as PNG (pdftoppm -png -r 60).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db/index.js';
import { computeIndicators } from '../src/metrics/index.js';
import { generateReport, indicatorsOf, launchBrowser, TEMPLATES } from '../src/reports/index.js';
import { loadSyntheticAuthority } from '../src/synth/index.js';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const laCode = arg('la', '931')!;
const runs = Number(arg('runs', '3'));
const examples = arg('examples');
const visits = !process.argv.includes('--no-visits');
const year = 2024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
const handle = await openDatabase({ dataDir: 'memory://' });
await migrateToLatest(handle.db as never);
let t = performance.now();
const loaded = await loadSyntheticAuthority(handle.db, { laCode, from: year - 5, to: year, seed: 1, visits });
const rows = Object.values(loaded.rowCounts).reduce((a, b) => a + b, 0);
console.log(`data: synthetic ${loaded.name} (${laCode}), ${year - 5} to ${year}, ${loaded.rowCounts.child} children, ${rows.toLocaleString('en-GB')} rows (loaded in ${((performance.now() - t) / 1000).toFixed(1)} s, PGlite in memory)`);

t = performance.now();
const browser = await launchBrowser();
console.log(`Chromium launch: ${(performance.now() - t).toFixed(0)} ms`);

const out = examples ?? mkdtempSync(join(tmpdir(), 'csc-reports-bench-'));
mkdirSync(out, { recursive: true });
const results: { id: string; median: number; times: number[]; bytes: number; pages: number }[] = [];
for (const id of Object.keys(TEMPLATES)) {
  const times: number[] = [];
  let bytes = 0;
  let file = '';
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    const report = await generateReport(handle.db, { template: id, laCode, year, format: 'pdf', browser, generatedOn: '2024-06-30' });
    times.push(performance.now() - t);
    bytes = report.content.length;
    file = join(out, `${id}.pdf`);
    writeFileSync(file, report.content);
  }
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1] ?? 0);
  if (examples) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(out, id)]);
  results.push({ id, median: median(times), times, bytes, pages });
  console.log(`${id.padEnd(11)} median ${(median(times) / 1000).toFixed(2)} s  runs ${times.map((x) => (x / 1000).toFixed(2)).join(', ')} s  ${pages} pages  ${(bytes / 1024).toFixed(0)} KiB`);
}
await browser.close();

// where the time goes: the indicator computations behind the reports
const ids = [...new Set(Object.values(TEMPLATES).flatMap((tpl) => indicatorsOf(tpl).ids))];
const slow: [string, number][] = [];
for (const id of ids) {
  t = performance.now();
  try {
    await computeIndicators(handle.db, { laCode, years: [2019, 2020, 2021, 2022, 2023, 2024], indicators: [id] });
  } catch {
    // reported by the report itself
  }
  slow.push([id, performance.now() - t]);
}
slow.sort((a, b) => b[1] - a[1]);
console.log(`slowest indicators (6 years, one query each): ${slow.slice(0, 8).map(([id, ms]) => `${id} ${(ms / 1000).toFixed(2)} s`).join(', ')}`);
console.log(`all ${ids.length} indicators: ${(slow.reduce((s, [, ms]) => s + ms, 0) / 1000).toFixed(1)} s`);
await handle.close();
