/**
 * In Chromium against the real server: the Data page follows an import job to the end (progress
 * bar, then the outcome and the problem report download), and the Overview's comparison table
 * shows the API's comparators and RAG status.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser-suite.js';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURE_LA } from './fixture.js';
import { OVERVIEW_COMPARED, type ComparedIndicator } from '../../web/src/pages/page-indicators.js';
import { CHROMIUM_PATH, demoUsers, runAxe, settle, signIn } from './harness.js';

const haveBrowser = existsSync(CHROMIUM_PATH);
const users = demoUsers(FIXTURE_LA, { worker: 'W1', iroWorker: 'W3', team: 'T1', service: 'Safeguarding' });
const userFor = (role: string) => users.find((u) => u.role === role)!;
const HEADER = 'Worker ID,Role,Team ID,Team name,Team type,FTE,Agency,Start date,Leave date,Caseload at census date';

describe.skipIf(!haveBrowser)('import jobs and comparators in Chromium', () => {
  const suite = browserSuite(users);

  async function signedIn(role: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, suite.app.baseUrl, userFor(role), path);
    await settle(page);
    return { context, page };
  }

  async function upload(page: Page, name: string, content: string): Promise<void> {
    await page.getByLabel('Files (XML, CSV or XLSX)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
  }

  it('follows an import job to success, and a refused one to its downloadable problem report (administrator)', async () => {
    const { context, page } = await signedIn('administrator', `/data?la=${FIXTURE_LA}`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await upload(page, 'workforce_2024.csv', `${HEADER}\nNEW1,social_worker,T1,Team One,cin,1,N,01/09/2020,,12\n`);
    const ok = page.locator('[data-state="import-ok"]');
    await ok.waitFor();
    expect(await ok.textContent()).toMatch(/Imported workforce_2024\.csv: import batch \d+/);
    expect(await suite.t.db.selectFrom('worker').select('worker_id').where('la_code', '=', FIXTURE_LA).where('worker_id', '=', 'NEW1').executeTakeFirst()).toEqual({ worker_id: 'NEW1' });

    const before = await suite.t.db.selectFrom('import_batch').select('batch_id').execute();
    await upload(page, 'workforce_2023.csv', `${HEADER}\nNEW2,social_worker,T1,Team One,cin,1,N,31/02/2020,,12\n`);
    const failed = page.locator('[data-state="import-failed"]');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Nothing was written');
    expect(await suite.t.db.selectFrom('import_batch').select('batch_id').execute()).toEqual(before);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'download CSV' }).click()]);
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('severity,file,line,column,value,rule,message,expected');
    expect(csv).toContain('workforce_2023.csv,2,Start date,31/02/2020');
    // Both jobs stay listed under Recent uploads, newest first, the refused one with its report.
    const recent = page.locator('section[aria-labelledby="jobs-title"] tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('section[aria-labelledby="jobs-title"] tbody tr').length === 2);
    expect(await recent.nth(0).textContent()).toContain('failed');
    expect(await recent.nth(0).getByRole('link', { name: 'CSV' }).count()).toBe(1);
    expect(await recent.nth(1).textContent()).toContain('succeeded');
    const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows each key indicator beside England, region and neighbours with the API\'s RAG status (analyst)', async () => {
    const year = 2024;
    const { context, page } = await signedIn('performance_analyst', `/?la=${FIXTURE_LA}&year=${year}`);
    await page.getByTestId('comparison-table').waitFor();
    const api = (await (await context.request.get(`${suite.app.baseUrl}/api/authorities/${FIXTURE_LA}/indicators?years=${year}&ids=${OVERVIEW_COMPARED.join(',')}`)).json()) as { items: ComparedIndicator[] };
    const rows = await page.locator('[data-testid="comparison-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-indicator'),
      rag: tr.querySelector('[data-rag]')?.getAttribute('data-rag') ?? null,
      better: tr.querySelectorAll('td')[4]?.textContent,
    })));
    expect(rows.map((r) => r.id)).toEqual(OVERVIEW_COMPARED.filter((id) => api.items.some((i) => i.id === id)));
    for (const row of rows) {
      const item = api.items.find((i) => i.id === row.id)!;
      expect(row.rag, row.id!).toBe(item.rag?.status ?? null);
      expect(row.better, row.id!).toBe(item.higherIsBetter === null ? 'context' : item.higherIsBetter ? 'higher' : 'lower');
    }
    // England is published for every one of them, so some row has a status.
    expect(api.items.some((i) => i.comparators?.england !== null)).toBe(true);
    const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await context.close();
  });
});
