/**
 * The planning routes over a real database (PGlite or PostgreSQL), sharing one server:
 * forecasts and scenarios (a job answers 202 with progress, then 200 with the result; the
 * numbers on the forecast start are checked against a hand count of the episodes), placement
 * weekly costs, and committee reports (listed, generated, shown as HTML, downloaded as PDF and
 * XLSX, audited; internal reports only for the roles allowed them).
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlacementCategoryOf, type EpisodeRow } from '../../src/forecast/index.js';
import { TEMPLATES } from '../../src/reports/index.js';
import { CARE_ORIGIN, LOCAL_WEEKLY, loadSimulatedCare, openOn } from './care-fixture.js';
import { createFixture, LA, OTHER_LA, type Fixture } from '../server/fixture.js';

const ORIGIN = CARE_ORIGIN;
const WEEKLY = LOCAL_WEEKLY;

let f: Fixture;
let episodes: EpisodeRow[];

type JobAnswer = { jobId: string; status: string; progress: { stage: string; done: number; total: number }; result?: Record<string, unknown> };

/** Polls a job until it is done (the route answers 202 while it runs). */
async function untilDone(headers: Record<string, string>, first: { statusCode: number; json(): unknown }): Promise<JobAnswer> {
  let answer = first.json() as JobAnswer;
  expect([200, 202]).toContain(first.statusCode);
  for (let i = 0; i < 600 && answer.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const next = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts/jobs/${answer.jobId}`, headers });
    expect([200, 202], next.body).toContain(next.statusCode);
    answer = next.json() as JobAnswer;
  }
  expect(answer.status).toBe('done');
  return answer;
}

beforeAll(async () => {
  f = await createFixture({}, ['analyst', 'finance', 'sw', 'tm', 'admin']);
  episodes = await loadSimulatedCare(f.t.db, LA);
}, 120_000);
afterAll(async () => f?.close());

describe('forecast routes', () => {
  let forecast: JobAnswer;

  it('runs the forecast as a job and reports the start as counted by hand', async () => {
    const { headers } = f.as.analyst!;
    const first = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts?years=1&runs=20`, headers });
    expect(first.statusCode).toBe(202);
    expect((first.json() as JobAnswer).progress).toHaveProperty('stage');
    forecast = await untilDone(headers, first);
    const r = forecast.result as {
      origin: string; childrenInCare: number; children: { date: string; series: string; p50: number }[]; legalStatus: { date: string; series: string; p50: number }[];
      categoryCosts: { category: string; weeklyAtStart: number }[]; annualCost: unknown[]; posts: unknown[]; legalStatuses: string[];
    };
    expect(r.origin).toBe(ORIGIN);

    // Hand count: children whose episode is open on the start, by placement category.
    const open = openOn(episodes, ORIGIN);
    const byCategory = new Map<string, number>();
    for (const e of open) byCategory.set(defaultPlacementCategoryOf(e.place)!, (byCategory.get(defaultPlacementCategoryOf(e.place)!) ?? 0) + 1);
    expect(r.childrenInCare).toBe(open.length);
    expect(r.children.find((row) => row.date === ORIGIN && row.series === 'total')!.p50).toBe(open.length);
    for (const [category, n] of byCategory) expect(r.children.find((row) => row.date === ORIGIN && row.series === category)!.p50, category).toBe(n);
    // Every child is in one legal status group on the start (all C2 here: care order).
    const legalOnStart = r.legalStatus.filter((row) => row.date === ORIGIN).reduce((sum, row) => sum + row.p50, 0);
    expect(legalOnStart).toBe(open.length);
    // Local weekly costs priced on the start are used as they are (no uprating on that day).
    for (const c of r.categoryCosts) expect(c.weeklyAtStart, c.category).toBe(WEEKLY[c.category as keyof typeof WEEKLY]);
    expect(r.annualCost).toHaveLength(1);
    expect(r.posts.length).toBeGreaterThan(0);
  }, 120_000);

  it('answers a repeat from the cache with the same job', async () => {
    const again = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts?years=1&runs=20`, headers: f.as.finance!.headers });
    expect(again.statusCode).toBe(200);
    expect((again.json() as JobAnswer).jobId).toBe(forecast.jobId);
  });

  it('downloads the forecast as XLSX and CSV, audited as exports', async () => {
    const { headers } = f.as.analyst!;
    const xlsx = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts/jobs/${forecast.jobId}/download?format=xlsx`, headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['children', 'spend', 'posts']));
    const csv = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts/jobs/${forecast.jobId}/download?format=csv&table=year%20ends`, headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toBe('date,series,mean,p025,p10,p25,p50,p75,p90,p975');
    const audits = await f.t.db.selectFrom('audit_log').select(['action', 'resource']).where('la_code', '=', LA).where('resource', '=', 'forecast').execute();
    expect(audits.filter((a) => a.action === 'export')).toHaveLength(2);
  });

  it('compares a step-down scenario with the baseline: fewer in residential care, a saving', async () => {
    const { headers } = f.as.finance!;
    const body = { years: 1, runs: 20, scenario: { name: 'step down 2', changes: [{ kind: 'move', count: 2, fromCategory: 'residential', toCategory: 'fostering' }] } };
    const first = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/forecasts/scenarios`, headers, payload: body });
    const answer = await untilDone(headers, first);
    const r = answer.result as { explanations: string[]; children: { date: string; baseline: { p50: number }; scenario: { p50: number } }[]; spend: { saving: { mean: number }; paired: boolean }[]; totalSaving: { mean: number } };
    expect(r.spend.every((y) => y.paired)).toBe(true);
    expect(r.explanations.length).toBeGreaterThan(0);
    // On the start nothing has changed yet.
    expect(r.children[0]!.scenario.p50).toBe(r.children[0]!.baseline.p50);
    // A residential week costs 5000, a foster week 700: moving children saves money on average.
    expect(r.totalSaving.mean).toBeGreaterThan(0);
    expect(r.totalSaving.mean).toBeCloseTo(r.spend.reduce((s, y) => s + y.saving.mean, 0), -1);
  }, 120_000);

  it('prices an inflation-only scenario on the same children', async () => {
    const { headers } = f.as.analyst!;
    const first = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/forecasts/scenarios`, headers, payload: { years: 1, runs: 20, inflation: 0.03, scenarioInflation: 0.08 } });
    const answer = await untilDone(headers, first);
    const r = answer.result as { children: { baseline: { p50: number }; scenario: { p50: number } }[]; spend: { baseline: { p50: number; mean: number }; scenario: { p50: number; mean: number }; saving: { mean: number; p50: number; p975: number | null }; paired: boolean }[]; explanations: string[] };
    // Same seed, same children: only the prices differ.
    for (const row of r.children) expect(row.scenario.p50).toBe(row.baseline.p50);
    for (const y of r.spend) {
      expect(y.paired).toBe(false);
      expect(y.saving.p975).toBeNull();
      expect(Math.abs(y.saving.mean - (y.baseline.mean - y.scenario.mean))).toBeLessThanOrEqual(1); // each rounded to £1
      expect(y.saving.mean).toBeLessThan(0); // dearer prices: a cost, not a saving
    }
    expect(r.explanations.join(' ')).toContain('8% a year instead of 3%');
  }, 120_000);

  it('refuses a scenario that names an unknown category, with the field and value', async () => {
    const response = await f.app.inject({
      method: 'POST', url: `/api/authorities/${LA}/forecasts/scenarios`, headers: f.as.analyst!.headers,
      payload: { scenario: { name: 'bad', changes: [{ kind: 'move', count: 3, fromCategory: 'castle', toCategory: 'fostering' }] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('scenario: changes.0.fromCategory: "castle" is not a placement category (fostering, residential, supported, other).');
    const missing = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/forecasts/scenarios`, headers: f.as.analyst!.headers, payload: { scenario: { name: 'x', changes: [{ kind: 'entries' }] } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('changes.0.change');
  });

  it('keeps forecasts to planning roles and their own authority', async () => {
    const sw = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts`, headers: f.as.sw!.headers });
    expect(sw.statusCode).toBe(403);
    const other = await f.app.inject({ method: 'GET', url: `/api/authorities/${OTHER_LA}/forecasts`, headers: f.as.analyst!.headers });
    expect(other.statusCode).toBe(403);
    const unknownJob = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/forecasts/jobs/00000000-0000-4000-8000-000000000000`, headers: f.as.analyst!.headers });
    expect(unknownJob.statusCode).toBe(404);
  });

  it('costs today\'s placements by type at the local weekly costs (hand count)', async () => {
    const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/placement-costs?date=${ORIGIN}`, headers: f.as.sw!.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: { placementType: string; children: number; weeklyCost: number; averageWeeklyCost: number }[]; totalChildren: number; totalWeeklyCost: number; localCosts: boolean };
    const open = openOn(episodes, ORIGIN);
    const byType = new Map<string, number>();
    for (const e of open) byType.set(e.place, (byType.get(e.place) ?? 0) + 1);
    expect(body.totalChildren).toBe(open.length);
    expect(Object.fromEntries(body.items.map((i) => [i.placementType, i.children]))).toEqual(Object.fromEntries(byType));
    let total = 0;
    for (const item of body.items) {
      const weekly = WEEKLY[defaultPlacementCategoryOf(item.placementType) as keyof typeof WEEKLY];
      expect(item.averageWeeklyCost, item.placementType).toBe(weekly);
      expect(item.weeklyCost, item.placementType).toBe(weekly * item.children);
      total += weekly * item.children;
    }
    expect(body.totalWeeklyCost).toBe(total);
    expect(body.localCosts).toBe(true);
    const admin = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/placement-costs?date=${ORIGIN}`, headers: f.as.admin!.headers });
    expect(admin.statusCode).toBe(403);
  });
});

