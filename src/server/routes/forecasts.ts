import { sql } from 'kysely';
import { z } from 'zod';
import {
  costsFromRows, defaultPlacementCategoryOf, DEFAULT_INFLATION, DEFAULT_PLACEMENT_CATEGORIES, forecastAuthority, ForecastRequestError,
  lastCareDate, loadPlacementCosts, parseScenario, ScenarioError, toCsv, toXlsx,
  type AuthorityForecast, type FanPoint, type Quantiles, type Scenario, type Table, type WeeklyCost,
} from '../../forecast/index.js';
import { groupOf, ssda903 } from '../../model/code-lists/index.js';
import { collectionYearBounds, collectionYearOf, toDayNumber } from '../../calendar/index.js';
import { FORECAST_RULE } from '../access/route-rules.js';
import { AGGREGATE_ROLES } from '../access/roles.js';
import { today } from '../access/child-scope.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import type { ApiApp, ServerContext } from '../context.js';
import { laCodeParam, sendCachedJson } from './common.js';
import { JobTable, sendJob, type JobProgress } from '../jobs.js';

/**
 * Forecasts of children in care (by placement and legal status), CP and CIN, weekly and annual
 * placement cost and posts (src/forecast forecastAuthority), and scenarios against the
 * baseline; and placements on a day with their weekly cost. A forecast takes seconds, so each is a job: the first request starts it and answers 202 with its
 * progress; the same request (or GET …/forecasts/jobs/:jobId) answers 200 with the result
 * once done. Results are kept per authority + options + a fingerprint of the care data, so a
 * repeat costs a map lookup and an import of new data starts a fresh forecast.
 */

// ---------------------------------------------------------------------------------------------
// Forecasts and scenarios through src/forecast's server API (forecastAuthority)
// ---------------------------------------------------------------------------------------------

interface ForecastOptions {
  years: number;
  runs: number;
  inflation: number;
}

/** What the forecast reads changes → the fingerprint changes → a new job (imports included). */
async function dataFingerprint(context: ServerContext, laCode: string): Promise<string> {
  const result = await sql<{ episodes: number; last_start: string | null; last_end: string | null; costs: number; plans: number }>`
    SELECT (SELECT count(*) FROM cla_episode WHERE la_code = ${laCode}) AS episodes,
           (SELECT max(decom) FROM cla_episode WHERE la_code = ${laCode}) AS last_start,
           (SELECT max(dec) FROM cla_episode WHERE la_code = ${laCode}) AS last_end,
           (SELECT count(*) FROM placement_cost WHERE la_code = ${laCode}) AS costs,
           (SELECT count(*) FROM cp_plan WHERE la_code = ${laCode}) + (SELECT count(*) FROM cin_plan WHERE la_code = ${laCode}) AS plans`.execute(context.db);
  const row = result.rows[0]!;
  return [row.episodes, row.last_start, row.last_end, row.costs, row.plans].join('|');
}

/** No care records, nothing to forecast: say so at once rather than start a job that fails. Returns the last care date. */
async function requireCareData(context: ServerContext, laCode: string): Promise<string> {
  const last = await lastCareDate(context.db, [laCode]);
  if (!last) throw new ApiError(422, 'no_care_data', `Authority ${laCode} has no children looked after episodes yet: there is nothing to forecast from. Import SSDA903 data first.`);
  return last;
}

/** The forecast start: the end of the last collection year in the data, or the last date if that year is not over. */
export function forecastOrigin(lastDate: string, onDay: string): string {
  const yearEnd = collectionYearBounds(collectionYearOf(lastDate)).end;
  return yearEnd <= onDay ? yearEnd : lastDate;
}

async function runAuthority(context: ServerContext, laCode: string, origin: string, options: ForecastOptions, scenario: Scenario | null, inflation: number, progress: (p: JobProgress) => void): Promise<AuthorityForecast> {
  try {
    return await forecastAuthority(context.db, laCode, {
      origin, horizonYears: options.years, runs: options.runs, inflation, scenario, seed: 1,
      onProgress: (p) => progress({ stage: p.stage, done: p.done, total: p.total, fraction: p.fraction }),
    });
  } catch (error) {
    if (error instanceof ForecastRequestError) throw new ApiError(error.status === 404 ? 422 : 400, error.status === 404 ? 'no_care_data' : 'invalid_request', error.message);
    throw error;
  }
}

