/**
 * Forecasts, scenarios, committee reports and code labels in a real browser against the real
 * server, with children looked after whose history is known: the numbers shown equal the API's
 * and a hand count; each role that differs is checked; axe-core finds no serious problems.
 * Needs Debian's Chromium: fails in CI (CSC_REQUIRE_BROWSER) if missing, otherwise skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { defaultPlacementCategoryOf, type EpisodeRow } from '../../src/forecast/index.js';
import { TEMPLATES } from '../../src/reports/index.js';
import { loadFixtureAuthority } from './fixture.js';
import { CARE_ORIGIN, LOCAL_WEEKLY, loadSimulatedCare, openOn } from './care-fixture.js';
import { buildWebApp, CHROMIUM_PATH, createDemoUsers, demoUsers, launchBrowser, runAxe, settle, signIn, startApp, type RunningApp } from './harness.js';

const haveBrowser = existsSync(CHROMIUM_PATH);
if (!haveBrowser) {
  if (process.env.CSC_REQUIRE_BROWSER) throw new Error(`CSC_REQUIRE_BROWSER is set but Chromium is missing at ${CHROMIUM_PATH}.`);
  console.warn(`Skipping browser tests: Chromium is not installed at ${CHROMIUM_PATH}.`);
}

/** A real DfE code: reports look up the authority's comparators (an unknown code is refused). */
const FIXTURE_LA = '931';
const users = demoUsers(FIXTURE_LA, { worker: 'W1', iroWorker: 'W3', team: 'T1', service: 'Safeguarding' });
const userFor = (role: string) => users.find((u) => u.role === role)!;
const YEAR = 2024;

