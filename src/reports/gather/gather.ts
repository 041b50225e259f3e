/**
 * Reads everything a report needs from the database and the reference data into plain
 * ReportData: indicators from src/metrics (one call per indicator, so one failing indicator
 * shows as "x" rather than sinking the report), caseloads and the capacity plan from
 * src/workload, the CLA forecast from src/forecast, placement costs, and DfE comparators.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { computeIndicators, getIndicator } from '../../metrics/index.js';
import { getAuthority, listRegions } from '../../reference/index.js';
import { capacityPlanAt } from '../../workload/index.js';
import { fanChart, loadCareRows, runForecast } from '../../forecast/index.js';
import type { Capability, ForecastView, IndicatorPoint, ReportData, ReportTemplate, WorkloadView, CaseloadRow } from '../model.js';
import { indicatorsOf } from '../templates/index.js';
import { yearsEnding } from '../build/years.js';
import { benchmarksFor } from './benchmarks.js';
import { placementCostsAt } from './placements.js';

export interface GatherOptions {
  readonly laCode: string;
  readonly year: number;
  /** Date printed as "generated on" (default today, UTC). */
  readonly generatedOn?: string;
  /** Forecast Monte Carlo runs (default 200: enough for an 80% interval in a committee chart). */
  readonly forecastRuns?: number;
}

type Availability = Record<Capability, { available: boolean; reason?: string }>;

function uses(template: ReportTemplate, kind: string): boolean {
  return template.sections.some((s) => s.blocks.some((b) => b.kind === kind));
}

async function gatherIndicators(db: Kysely<Database>, laCode: string, years: number[], template: ReportTemplate): Promise<{ indicators: Record<string, Record<number, IndicatorPoint>>; problems: string[] }> {
  const { ids, breakdownsOf } = indicatorsOf(template);
  const indicators: Record<string, Record<number, IndicatorPoint>> = {};
  const problems: string[] = [];
  for (const id of ids) {
    if (!getIndicator(id)) {
      problems.push(`${id} is not in the indicator library`);
      continue;
    }
    try {
      // only the breakdowns a table shows: each one adds a grouping set to the indicator's query
      const results = await computeIndicators(db, { laCode, years, indicators: [id], breakdowns: (breakdownsOf[id] ?? []) as never });
      indicators[id] = Object.fromEntries(results.map((r) => [r.year, { id: r.id, year: r.year, value: r.value, numerator: r.numerator, denominator: r.denominator, rate: r.rate, breakdowns: r.breakdowns }]));
    } catch (e) {
      problems.push(`${id} could not be computed: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { indicators, problems };
}

function caseloadRow(g: { name: string; teamType: string | null; locality: string | null; caseHolders: number; caseHolderFte: number; cases: number; averagePerWorker: number | null; minPerFte: number | null; maxPerFte: number | null; capacity: number; overCapacity: number; agencyFte: number }): CaseloadRow {
  return {
    team: g.name,
    teamType: g.teamType,
    locality: g.locality,
    caseHolders: g.caseHolders,
    fte: g.caseHolderFte,
    cases: g.cases,
    averagePerWorker: g.averagePerWorker,
    minPerFte: g.minPerFte,
    maxPerFte: g.maxPerFte,
    capacity: g.capacity,
    overCapacity: g.overCapacity,
    agencyFte: g.agencyFte,
  };
}

async function gatherWorkload(db: Kysely<Database>, laCode: string, date: string): Promise<WorkloadView | null> {
  const { summary, plan } = await capacityPlanAt(db, laCode, date);
  if (summary.teams.length === 0) return null;
  const names = new Map(summary.teams.map((t) => [t.key, t.name]));
  return {
    date,
    standards: summary.standards,
    teams: summary.teams.map(caseloadRow),
    total: caseloadRow({ ...summary.total, name: 'All teams' }),
    plan: plan.lines.filter((l) => l.posts > 0).map((l) => ({ team: l.teamId ? (names.get(l.teamId) ?? l.scope) : l.scope, role: l.role, postsNeeded: l.posts, annualCost: l.annualCost })),
    planCost: plan.totalAnnualCost,
  };
}

async function gatherForecast(db: Kysely<Database>, laCode: string, origin: string, runs: number): Promise<ForecastView | null> {
  const care = await loadCareRows(db, [laCode]);
  if (care.episodes.length === 0) return null;
  const report = await runForecast(care, { origin, years: 3, runs, seed: 1, workers: 1 });
  const rows = fanChart(report.baseline).filter((r) => r.series === 'total');
  // quarterly points keep the table short; the chart shape is unchanged
  const points = rows.filter((_, i) => i % 3 === 0 || i === rows.length - 1).map((r) => ({ date: r.date, median: r.p50, low: r.p10, high: r.p90 }));
  return { measure: 'children looked after', interval: '80% interval', points, note: `Monte Carlo projection from ${origin}, ${runs} runs; the band is the 10th to 90th percentile.` };
}

/** Everything one report needs, as plain data. */
export async function gatherReportData(db: Kysely<Database>, template: ReportTemplate, options: GatherOptions): Promise<ReportData & { problems: string[] }> {
  const { laCode, year } = options;
  const la = await db.selectFrom('local_authority').select(['la_code', 'name', 'region_code']).where('la_code', '=', laCode).executeTakeFirst();
  if (!la) throw new Error(`Authority ${laCode} is not in this database (add it with csc la add, or load a synthetic authority).`);
  const ref = getAuthority(laCode);
  const regionCode = la.region_code ?? (ref && ref.kind === 'la' ? ref.regionCode : null);
  const regionName = regionCode ? (listRegions().find((r) => r.code === regionCode)?.name ?? null) : null;
  const years = yearsEnding(year, 6);
  const date = `${year}-03-31`;
  const availability: Availability = { metrics: { available: true }, workload: { available: true }, forecast: { available: true } };
  const problems: string[] = [];

  const { indicators, problems: indicatorProblems } = await gatherIndicators(db, laCode, years, template);
  problems.push(...indicatorProblems);

  let workload: WorkloadView | null = null;
  if (uses(template, 'caseloads') || uses(template, 'capacity')) {
    try {
      workload = await gatherWorkload(db, laCode, date);
    } catch (e) {
      availability.workload = { available: false, reason: (e as Error).message.split('\n')[0] };
    }
  }
  let forecast: ForecastView | null = null;
  if (uses(template, 'forecast')) {
    try {
      forecast = await gatherForecast(db, laCode, date, options.forecastRuns ?? 200);
    } catch (e) {
      availability.forecast = { available: false, reason: (e as Error).message.split('\n')[0] };
    }
  }
  const placementCosts = uses(template, 'placement-costs') ? await placementCostsAt(db, laCode, date) : null;
  const { benchmarks } = { benchmarks: benchmarksFor(laCode, regionCode, indicatorsOf(template).benchmarks, years) };
  return {
    authority: { code: laCode, name: la.name, regionCode, regionName },
    year,
    generatedOn: options.generatedOn ?? new Date().toISOString().slice(0, 10),
    indicators,
    benchmarks,
    availability,
    workload,
    forecast,
    placementCosts,
    problems,
  };
}