const round = (n: number | null | undefined, dp = 1) => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 10 ** dp) / 10 ** dp : null);
/** The quantiles alone, rounded (other fields are added by the caller, in column order). */
function roundQ(q: Quantiles, dp = 1) {
  return { mean: round(q.mean, dp), p025: round(q.p025, dp), p10: round(q.p10, dp), p25: round(q.p25, dp), p50: round(q.p50, dp), p75: round(q.p75, dp), p90: round(q.p90, dp), p975: round(q.p975, dp) };
}
const named = (name: string, points: readonly FanPoint[]) => points.map((p) => ({ date: p.date, series: name, ...roundQ(p) }));

/** The baseline forecast as the page reads it (rounded for display; downloads hold the same). */
function forecastView(f: AuthorityForecast) {
  return {
    origin: f.origin, years: f.horizonYears, runs: f.runs, inflation: f.cost.inflation,
    childrenInCare: f.children.total[0]?.p50 ?? 0,
    categories: f.children.byPlacement.map((s) => s.name),
    legalStatuses: f.children.byLegalStatus.map((s) => s.name),
    children: [...named('total', f.children.total), ...f.children.byPlacement.flatMap((s) => named(s.name, s.points))],
    legalStatus: f.children.byLegalStatus.flatMap((s) => named(s.name, s.points)),
    weeklyCost: f.cost.perWeek.map((p) => ({ date: p.date, ...roundQ(p, 0) })),
    annualCost: f.cost.perYear.map((p) => ({ year: p.year, ...roundQ(p, 0) })),
    categoryCosts: f.cost.unitCosts.map((c) => ({ ...c, weeklyAtStart: round(c.weeklyAtStart, 0) })),
    cp: f.cp?.map((p) => ({ date: p.date, ...roundQ(p) })) ?? null,
    cin: f.cin?.map((p) => ({ date: p.date, ...roundQ(p) })) ?? null,
    posts: f.posts.map((p) => ({ date: p.date, role: p.role, standard: p.standard, ...roundQ(p) })),
    flows: f.flows.map((p) => ({ year: p.year, flow: p.flow, ...roundQ(p) })),
    quality: f.quality,
  };
}

/**
 * Baseline against scenario. Same price inflation: one forecast, and the saving each year is the
 * run-by-run difference (same simulated futures, so most chance variation cancels). A different
 * inflation for the scenario: baseline and scenario are two forecasts with the same seed, and the
 * saving is the difference of their means and medians (no range).
 */
function scenarioView(main: AuthorityForecast, separateBaseline: AuthorityForecast | null, scenario: Scenario | null, baselineInflation: number) {
  const baselineTotal = separateBaseline?.children.total ?? main.baseline?.total ?? main.children.total;
  const baselineYears = separateBaseline?.cost.perYear ?? main.baseline?.costPerYear ?? main.cost.perYear;
  const differences = (main.comparison ?? []).filter((c) => c.measure === 'placement spend £');
  const spend = main.cost.perYear.map((scen, y) => {
    const base = baselineYears[y]!;
    const d = separateBaseline ? undefined : differences[y]?.difference;
    // difference = scenario − baseline; a saving is its negative (so the range's ends swap).
    const saving = d
      ? { mean: round(-d.mean, 0), p025: round(-d.p975, 0), p50: round(-d.p50, 0), p975: round(-d.p025, 0) }
      : { mean: round(base.mean - scen.mean, 0), p025: null, p50: round(base.p50 - scen.p50, 0), p975: null };
    return { year: scen.year, baseline: roundQ(base, 0), scenario: roundQ(scen, 0), saving, paired: d !== undefined };
  });
  const explanations = [...(main.scenario?.explanations ?? [])];
  if (main.cost.inflation !== baselineInflation) {
    explanations.push(`Placement prices rise ${round(main.cost.inflation * 100, 1)}% a year instead of ${round(baselineInflation * 100, 1)}%.`);
  }
  return {
    origin: main.origin, years: main.horizonYears, runs: main.runs,
    scenario: scenario ?? { name: 'price inflation', description: '', changes: [] },
    baselineInflation, scenarioInflation: main.cost.inflation, explanations,
    children: main.children.total.map((p, k) => ({ date: p.date, baseline: roundQ(baselineTotal[k]!), scenario: roundQ(p) })),
    spend,
    // Means add up over the years (medians do not), so the total saving is a mean.
    totalSaving: { mean: round(spend.reduce((sum, r) => sum + (r.saving.mean ?? 0), 0), 0) },
  };
}

