/**
 * Screenshots of every page of the web app, for docs/screenshots/ (linked from the README).
 * Builds the app, generates a demo authority in a throwaway database, starts the real server and
 * photographs each page in Chromium at 1280 px.   Run: npx tsx scripts/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openMigrated } from '../src/db/index.js';
import { prepareDemo } from '../test/web/demo.js';
import { buildWebApp, launchBrowser, settle, signIn, startApp, WEB_PAGES } from '../test/web/harness.js';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const [, handle] = await Promise.all([buildWebApp(), openMigrated({ dataDir: 'memory://' })]);
  const lastYear = 2025;
  const demo = await prepareDemo(handle.db, { from: 2021, to: lastYear });
  // Show the last generated collection year, so that every indicator has data.
  const query = `?la=${demo.la}&year=${lastYear}`;
  const app = await startApp(handle.db);
  const launched = await launchBrowser();
  if ('reason' in launched) throw new Error(launched.reason);
  const { browser } = launched;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await page.getByRole('heading', { name: 'Sign in to CSC Workbench' }).waitFor();
    await page.screenshot({ path: `${OUT}sign-in.png` });
    const analyst = demo.users.find((u) => u.role === 'performance_analyst')!;
    const admin = demo.users.find((u) => u.role === 'administrator')!;
    await signIn(page, app.baseUrl, analyst, `/${query}`);
    for (const target of WEB_PAGES) {
      // The Data page is for administrators; everything else as the analyst, who sees most.
      const p = target.path === '/data' ? await signedInPage(admin) : page;
      await p.goto(`${app.baseUrl}${target.path}${query}`);
      await p.getByRole('heading', { level: 1, name: target.heading }).waitFor();
      await settle(p);
      await p.waitForTimeout(300); // let charts finish drawing
      const file = `${target.path === '/' ? 'overview' : target.path.slice(1)}.png`;
      await p.screenshot({ path: `${OUT}${file}`, fullPage: true });
      console.log(`docs/screenshots/${file}`);
    }
    async function signedInPage(user: typeof admin) {
      const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await signIn(other, app.baseUrl, user, `/${query}`);
      return other;
    }
  } finally {
    await browser.close();
    await app.close();
    await handle.close();
  }
  console.log(`Screenshots of ${demo.synthetic ? `synthetic ${demo.name}` : 'the test fixture'} (${demo.la}) written to docs/screenshots/.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
