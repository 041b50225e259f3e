/**
 * Reads everything a report needs from the database and the reference data into plain
 * ReportData: indicators from src/metrics (one call per group of indicators needing the same
 * years and breakdowns, see plan.ts; a failing group is retried indicator by indicator so one
 * failing indicator shows as "x" rather than sinking the report), caseloads and the capacity plan
 * from src/workload, the CLA forecast and scenario savings from src/forecast, placement costs,
 * DfE comparators, and whether the records are synthetic.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { computeIndicators, getIndicator, type Breakdown, type IndicatorResult } from '../../metrics/index.js';
import { getAuthority, listRegions } from '../../reference/index.js';
import { capacityPlanAt } from '../../workload/index.js';
import type { Capability, ForecastView, IndicatorPoint, ReportData, ReportTemplate, ScenarioView, WorkloadView, CaseloadRow } from '../model.js';
import { indicatorsOf } from '../templates/index.js';
import { yearsEnding } from '../build/years.js';
import { benchmarksFor } from './benchmarks.js';
import { gatherForecast } from './forecast.js';
import { planIndicatorRequests } from './plan.js';
import { placementCostsAt } from './placements.js';

/** Monte Carlo runs for the forecast and scenarios: enough for an 80% interval in a committee chart. */
export const DEFAULT_FORECAST_RUNS = 200;

export interface GatherOptions {
  readonly laCode: string;
  readonly year: number;
  /** Date printed as "generated on" (default today, UTC). */
  readonly generatedOn?: string;
  /** Forecast Monte Carlo runs (default DEFAULT_FORECAST_RUNS). */
  readonly forecastRuns?: number;
}

type Availability = Record<Capability, { available: boolean; reason?: string }>;

function uses(template: ReportTemplate, kind: string): boolean {
  return template.sections.some((s) => s.blocks.some((b) => b.kind === kind));
}

type IndicatorData = Record<string, Record<number, IndicatorPoint>>;

function store(into: IndicatorData, results: readonly IndicatorResult[]): void {
  for (const r of results) {
    const byYear = (into[r.id] ??= {});
    const had = byYear[r.year];
    // a year asked for twice (with and without breakdowns) keeps the breakdowns
    if (had && had.breakdowns.length >= r.breakdowns.length) continue;
    byYear[r.year] = { id: r.id, year: r.year, value: r.value, numerator: r.numerator, denominator: r.denominator, rate: r.rate, breakdowns: r.breakdowns };
  }
}

/**
 * One src/metrics call per group of indicators needing the same years and breakdowns (see
 * plan.ts). If a group fails, its indicators are asked one by one, so one failing indicator
 * shows as "x" with its reason rather than sinking the report.
 */
async function gatherIndicators(db: Kysely<Database>, laCode: string, year: number, template: ReportTemplate): Promise<{ indicators: IndicatorData; problems: string[] }> {
  const indicators: IndicatorData = {};
  const problems = new Set<string>();
  for (const request of planIndicatorRequests(template, year)) {
    const known = request.indicators.filter((id) => {
      if (getIndicator(id)) return true;
      problems.add(`${id} is not in the indicator library`);
      return false;
    });
    if (known.length === 0) continue;
    const ask = (ids: string[]) => computeIndicators(db, { laCode, years: request.years, indicators: ids, breakdowns: request.breakdowns as Breakdown[] });
    try {
      store(indicators, await ask(known));
    } catch {
      for (const id of known) {
        try {
          store(indicators, await ask([id]));
        } catch (e) {
          problems.add(`${id} could not be computed: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
  }
  return { indicators, problems: [...problems] };
}

/** Synthetic when the authority's children all came from the generator (src/synth writes no import batch) rather than an import. */
async function dataOriginOf(db: Kysely<Database>, laCode: string): Promise<'records' | 'synthetic'> {
  const row = await db
    .selectFrom('child')
    .select((eb) => [eb.fn.countAll<number>().as('children'), eb.fn.count<number>('batch_id').as('imported')])
    .where('la_code', '=', laCode)
    .executeTakeFirstOrThrow();
  return Number(row.children) > 0 && Number(row.imported) === 0 ? 'synthetic' : 'records';
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

  const { indicators, problems: indicatorProblems } = await gatherIndicators(db, laCode, year, template);
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
  let scenarios: ScenarioView | null = null;
  if (uses(template, 'forecast') || uses(template, 'scenarios')) {
    try {
      const scenarioNames = [...new Set(template.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'scenarios' ? b.scenarios : []))))];
      ({ forecast, scenarios } = await gatherForecast(db, laCode, date, options.forecastRuns ?? DEFAULT_FORECAST_RUNS, scenarioNames));
    } catch (e) {
      availability.forecast = { available: false, reason: (e as Error).message.split('\n')[0] };
    }
  }
  const placementCosts = uses(template, 'placement-costs') ? await placementCostsAt(db, laCode, date) : null;
  const benchmarks = benchmarksFor(laCode, regionCode, indicatorsOf(template).benchmarks, years);
  const dataOrigin = await dataOriginOf(db, laCode);
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
    scenarios,
    dataOrigin,
    problems,
  };
}