type ForecastView = ReturnType<typeof forecastView>;
type ScenarioView = ReturnType<typeof scenarioView>;

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

const forecastQuery = z.object({
  years: z.coerce.number().int().min(1).max(5).default(3),
  runs: z.coerce.number().int().min(20).max(2000).default(300),
  inflation: z.coerce.number().min(0).max(0.2).default(DEFAULT_INFLATION),
});

const jobParams = laCodeParam.extend({ jobId: z.string().uuid('must be a job id') });
const downloadQuery = z.object({ format: z.enum(['csv', 'xlsx']), table: z.string().max(40).optional() });

const scenarioBody = z.object({
  years: z.number().int().min(1).max(5).default(3),
  runs: z.number().int().min(20).max(2000).default(300),
  inflation: z.number().min(0).max(0.2).default(DEFAULT_INFLATION),
  /** Placement price inflation a year in the scenario (default: the baseline's). */
  scenarioInflation: z.number().min(0).max(0.2).optional(),
  /** A scenario as src/forecast reads it ({ name, description, changes }); optional when only inflation changes. */
  scenario: z.unknown().optional(),
});

type JobResult =
  | { kind: 'forecast'; origin: string; forecast: AuthorityForecast; view: ForecastView }
  | { kind: 'scenario'; origin: string; forecast: AuthorityForecast; view: ScenarioView };

function checkCategories(scenario: Scenario): void {
  const known = DEFAULT_PLACEMENT_CATEGORIES as readonly string[];
  for (const [i, change] of scenario.changes.entries()) {
    for (const field of ['category', 'fromCategory', 'toCategory'] as const) {
      const value = (change as Record<string, unknown>)[field];
      if (typeof value === 'string' && !known.includes(value)) {
        throw badRequest(`scenario: changes.${i}.${field}: ${JSON.stringify(value)} is not a placement category (${known.join(', ')}).`);
      }
    }
  }
}

