/**
 * The web app in a real browser against the real server: sign in as each role, visit every
 * page, check the numbers shown equal the API's (and the hand-counted fixture), and run axe-core.
 * Needs Debian's Chromium: fails in CI (CSC_REQUIRE_BROWSER) if missing, otherwise skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser-suite.js';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURE_LA, FIXTURE_TODAY } from './fixture.js';
import { monthBefore } from '../../web/src/layout/year.js';
import { FUNNEL, OVERVIEW_KEY_INDICATORS } from '../../web/src/pages/page-indicators.js';
import { CHROMIUM_PATH, demoUsers, runAxe, settle, signIn, WEB_PAGES } from './harness.js';

const haveBrowser = existsSync(CHROMIUM_PATH);
if (!haveBrowser) {
  if (process.env.CSC_REQUIRE_BROWSER) throw new Error(`CSC_REQUIRE_BROWSER is set but Chromium is missing at ${CHROMIUM_PATH}.`);
  console.warn(`Skipping browser tests: Chromium is not installed at ${CHROMIUM_PATH}.`);
}

const users = demoUsers(FIXTURE_LA, { worker: 'W1', iroWorker: 'W3', team: 'T1', service: 'Safeguarding' });
const userFor = (role: string) => users.find((u) => u.role === role)!;
/** Roles that browse on a tablet (768 px): their pages must not scroll sideways. */
const TABLET_ROLES = new Set(['service_manager', 'iro']);
/** Roles whose pages together show every kind of panel (cards and drill-downs, worker tables, uploads, refusals): axe runs on all their pages. */
const AXE_ROLES = new Set(['performance_analyst', 'team_manager', 'administrator']);