describe.skipIf(!haveBrowser)('forecasts, scenarios, reports and code labels in Chromium', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let episodes: EpisodeRow[];

  beforeAll(async () => {
    const [, database] = await Promise.all([buildWebApp(), createTestDatabase()]);
    t = database;
    await loadFixtureAuthority(t.db, FIXTURE_LA);
    episodes = await loadSimulatedCare(t.db, FIXTURE_LA);
    await createDemoUsers(t.db, FIXTURE_LA, users);
    app = await startApp(t.db);
    const launched = await launchBrowser();
    if ('reason' in launched) throw new Error(launched.reason);
    browser = launched.browser;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.dispose();
  });

  async function signedIn(role: string, path: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, app.baseUrl, userFor(role), path);
    await settle(page);
    return { context, page, errors };
  }

  /** The API's answer for a job route, polled until done (the same request the page made). */
  async function apiJob<T>(context: BrowserContext, start: () => ReturnType<BrowserContext['request']['get']>): Promise<T> {
    let answer = (await (await start()).json()) as { status: string; jobId: string; result?: T };
    while (answer.status === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      answer = (await (await context.request.get(`${app.baseUrl}/api/authorities/${FIXTURE_LA}/forecasts/jobs/${answer.jobId}`)).json()) as typeof answer;
    }
    return answer.result as T;
  }

  const noSerious = async (page: Page) => (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');

  it('shows the forecast, builds a scenario and downloads both (finance)', async () => {
    const { context, page, errors } = await signedIn('finance', `/forecasts?la=${FIXTURE_LA}&years=1&runs=100`);
    const basis = page.getByTestId('forecast-basis');
    await basis.waitFor({ timeout: 60_000 });
    const api = await apiJob<{ childrenInCare: number; origin: string }>(context, () => context.request.get(`${app.baseUrl}/api/authorities/${FIXTURE_LA}/forecasts?years=1&runs=100`));
    const shown = Number(await basis.locator('[data-value]').getAttribute('data-value'));
    expect(shown).toBe(api.childrenInCare);
    expect(shown).toBe(openOn(episodes, CARE_ORIGIN).length);
    expect(await basis.textContent()).toContain(`Forecast from ${CARE_ORIGIN}`);
    await page.getByRole('figure', { name: /Children looked after: all children/ }).locator('.chart[data-rendered="true"]').waitFor();
    // The fan by placement type or legal status: choosing one redraws the fan for it.
    await page.getByLabel('Show', { exact: true }).selectOption('fostering');
    await page.getByRole('figure', { name: 'Children looked after: fostering' }).waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('care order');
    await page.getByRole('figure', { name: 'Children looked after: care order' }).waitFor();

    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download forecast (XLSX, every table)' }).click();
    expect(readFileSync(await (await xlsx).path()).subarray(0, 2).toString()).toBe('PK');

    // Scenario: step two children down from residential care, entries unchanged.
    await page.getByLabel(/Change in entries to care/).fill('0');
    await page.getByLabel('Children stepped down from residential care to fostering over the period').fill('2');
    await page.getByRole('button', { name: 'Run scenario' }).click();
    const saving = page.getByTestId('scenario-saving');
    await saving.waitFor({ timeout: 60_000 });
    const csrf = ((await (await context.request.get(`${app.baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string }).csrfToken;
    const body = { years: 1, runs: 100, inflation: 0.03, scenarioInflation: 0.03, scenario: { name: 'My scenario', description: '', changes: [{ kind: 'move', count: 2, fromCategory: 'residential', toCategory: 'fostering' }] } };
    const scenarioApi = await apiJob<{ totalSaving: { mean: number } }>(context, () => context.request.post(`${app.baseUrl}/api/authorities/${FIXTURE_LA}/forecasts/scenarios`, { data: body, headers: { 'x-csrf-token': csrf } }));
    expect(Number(await saving.locator('[data-value]').getAttribute('data-value'))).toBe(scenarioApi.totalSaving.mean);
    await page.getByRole('figure', { name: 'Children looked after: baseline and scenario' }).locator('.chart[data-rendered="true"]').waitFor();
    const csv = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download spend and saving (CSV)' }).click();
    expect(readFileSync(await (await csv).path(), 'utf8').split('\n')[0]).toBe('year,baseline.mean,baseline.p025,baseline.p10,baseline.p25,baseline.p50,baseline.p75,baseline.p90,baseline.p975,scenario.mean,scenario.p025,scenario.p10,scenario.p25,scenario.p50,scenario.p75,scenario.p90,scenario.p975,saving.mean,saving.p025,saving.p50,saving.p975,paired');
    expect(await noSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('generates a committee report, shows it and downloads the XLSX annex (analyst)', async () => {
    const { context, page, errors } = await signedIn('performance_analyst', `/reports?la=${FIXTURE_LA}&year=${YEAR}`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Reports', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('radio').count()).toBe(Object.keys(TEMPLATES).length);
    await page.getByLabel(TEMPLATES.missing.title).check();
    await page.getByLabel('Year ending 31 March').selectOption(String(YEAR));
    await page.getByLabel('Audience').selectOption('internal');
    await page.getByRole('button', { name: 'Generate report' }).click();
    const frame = page.frameLocator('iframe.report-frame');
    await page.locator('iframe.report-frame, [data-state="error"]').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-state="error"]').allTextContents()).toEqual([]);
    expect(await frame.locator('body').textContent()).toContain(TEMPLATES.missing.title);
    expect(await page.getByRole('note').filter({ hasText: 'INTERNAL' }).count()).toBeGreaterThan(0);
    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download XLSX annex' }).click();
    expect(readFileSync(await (await xlsx).path()).subarray(0, 2).toString()).toBe('PK');
    expect(await noSerious(page)).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'resource_id']).where('la_code', '=', FIXTURE_LA).where('resource', '=', 'report').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'export', 'export']); // generate, the HTML shown, the XLSX
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('offers finance public reports only, and keeps forecasts and reports from a social worker', async () => {
    const finance = await signedIn('finance', `/reports?la=${FIXTURE_LA}`);
    await finance.page.getByRole('button', { name: 'Generate report' }).waitFor();
    expect(await finance.page.getByLabel('Audience').count()).toBe(0);
    await finance.context.close();

    const sw = await signedIn('social_worker', `/forecasts?la=${FIXTURE_LA}`);
    await sw.page.locator('[data-state="forbidden"]').waitFor();
    expect(await sw.page.getByRole('button', { name: 'Run scenario' }).count()).toBe(0);
    await sw.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await sw.page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await sw.page.locator('[data-state="forbidden"]').waitFor();
    expect(await noSerious(sw.page)).toEqual([]);
    expect(sw.errors).toEqual([]);
    await sw.context.close();
  }, 120_000);

  it('shows placement types by label with their weekly cost, and the total (team manager)', async () => {
    const { context, page, errors } = await signedIn('team_manager', `/children-in-care?la=${FIXTURE_LA}&year=${YEAR}`);
    const total = page.getByTestId('placement-cost-total');
    await total.waitFor();
    const open = openOn(episodes, CARE_ORIGIN);
    const handTotal = open.reduce((sum, e) => sum + LOCAL_WEEKLY[defaultPlacementCategoryOf(e.place) as keyof typeof LOCAL_WEEKLY], 0);
    const api = (await (await context.request.get(`${app.baseUrl}/api/authorities/${FIXTURE_LA}/placement-costs?date=${CARE_ORIGIN}`)).json()) as { totalWeeklyCost: number; items: { placementType: string; children: number }[] };
    expect(api.totalWeeklyCost).toBe(handTotal);
    expect(Number(await total.locator('strong[data-value]').getAttribute('data-value'))).toBe(handTotal);
    // Placement types are labels; the code is in the tooltip and read out after the label.
    const table = page.getByRole('table', { name: 'Placements by type with weekly cost' });
    const first = table.locator('tbody tr').first().locator('[data-code]');
    const code = (await first.getAttribute('data-code'))!;
    expect(api.items.map((i) => i.placementType)).toContain(code);
    expect(await first.getAttribute('title')).toBe(`Code ${code}`);
    expect((await first.textContent())!.startsWith(code)).toBe(false);
    expect(await noSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