/** The tables behind a download: the same numbers the page shows. */
function tablesOf(result: JobResult): Table[] {
  if (result.kind === 'scenario') {
    const view = result.view;
    return [
      { name: 'children', rows: view.children },
      { name: 'spend and saving', rows: view.spend },
      { name: 'how', rows: view.explanations.map((text) => ({ scenario: view.scenario.name, text })) },
    ];
  }
  const v = result.view;
  const yearEnds = new Set(v.posts.map((p) => p.date));
  const tables: Table[] = [
    { name: 'children', rows: v.children },
    { name: 'year ends', rows: v.children.filter((r) => yearEnds.has(r.date)) },
    { name: 'legal status', rows: v.legalStatus },
    { name: 'weekly cost', rows: v.weeklyCost },
    { name: 'spend', rows: v.annualCost },
    { name: 'costs', rows: v.categoryCosts },
    { name: 'posts', rows: v.posts },
    { name: 'flows', rows: v.flows },
  ];
  if (v.cp) tables.push({ name: 'cp plans', rows: v.cp });
  if (v.cin) tables.push({ name: 'cin plans', rows: v.cin });
  tables.push({ name: 'data quality', rows: v.quality });
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Placements on a day and their weekly cost
// ---------------------------------------------------------------------------------------------

const costQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD') });

/**
 * Children looked after on `date` by placement type (PLACE) and provider, each at the weekly
 * cost of its placement category and provider (the authority's placement_cost rows, else the
 * published defaults), uprated by the default inflation from the price date to `date`.
 */
async function placementCosts(context: ServerContext, laCode: string, date: string) {
  const [placements, rows] = await Promise.all([
    context.db.selectFrom('cla_episode').select(['place', 'place_provider', (eb) => eb.fn.countAll<number>().as('children')])
      .where('la_code', '=', laCode).where('decom', '<=', date).where((eb) => eb.or([eb('dec', 'is', null), eb('dec', '>', date)]))
      // Short breaks are not placements of children looked after at a date (as the CLA indicators).
      .where('legal_status', 'not in', ['V3', 'V4'])
      .groupBy(['place', 'place_provider']).execute(),
    loadPlacementCosts(context.db, laCode),
  ]);
  const costs = costsFromRows(rows, date, DEFAULT_PLACEMENT_CATEGORIES);
  const uprate = (c: WeeklyCost) => c.weekly * Math.pow(1 + DEFAULT_INFLATION, (toDayNumber(date) - toDayNumber(c.priceDate)) / 365.25);
  const byType = new Map<string, { placementType: string; category: string | null; children: number; weeklyCost: number; costed: number; sources: Set<string> }>();
  for (const p of placements) {
    const category = defaultPlacementCategoryOf(p.place) ?? null;
    const provider = p.place_provider ? groupOf(ssda903.PLACE_PROVIDER, p.place_provider) : undefined;
    const own = costs.filter((c) => c.category === category);
    const cost = own.find((c) => c.provider === provider) ?? own.find((c) => c.provider === 'any') ?? own[0];
    const row = byType.get(p.place) ?? { placementType: p.place, category, children: 0, weeklyCost: 0, costed: 0, sources: new Set<string>() };
    row.children += Number(p.children);
    if (cost) {
      row.weeklyCost += Number(p.children) * uprate(cost);
      row.costed += Number(p.children);
      row.sources.add(cost.source);
    }
    byType.set(p.place, row);
  }
  const items = [...byType.values()].sort((a, b) => b.children - a.children || a.placementType.localeCompare(b.placementType)).map((r) => ({
    placementType: r.placementType, category: r.category, children: r.children,
    averageWeeklyCost: r.costed ? Math.round(r.weeklyCost / r.costed) : null,
    weeklyCost: r.costed ? Math.round(r.weeklyCost) : null,
    placeholder: [...r.sources].some((s) => s.startsWith('PLACEHOLDER')),
    sources: [...r.sources],
  }));
  return {
    date, inflation: DEFAULT_INFLATION, items,
    totalChildren: items.reduce((n, r) => n + r.children, 0),
    totalWeeklyCost: items.reduce((n, r) => n + (r.weeklyCost ?? 0), 0),
    localCosts: rows.length > 0,
  };
}

export function registerForecastRoutes(app: ApiApp, context: ServerContext): void {
  const jobs = new JobTable<JobResult>();

  app.get('/api/authorities/:laCode/placement-costs', {
    config: { rule: { access: 'roles', roles: AGGREGATE_ROLES, authorityParam: true } },
    schema: { tags: ['forecasts'], params: laCodeParam, querystring: costQuery },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const { date } = request.query;
    return sendCachedJson(reply, context.cache, laCode, `placement-costs:${date}`, () => placementCosts(context, laCode, date));
  });

  app.get('/api/authorities/:laCode/forecasts', {
    config: { rule: FORECAST_RULE },
    schema: { tags: ['forecasts'], params: laCodeParam, querystring: forecastQuery },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const options = request.query;
    const origin = forecastOrigin(await requireCareData(context, laCode), today());
    const key = `forecast|${laCode}|${origin}|${options.years}|${options.runs}|${options.inflation}|${await dataFingerprint(context, laCode)}`;
    const job = jobs.start(laCode, key, async (progress) => {
      const forecast = await runAuthority(context, laCode, origin, options, null, options.inflation, progress);
      return { kind: 'forecast', origin, forecast, view: forecastView(forecast) };
    });
    return sendJob(reply, job, (r) => r.view);
  });

  app.post('/api/authorities/:laCode/forecasts/scenarios', {
    config: { rule: FORECAST_RULE },
    schema: { tags: ['forecasts'], params: laCodeParam, body: scenarioBody },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const body = request.body;
    let scenario: Scenario | null = null;
    if (body.scenario !== undefined) {
      try {
        scenario = parseScenario(body.scenario, 'scenario');
      } catch (error) {
        if (error instanceof ScenarioError) throw badRequest(error.message, { issues: error.message.split('\n') });
        throw error;
      }
      checkCategories(scenario);
    }
    const origin = forecastOrigin(await requireCareData(context, laCode), today());
    const scenarioInflation = body.scenarioInflation ?? body.inflation;
    if (!scenario && scenarioInflation === body.inflation) throw badRequest('A scenario needs at least one change: a scenario with changes, or a different placement inflation.');
    const options: ForecastOptions = { years: body.years, runs: body.runs, inflation: body.inflation };
    const key = `scenario|${laCode}|${origin}|${JSON.stringify([options, scenario, scenarioInflation])}|${await dataFingerprint(context, laCode)}`;
    const job = jobs.start(laCode, key, async (progress) => {
      // A different price inflation needs its own baseline run (the same seed, so the same futures).
      const separate = scenarioInflation !== options.inflation;
      const half = (offset: number) => (p: JobProgress) => progress({ ...p, fraction: separate ? offset + (p.fraction ?? 0) / 2 : p.fraction });
      const baseline = separate ? await runAuthority(context, laCode, origin, options, null, options.inflation, half(0)) : null;
      const main = await runAuthority(context, laCode, origin, options, scenario, scenarioInflation, half(separate ? 0.5 : 0));
      return { kind: 'scenario', origin, forecast: main, view: scenarioView(main, baseline, scenario, options.inflation) };
    });
    return sendJob(reply, job, (r) => r.view);
  });

  app.get('/api/authorities/:laCode/forecasts/jobs/:jobId', {
    config: { rule: FORECAST_RULE },
    schema: { tags: ['forecasts'], params: jobParams },
  }, async (request, reply) => {
    const job = jobs.get(request.params.laCode, request.params.jobId);
    if (!job) throw notFound('Forecast job');
    return sendJob(reply, job, (r) => r.view);
  });

  app.get('/api/authorities/:laCode/forecasts/jobs/:jobId/download', {
    config: { rule: FORECAST_RULE },
    schema: { tags: ['forecasts'], params: jobParams, querystring: downloadQuery },
  }, async (request, reply) => {
    const { laCode, jobId } = request.params;
    const job = jobs.get(laCode, jobId);
    if (!job) throw notFound('Forecast job');
    if (job.status !== 'done' || !job.result) throw new ApiError(409, 'job_not_finished', 'The forecast has not finished yet: download it when it is done.', { status: job.status });
    const tables = tablesOf(job.result);
    const { format } = request.query;
    let body: Buffer;
    let name = `${job.result.kind}-${laCode}-${job.result.origin}`;
    if (format === 'xlsx') body = await toXlsx(tables);
    else {
      const table = tables.find((t) => t.name === (request.query.table ?? tables[0]!.name));
      if (!table) throw badRequest(`No table ${JSON.stringify(request.query.table)}: choose one of ${tables.map((t) => t.name).join(', ')}.`);
      body = Buffer.from(toCsv(table), 'utf8');
      name += `-${table.name.replace(/[^a-z0-9]+/gi, '-')}`;
    }
    await request.audit({ laCode, action: 'export', resource: 'forecast', resourceId: jobId, outcome: 'allowed', details: { format, kind: job.result.kind, tables: tables.length } });
    return reply
      .header('content-disposition', `attachment; filename="${name}.${format}"`)
      .header('cache-control', 'no-store')
      .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
      .send(body);
  });
}