describe.skipIf(!haveBrowser)('web app in Chromium', () => {
  const suite = browserSuite(users);

  async function signedIn(role: string, path = '/', width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, suite.app.baseUrl, userFor(role), path);
    await settle(page);
    return { context, page };
  }

  it('shows the sign-in page, refuses a wrong password and passes axe', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.app.baseUrl}/child-protection?la=${FIXTURE_LA}`);
    await page.getByRole('heading', { name: 'Sign in to CSC Workbench' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel('Email address').fill(userFor('finance').email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not right');
    await context.close();
  });

  it('shows today\'s counts equal to the API and to the hand count (analyst)', async () => {
    const { context, page } = await signedIn('performance_analyst');
    const api = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/summary`)).json()) as Record<string, number> & { date: string };
    for (const key of ['openCin', 'onCpPlan', 'lookedAfter'] as const) {
      const shown = await page.locator(`[data-summary="${key}"] .stage-value`).getAttribute('data-value');
      expect(Number(shown)).toBe(api[key]);
      expect(Number(shown)).toBe(FIXTURE_TODAY[key]);
    }
    // What changed since last month: the same route a month earlier; the fixture's cases were all open then too.
    const monthAgo = monthBefore(String(api.date));
    const before = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/summary?date=${monthAgo}`)).json()) as Record<string, number>;
    for (const key of ['openCin', 'onCpPlan', 'lookedAfter'] as const) {
      const changeShown = page.locator(`[data-summary="${key}"] [data-change]`);
      await changeShown.waitFor();
      expect(Number(await changeShown.getAttribute('data-change'))).toBe(api[key]! - before[key]!);
      expect(await changeShown.textContent()).toBe(`no change since ${monthAgo}`);
    }
    await context.close();
  });

  it('shows the funnel and indicator cards with the API\'s values (analyst)', async () => {
    const year = 2026;
    const { context, page } = await signedIn('performance_analyst', `/?la=${FIXTURE_LA}&year=${year}`);
    const ids = FUNNEL.map((s) => s.id);
    const api = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/indicators?years=${year}&ids=${ids.join(',')}`)).json()) as { items: { id: string; value: number | null }[] };
    expect(api.items.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const result of api.items) {
      const shown = await page.locator(`.funnel li[data-indicator="${result.id}"] .stage-value`).getAttribute('data-value');
      expect(shown === '' ? null : Number(shown), result.id).toBe(result.value);
    }
    // Cards: the value attribute equals the API's for the same year.
    const cards = await page.locator('article.card[data-indicator] [data-value]').evaluateAll((nodes) => nodes.map((n) => [n.closest('article')!.getAttribute('data-indicator'), n.getAttribute('data-value')]));
    expect(cards.length).toBe(OVERVIEW_KEY_INDICATORS.length);
    const cardApi = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/indicators?years=${year}&ids=${OVERVIEW_KEY_INDICATORS.join(',')}`)).json()) as { items: { id: string; value: number | null }[] };
    for (const [id, shown] of cards) expect(shown === '' ? null : Number(shown), id!).toBe(cardApi.items.find((r) => r.id === id)!.value);
    await context.close();
  });

  it('draws a chart whose table alternative, CSV and PNG hold the API\'s numbers (team manager)', async () => {
    const { context, page } = await signedIn('team_manager', `/caseloads?la=${FIXTURE_LA}`);
    const api = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/summary`)).json()) as { teams: { name: string; workers: number; allocatedChildren: number }[] };
    const figure = page.getByRole('figure', { name: /Children allocated by team/ });
    await figure.locator('.chart[data-rendered="true"]').waitFor();
    const png = page.waitForEvent('download');
    await figure.getByRole('button', { name: /Download PNG/ }).click();
    const pngBytes = readFileSync(await (await png).path());
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

    await figure.getByRole('button', { name: /Show as table/ }).click();
    const cells = await figure.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent)));
    expect(cells).toEqual(api.teams.map((t) => [t.name, String(t.workers), String(t.allocatedChildren), String(t.workers ? Math.round((10 * t.allocatedChildren) / t.workers) / 10 : '–')]));
    // Hand count from the fixture: T1 has W1 holding C1; T2 has W2 (holding C2) and the IRO W3.
    expect(cells).toEqual([['Safeguarding North', '1', '1', '1'], ['Children in Care', '2', '1', '0.5']]);

    const csv = page.waitForEvent('download');
    await figure.getByRole('button', { name: /Download CSV/ }).click();
    const text = readFileSync(await (await csv).path(), 'utf8');
    expect(text).toBe('\ufeffTeam,Workers,Children allocated,Children per worker\r\nSafeguarding North,1,1,1\r\nChildren in Care,2,1,0.5\r\n');
    await context.close();
  });

  it('drills down to the children a social worker may see, with a server-made XLSX', async () => {
    const { context, page } = await signedIn('social_worker', `/children?la=${FIXTURE_LA}&status=cp&indicator=CPP-01`);
    const api = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/children?status=cp`)).json()) as { total: number; items: { childId: string }[] };
    // W1 holds C1, the one child on a plan; the other children are outside the worker's scope.
    expect(api.items.map((c) => c.childId)).toEqual(['C1']);
    const table = page.getByRole('table', { name: /Children/ });
    expect(await table.locator('caption').textContent()).toBe(`Children (${api.total})`);
    expect(await table.locator('tbody tr td').first().textContent()).toBe('C1');
    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download XLSX (whole list)' }).click();
    expect(readFileSync(await (await xlsx).path()).subarray(0, 2).toString()).toBe('PK');
    expect((await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  it('keeps filters in the URL across navigation (shareable links)', async () => {
    const { context, page } = await signedIn('performance_analyst', `/?la=${FIXTURE_LA}&year=2024`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children in care' }).click();
    await page.getByRole('heading', { level: 1, name: 'Children in care' }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2024');
    expect(await page.getByLabel('Year ending 31 March').inputValue()).toBe('2024');
    await page.getByLabel('Year ending 31 March').selectOption('2023');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
    await context.close();
  });

  it('puts focus on the content after sign-in and starts each page with a skip link (keyboard users)', async () => {
    const { context, page } = await signedIn('finance', `/?la=${FIXTURE_LA}`);
    // Right after signing in, focus sits on the page's content, not lost with the removed form.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.reload();
    await settle(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('shows a readable error for a refused upload, and writes nothing (administrator)', async () => {
    const { context, page } = await signedIn('administrator', `/data?la=${FIXTURE_LA}`);
    const before = await suite.t.db.selectFrom('import_batch').select('batch_id').execute();
    await page.getByLabel('Files (XML, CSV or XLSX)').setInputFiles({ name: 'episodes;1.csv', mimeType: 'text/csv', buffer: Buffer.from('CHILD,DECOM\n1,not-a-date\n') });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const report = page.locator('[data-state="import-error"]');
    await report.waitFor();
    expect(await report.textContent()).toContain('episodes;1.csv');
    expect(await report.textContent()).toContain('Nothing was written');
    expect(await suite.t.db.selectFrom('import_batch').select('batch_id').execute()).toEqual(before);
    await context.close();
  });

  for (const role of users.map((u) => u.role)) {
    it(`lets a ${role} visit every page${TABLET_ROLES.has(role) ? ' on a tablet' : ''} without errors${AXE_ROLES.has(role) ? ' or serious accessibility problems' : ''}`, async () => {
      const width = TABLET_ROLES.has(role) ? 768 : 1280;
      const { context, page } = await signedIn(role, `/?la=${FIXTURE_LA}`, width);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const target of WEB_PAGES) {
        // Client-side navigation, as a user would: the filters travel in the URL.
        await nav.getByRole('link', { name: target.heading, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
        expect(new URL(page.url()).pathname).toBe(target.path);
        expect(new URL(page.url()).searchParams.get('la')).toBe(FIXTURE_LA);
        await settle(page);
        // No generic failures: every panel is data, "not available yet" or "not for your role".
        const failures = await page.locator('[data-state="error"]').allTextContents();
        expect(failures, `${role} on ${target.path}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${role} on ${target.path} at ${width} px`).toBeLessThanOrEqual(width);
        if (AXE_ROLES.has(role)) {
          const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(serious, `${role} on ${target.path}`).toEqual([]);
        }
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