type ReportAnswer = { jobId: string; status: string; progress: { stage: string }; result?: { title: string; yearLabel: string; suppressed: boolean; banner: string | null; sections: string[] } };

async function generate(who: string, payload: object): Promise<ReportAnswer> {
  const { headers } = f.as[who]!;
  const first = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/reports`, headers, payload });
  expect([200, 202], first.body).toContain(first.statusCode);
  let answer = first.json() as ReportAnswer;
  for (let i = 0; i < 600 && answer.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    answer = (await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/reports/jobs/${answer.jobId}`, headers })).json() as ReportAnswer;
  }
  expect(answer.status).toBe('done');
  return answer;
}

describe('report routes', () => {
  it('lists the five templates', async () => {
    const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/reports`, headers: f.as.finance!.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { templates: { id: string; title: string }[]; internalAllowed: boolean };
    expect(body.templates.map((t) => t.id)).toEqual(Object.keys(TEMPLATES));
    expect(body.templates.map((t) => t.title)).toEqual(Object.values(TEMPLATES).map((t) => t.title));
    expect(body.internalAllowed).toBe(false);
  });

  it('generates a public report as HTML, XLSX and PDF, auditing each step', async () => {
    const answer = await generate('tm', { template: 'missing', year: 2024 });
    expect(answer.result!.title).toBe(TEMPLATES.missing.title);
    expect(answer.result!.yearLabel).toBe('2023/24');
    expect(answer.result!.suppressed).toBe(true);
    const { headers } = f.as.tm!;
    const file = (format: string) => f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/reports/jobs/${answer.jobId}/file?format=${format}`, headers });
    const html = await file('html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain(TEMPLATES.missing.title);
    const xlsx = await file('xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="missing-report-${LA}-2024.xlsx"`);
    if (existsSync('/usr/bin/chromium')) {
      const pdf = await file('pdf');
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    }
    const audits = await f.t.db.selectFrom('audit_log').select(['action', 'resource_id']).where('la_code', '=', LA).where('resource', '=', 'report').orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'export', 'export', ...(existsSync('/usr/bin/chromium') ? ['export'] : [])]);
    expect(new Set(audits.map((a) => a.resource_id))).toEqual(new Set(['missing']));
  }, 120_000);

  it('gives internal reports, with their banner, only to the roles allowed them', async () => {
    const refused = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/reports`, headers: f.as.finance!.headers, payload: { template: 'missing', year: 2024, audience: 'internal' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('role_not_permitted');
    const answer = await generate('analyst', { template: 'missing', year: 2024, audience: 'internal' });
    expect(answer.result!.suppressed).toBe(false);
    expect(answer.result!.banner).toContain('INTERNAL');
  }, 120_000);

  it('refuses other roles, other authorities, unknown templates and other authorities\' jobs', async () => {
    const sw = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/reports`, headers: f.as.sw!.headers });
    expect(sw.statusCode).toBe(403);
    const other = await f.app.inject({ method: 'POST', url: `/api/authorities/${OTHER_LA}/reports`, headers: f.as.analyst!.headers, payload: { template: 'missing', year: 2024 } });
    expect(other.statusCode).toBe(403);
    const unknown = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/reports`, headers: f.as.analyst!.headers, payload: { template: 'budget', year: 2024 } });
    expect(unknown.statusCode).toBe(400);
    const job = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/reports/jobs/00000000-0000-4000-8000-000000000000`, headers: f.as.analyst!.headers });
    expect(job.statusCode).toBe(404);
  });
});
