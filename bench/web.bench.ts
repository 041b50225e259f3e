/**
 * Web app benchmark: time until the overview is interactive (every panel loaded) in Chromium,
 * cold (fresh browser profile: nothing cached) and warm (reload in the same profile), for a
 * synthetic authority; and the size of the JavaScript the browser downloads.
 *
 *   npx tsx bench/web.bench.ts [--la 330] [--from 2021] [--to 2025] [--runs 7]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openMigrated } from '../src/db/index.js';
import { prepareDemo } from '../test/web/demo.js';
import { buildWebApp, launchBrowser, settle, signIn, startApp, WEB_DIST } from '../test/web/harness.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const dir = `${WEB_DIST}assets/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file) => {
      const content = readFileSync(`${dir}${file}`);
      return { file, bytes: content.length, gzip: gzipSync(content).length };
    });
}

async function main(): Promise<void> {
  const la = arg('la', '330');
  const runs = Number(arg('runs', '7'));
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  await buildWebApp({ force: true });
  const sizes = bundleSizes();
  for (const s of sizes) console.log(`  ${s.file.padEnd(32)} ${(s.bytes / 1024).toFixed(1).padStart(8)} kB  gzip ${(s.gzip / 1024).toFixed(1).padStart(7)} kB`);
  const js = sizes.filter((s) => s.file.endsWith('.js'));
  const entry = js.filter((s) => s.file.startsWith('index-'));
  const sum = (list: typeof sizes, key: 'bytes' | 'gzip') => list.reduce((a, s) => a + s[key], 0) / 1024;
  console.log(`JS total ${sum(js, 'bytes').toFixed(1)} kB (gzip ${sum(js, 'gzip').toFixed(1)} kB); loaded by the overview ${sum(entry, 'bytes').toFixed(1)} kB (gzip ${sum(entry, 'gzip').toFixed(1)} kB)`);

  const handle = await openMigrated({ dataDir: 'memory://' });
  const started = Date.now();
  const demo = await prepareDemo(handle.db, { laCode: la, from: Number(arg('from', '2021')), to: Number(arg('to', '2025')) });
  // (The overview shows the last generated year, so that its indicators have data.)
  const children = await handle.db.selectFrom('child').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', demo.la).executeTakeFirstOrThrow();
  console.log(`Data: ${demo.synthetic ? `synthetic ${demo.name}` : 'test fixture'} (${demo.la}), ${Number(children.n)} children, generated in ${((Date.now() - started) / 1000).toFixed(0)} s (PGlite in memory)`);
  const app = await startApp(handle.db);
  const launched = await launchBrowser();
  if ('reason' in launched) throw new Error(launched.reason);
  const { browser } = launched;
  const to = Number(arg('to', '2025'));
  const overview = `${app.baseUrl}/?la=${demo.la}&year=${to}`;
  try {
    // Sign in once (on a page without indicators, so the server's cache stays empty); cold runs
    // start a fresh profile holding only the session cookie. The first cold run also pays for
    // the server computing the indicators; later runs get them from its per-authority cache.
    const login = await browser.newContext();
    const loginPage = await login.newPage();
    await signIn(loginPage, app.baseUrl, demo.users.find((u) => u.role === 'performance_analyst')!, `/data?la=${demo.la}`);
    const storageState = await login.storageState();
    await login.close();

    const interactiveAt = async (page: Page) => {
      await settle(page);
      return page.evaluate(() => performance.now());
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(overview);
      cold.push(await interactiveAt(page));
      await page.reload();
      warm.push(await interactiveAt(page));
      await context.close();
    }
    const fmt = (values: number[]) => `median ${median(values).toFixed(0)} ms (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`;
    console.log(`Overview time to interactive, first load (browser and server cold): ${cold[0]!.toFixed(0)} ms`);
    cold.shift();
    console.log(`Overview time to interactive, cold browser (server cache warm): ${fmt(cold)}`);
    console.log(`Overview time to interactive, warm: ${fmt(warm)}`);

    // Forecasts page: the first visit runs the forecast on the server (a job with progress);
    // later visits get it from the per-authority cache. CPU is this process's (server + driver).
    const forecastRuns = Number(arg('forecast-runs', '300'));
    const forecastUrl = `${app.baseUrl}/forecasts?la=${demo.la}&years=3&runs=${forecastRuns}`;
    const shown: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < Math.max(2, Math.min(runs, 4)); i++) {
      const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(forecastUrl);
      await page.getByTestId('forecast-basis').or(page.locator('[data-state="error"], [data-state="no-data"]')).first().waitFor({ timeout: 600_000 });
      shown.push(Date.now() - start);
      if (i === 0) {
        const used = process.cpuUsage(cpu);
        console.log(`Forecast (${forecastRuns} runs, 3 years) first shown after ${shown[0]} ms; CPU in this process ${((used.user + used.system) / 1000).toFixed(0)} ms`);
      }
      await context.close();
    }
    shown.shift();
    console.log(`Forecast page again (cached): ${fmt(shown)}`);
  } finally {
    await browser.close();
    await app.close();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
