import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/index.js';
import { reportingYearSql } from '../db/reporting-year-sql.js';
import { getIndicator, listIndicators } from './catalogue.js';
import { customPeriod, reportingYear, threeYearStart } from './periods.js';
import { ratePopulations, type RatePopulation } from './population.js';
import { ratioHalfUp, roundHalfUp } from './rounding.js';
import { disproportionality } from './disproportionality.js';
import { holidayArrayLiteral, workingDayCte, workingDaysSql } from './working-days-sql.js';
import { buildUnits, dropUnusedUnitTables, readBuildState, unitTableName, yearsToBuild, type UnitBuildState } from './unit-tables.js';
import type { Breakdown, BreakdownRow, IndicatorDefinition, IndicatorResult, Period } from './types.js';

export interface ComputeOptions {
  readonly laCode: string;
  /** One reporting year (1 April Y−1 to 31 March Y) ... */
  readonly year?: number;
  /** ... or several (one query per indicator covers them all) ... */
  readonly years?: readonly number[];
  /** ... or a local period (rates are then annualised: × 365 ÷ days). */
  readonly period?: { readonly start: string; readonly end: string };
  /** Indicator ids (default: every computable indicator). */
  readonly indicators?: readonly string[];
  /** Breakdowns wanted; each indicator gives those it allows (plus its default). */
  readonly breakdowns?: readonly Breakdown[];
  /** Children by ethnic group (code → number) for EQ-01..03; without it they are null. */
  readonly ethnicPopulation?: Readonly<Record<string, number>>;
  /** Called after each query with the indicator that led it and its time (benchmarks and profiling). */
  readonly onQuery?: (indicatorId: string, milliseconds: number) => void;
  /**
   * Derive every unit from the event rows on this call instead of reading the unit tables
   * (src/metrics/unit-tables.ts). Local periods always do; tests compare the two.
   */
  readonly fromEvents?: boolean;
  /** Called after a unit table's missing years were built, with the indicator that led it and the time. */
  readonly onUnitsBuilt?: (indicatorId: string, milliseconds: number) => void;
}

const CONCURRENCY = 4;

/** Computes indicators for one authority and one or more periods: plain results, one per indicator per period. */
export async function computeIndicators(db: Kysely<Database>, options: ComputeOptions): Promise<IndicatorResult[]> {
  if (!/^[0-9]{3}$/.test(options.laCode)) throw new Error(`la code must be 3 digits (got "${options.laCode}")`);
  const periods = resolvePeriods(options);
  const definitions = (options.indicators ?? listIndicators().filter((d) => d.units || d.cohort).map((d) => d.id)).map((id) => {
    const def = getIndicator(id);
    if (!def) throw new Error(`unknown indicator "${id}" (see csc kpi --list)`);
    return def;
  });
  const populations = await ratePopulations(db, options.laCode, periods.map((p) => p.year));
  const shared = planSharedQueries(db, definitions, options);
  const units = !options.fromEvents && areReportingYears(periods) ? await readBuildState(db, options.laCode) : undefined;
  // A few queries at a time: PostgreSQL runs them on separate pooled connections; PGlite queues them.
  const out: IndicatorResult[][] = new Array<IndicatorResult[]>(definitions.length);
  let next = 0;
  const worker = async () => {
    while (next < definitions.length) {
      const i = next++;
      out[i] = await computeOne(db, definitions[i]!, periods, populations, options, shared, units);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, definitions.length) }, worker));
  return out.flat();
}

/** Indicators whose unit SQL is identical (a count and its rate, mix and children variants, a family's measures) share one query. */
interface SharedQuery {
  /** Its unit table (named by unitsKey). */
  readonly table: string;
  readonly dims: Breakdown[];
  readonly needs: AggregateNeeds;
  rows?: Promise<Record<string, unknown>[]>;
}

/** Which sums the shared query computes, by unit column. */
interface AggregateNeeds {
  readonly n: Set<string>;
  readonly d: Set<string>;
  readonly children: Set<string>;
  readonly mean: Set<string>;
  readonly median: Set<string>;
}

function columnsOf(def: IndicatorDefinition): { n: string; d: string; v: string } {
  return { n: def.columns?.n ?? 'n', d: def.columns?.d ?? 'd', v: def.columns?.v ?? 'v' };
}

function addNeeds(needs: AggregateNeeds, def: IndicatorDefinition): void {
  const c = columnsOf(def);
  needs.n.add(c.n);
  needs.d.add(c.d);
  if (def.aggregate === 'children') needs.children.add(c.n);
  if (def.aggregate === 'mean' || def.aggregate === 'median') needs.mean.add(c.v);
  if (def.aggregate === 'median') needs.median.add(c.v);
}

function needsFor(def: IndicatorDefinition): AggregateNeeds {
  const needs: AggregateNeeds = { n: new Set(), d: new Set(), children: new Set(), mean: new Set(), median: new Set() };
  addNeeds(needs, def);
  return needs;
}

function wantedDims(def: IndicatorDefinition, options: ComputeOptions): Breakdown[] {
  const wanted = new Set<Breakdown>([...(options.breakdowns ?? []), ...(def.defaultBreakdown ? [def.defaultBreakdown] : [])]);
  return def.breakdowns.filter((b) => wanted.has(b));
}

/** An indicator's unit SQL, and whether it counts working days (then it needs the `wdc` CTE). */
function unitsOf(def: IndicatorDefinition, la: RawBuilder<unknown>, inPeriod: (date: string) => RawBuilder<unknown>): { units: RawBuilder<unknown>; usesWorkingDays: boolean } {
  let usesWorkingDays = false;
  const units = def.units!({ la, wd: (a, b) => ((usesWorkingDays = true), workingDaysSql(a, b)), inPeriod });
  return { units, usesWorkingDays };
}

/** Everything that shapes an indicator's units for reporting years: its SQL, constants and (if it counts working days) the holiday list. */
function unitsKey(db: Kysely<Database>, def: IndicatorDefinition): string {
  const { units, usesWorkingDays } = unitsOf(def, sql`${'000'}::text`, inReportingYear);
  const compiled = units.compile(db);
  return `${compiled.sql}\n${JSON.stringify(compiled.parameters)}${usesWorkingDays ? `\n${holidayArrayLiteral()}` : ''}`;
}

/** For reporting-year periods the year equality is the whole condition (statistics: migration 0010). */
function inReportingYear(date: string): RawBuilder<unknown> {
  return sql.raw(`p.y = ${reportingYearSql(date)}`);
}

function inAnyPeriod(date: string): RawBuilder<unknown> {
  return sql.raw(`${date} BETWEEN p.ps AND p.pe`);
}

/** Periods that are all reporting years (the usual case) can be joined by year. */
function areReportingYears(periods: readonly Period[]): boolean {
  return periods.every((p) => {
    const year = reportingYear(p.year);
    return year.start === p.start && year.end === p.end;
  });
}

/** Each indicator's shared query, by indicator id (indicators with the same unit SQL share one). */
function planSharedQueries(db: Kysely<Database>, definitions: IndicatorDefinition[], options: ComputeOptions): Map<string, SharedQuery> {
  const bySql = new Map<string, SharedQuery>();
  const byIndicator = new Map<string, SharedQuery>();
  for (const def of definitions) {
    if (!def.units || def.aggregate === 'equity') continue;
    const key = unitsKey(db, def);
    const plan = bySql.get(key) ?? { table: unitTableName(key), dims: [], needs: needsFor(def) };
    for (const b of wantedDims(def, options)) if (!plan.dims.includes(b)) plan.dims.push(b);
    addNeeds(plan.needs, def);
    bySql.set(key, plan);
    byIndicator.set(def.id, plan);
  }
  return byIndicator;
}

function resolvePeriods(options: ComputeOptions): Period[] {
  if (options.period) return [customPeriod(options.period.start, options.period.end)];
  const years = options.years ?? (options.year !== undefined ? [options.year] : []);
  if (years.length === 0) throw new Error('give a year, years or a period');
  return [...new Set(years)].sort((a, b) => a - b).map(reportingYear);
}

interface AggregateRow {
  y: number;
  n: number | null;
  d: number | null;
  ch: number | null;
  vs: number | null;
  vc: number | null;
  q: number[] | string | null;
  [dim: string]: unknown;
}

const CHILD_DIMS: Partial<Record<Breakdown, string>> = {
  age_band: `CASE WHEN ch.date_of_birth IS NULL OR ch.date_of_birth > u.ref_date THEN 'unborn'
    WHEN extract(year FROM age(u.ref_date, ch.date_of_birth)) < 1 THEN 'under 1'
    WHEN extract(year FROM age(u.ref_date, ch.date_of_birth)) < 5 THEN '1-4'
    WHEN extract(year FROM age(u.ref_date, ch.date_of_birth)) < 10 THEN '5-9'
    WHEN extract(year FROM age(u.ref_date, ch.date_of_birth)) < 16 THEN '10-15'
    ELSE '16+' END`,
  sex: 'ch.sex',
  ethnicity: 'ch.ethnicity',
  team: 'u.team_id',
  locality: 'tm.locality',
};

/** Child and team dimensions partition the total (missing = 'unknown'); an indicator's own dimension may be NULL = not applicable. */
function dimExpression(b: Breakdown): string {
  const child = CHILD_DIMS[b];
  return child ? `coalesce((${child})::text, 'unknown')` : `(u.${b})::text`;
}

async function computeOne(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  periods: Period[],
  populations: Map<number, RatePopulation>,
  options: ComputeOptions,
  shared: Map<string, SharedQuery>,
  units: UnitBuildState | undefined,
): Promise<IndicatorResult[]> {
  if (def.aggregate === 'equity') return computeEquity(db, def, periods, populations, options, units);
  if (!def.units) throw new Error(`indicator ${def.id} has no computation`);
  const dims = wantedDims(def, options);
  const plan = shared.get(def.id)!;
  plan.rows ??= runAggregate(db, def, periods, options.laCode, plan.dims, plan.needs, options, units && plan.table, units);
  const cols = columnsOf(def);
  const rows = (await plan.rows).map((r) => viewRow(r, cols));
  return periods.map((period) => {
    const mine = rows.filter((r) => Number(r.y) === period.year);
    const total = mine.find((r) => plan.dims.every((b) => Number(r[`g_${b}`]) === 1)) ?? emptyRow(period.year);
    const pop = populations.get(period.year)!;
    return toResult(def, period, options.laCode, total, mine, dims, pop);
  });
}

/** One indicator's view of a shared query's row: its own columns as n, d, ch, vs, vc and q. */
function viewRow(r: Record<string, unknown>, cols: { n: string; d: string; v: string }): AggregateRow {
  return {
    ...r,
    y: Number(r.y),
    n: r[`n_${cols.n}`] as number | null,
    d: r[`d_${cols.d}`] as number | null,
    ch: (r[`ch_${cols.n}`] ?? null) as number | null,
    vs: (r[`vs_${cols.v}`] ?? null) as number | null,
    vc: (r[`vc_${cols.v}`] ?? null) as number | null,
    q: (r[`q_${cols.v}`] ?? null) as AggregateRow['q'],
  };
}

function emptyRow(y: number): AggregateRow {
  return { y, n: 0, d: 0, ch: 0, vs: null, vc: 0, q: null };
}

async function runAggregate(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  periods: Period[],
  laCode: string,
  dims: Breakdown[],
  needs: AggregateNeeds,
  hooks: Pick<ComputeOptions, 'onQuery' | 'onUnitsBuilt'>,
  unitTable?: string,
  state?: UnitBuildState,
): Promise<Record<string, unknown>[]> {
  const { onQuery, onUnitsBuilt } = hooks;
  const la = sql`${laCode}::text`;
  const { units, usesWorkingDays } = unitsOf(def, la, areReportingYears(periods) ? inReportingYear : inAnyPeriod);
  const periodRows = periodValues(periods);
  const years = periods.map((p) => p.year);
  const fromTable = unitTable !== undefined && state !== undefined;
  if (unitTable && state) await ensureUnits(db, def, laCode, years, unitTable, state, onUnitsBuilt);
  const unitRows = fromTable
    ? sql`SELECT * FROM ${sql.table(unitTable)} WHERE la_code = ${la} AND y IN (${sql.join(years.map((y) => sql`${y}::int`))})`
    : units;
  const needsChild = dims.some((b) => b === 'age_band' || b === 'sex' || b === 'ethnicity');
  const needsTeam = dims.includes('locality');
  const dimSelect = dims.map((b) => `, ${dimExpression(b)} AS b_${b}`).join('');
  const column = (c: string) => `x.${c}`;
  const aggregates: string[] = [
    ...[...needs.n].map((c) => `sum(${column(c)})::float8 AS n_${c}`),
    ...[...needs.d].map((c) => `sum(${column(c)})::float8 AS d_${c}`),
    ...dims.map((b) => `GROUPING(b_${b}) AS g_${b}`),
    ...[...needs.children].map((c) => `count(DISTINCT CASE WHEN ${column(c)} > 0 THEN child_id END)::int AS ch_${c}`),
    ...[...needs.mean].flatMap((c) => [`sum(${column(c)})::float8 AS vs_${c}`, `count(${column(c)})::int AS vc_${c}`]),
    ...[...needs.median].map((c) => `percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY ${column(c)}) AS q_${c}`),
  ];
  const groupSets = ['(y)', ...dims.map((b) => `(y, b_${b})`)].join(', ');
  const query = sql`
    WITH periods(y, ps, pe, ps3) AS (VALUES ${periodRows}),
    ${usesWorkingDays && !fromTable ? sql`wdc AS (${workingDayCte()}),` : sql``}
    u AS (${unitRows}),
    x AS (
      SELECT u.*${sql.raw(dimSelect)} FROM u
      ${sql.raw(needsChild ? 'LEFT JOIN child ch ON ch.la_code = ' : '')}${needsChild ? la : sql``}${sql.raw(needsChild ? ' AND ch.child_id = u.child_id' : '')}
      ${sql.raw(needsTeam ? 'LEFT JOIN team tm ON tm.la_code = ' : '')}${needsTeam ? la : sql``}${sql.raw(needsTeam ? ' AND tm.team_id = u.team_id' : '')}
    )
    SELECT y${sql.raw(dims.map((b) => `, b_${b}`).join(''))}, ${sql.raw(aggregates.join(', '))}
    FROM x GROUP BY GROUPING SETS (${sql.raw(groupSets)})`;
  const started = performance.now();
  const result = await query.execute(db);
  onQuery?.(def.id, performance.now() - started);
  return result.rows as Record<string, unknown>[];
}

/** Builds the years of one unit table that are missing or older than the authority's data. */
async function ensureUnits(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  laCode: string,
  years: readonly number[],
  table: string,
  state: UnitBuildState,
  onUnitsBuilt: ComputeOptions['onUnitsBuilt'],
): Promise<void> {
  const missing = yearsToBuild(state, table, years);
  if (missing.length === 0) return;
  const { units, usesWorkingDays } = unitsOf(def, sql`${laCode}::text`, inReportingYear);
  const ctes = usesWorkingDays ? sql`wdc AS (${workingDayCte()}),` : sql``;
  const started = performance.now();
  await buildUnits(db, laCode, { table, units, ctes, periodRows: (ys) => periodValues(ys.map(reportingYear)) }, missing);
  onUnitsBuilt?.(def.id, performance.now() - started);
}

export interface PrepareOptions {
  readonly laCode: string;
  /** Reporting years to build (default: every year the authority's records cover, up to 20). */
  readonly years?: readonly number[];
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Builds every indicator's unit tables for an authority, so the first dashboard, report or
 * `csc kpi` after an import reads them instead of building them. Imports (`csc import`, the
 * import job) and the demo call it once their data are written. Returns the years built.
 */
export async function prepareIndicators(db: Kysely<Database>, options: PrepareOptions): Promise<number[]> {
  const years = options.years ?? (await dataYears(db, options.laCode));
  if (years.length === 0) return [];
  const definitions = listIndicators().filter((d) => d.units && d.aggregate !== 'equity');
  const plans = new Map<string, IndicatorDefinition>();
  for (const def of definitions) {
    const table = unitTableName(unitsKey(db, def));
    if (!plans.has(table)) plans.set(table, def);
  }
  await dropUnusedUnitTables(db, new Set(plans.keys()));
  const state = await readBuildState(db, options.laCode);
  let done = 0;
  options.onProgress?.(0, plans.size);
  // A few at a time, as the suite runs its queries (separate pooled connections on PostgreSQL).
  const queue = [...plans];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await ensureUnits(db, next[1], options.laCode, years, next[0], state, undefined);
      options.onProgress?.(++done, plans.size);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return [...years];
}

/** Reporting years from the first referral or care episode to the last date recorded (at most the last 20). */
async function dataYears(db: Kysely<Database>, laCode: string): Promise<number[]> {
  const result = await sql<{ first: number | null; last: number | null }>`
    SELECT ${sql.raw(reportingYearSql('min(d)'))} AS first, ${sql.raw(reportingYearSql('max(d)'))} AS last FROM (
      SELECT referral_date AS d FROM referral WHERE la_code = ${laCode}
      UNION ALL SELECT closure_date FROM referral WHERE la_code = ${laCode}
      UNION ALL SELECT decom FROM cla_episode WHERE la_code = ${laCode}
      UNION ALL SELECT dec FROM cla_episode WHERE la_code = ${laCode}) dates`.execute(db);
  const { first, last } = result.rows[0] ?? { first: null, last: null };
  if (first === null || last === null) return [];
  const from = Math.max(Number(first), Number(last) - 19);
  return Array.from({ length: Number(last) - from + 1 }, (_, i) => from + i);
}

function periodValues(periods: readonly Period[]): RawBuilder<unknown> {
  return sql.join(periods.map((p) => sql`(${p.year}::int, ${p.start}::date, ${p.end}::date, ${threeYearStart(p)}::date)`));
}

function quantiles(q: AggregateRow['q']): (number | null)[] {
  if (q === null || q === undefined) return [null, null, null];
  if (Array.isArray(q)) return q.map((x) => (x === null ? null : Number(x)));
  return String(q).replace(/[{}]/g, '').split(',').map((x) => (x === 'NULL' ? null : Number(x)));
}

function valueOf(def: IndicatorDefinition, row: AggregateRow, totalD: number, pop: number | null, isBreakdown: boolean): { value: number | null; numerator: number | null; denominator: number | null } {
  const n = Number(row.n ?? 0);
  const d = Number(row.d ?? 0);
  switch (def.aggregate) {
    case 'count':
      return { value: n, numerator: n, denominator: null };
    case 'children':
      return { value: Number(row.ch ?? 0), numerator: Number(row.ch ?? 0), denominator: null };
    case 'share':
      return { value: ratioHalfUp(n, d, 100, def.dp), numerator: n, denominator: d };
    case 'distribution':
      return isBreakdown
        ? { value: ratioHalfUp(n, totalD, 100, def.dp), numerator: n, denominator: totalD }
        : { value: d, numerator: d, denominator: null };
    case 'ratio':
      return { value: ratioHalfUp(n, d, 1, def.dp), numerator: n, denominator: d };
    case 'rate':
      return { value: pop ? ratioHalfUp(n, pop, 10_000, def.dp) : null, numerator: n, denominator: pop };
    case 'mean': {
      const vc = Number(row.vc ?? 0);
      const vs = row.vs === null ? null : Number(row.vs);
      return { value: vc > 0 && vs !== null ? ratioHalfUp(vs, vc, 1, def.dp) : null, numerator: vs, denominator: vc };
    }
    case 'median': {
      const [, median] = quantiles(row.q);
      return { value: median === null || median === undefined ? null : roundHalfUp(median, def.dp), numerator: null, denominator: Number(row.vc ?? 0) };
    }
    default:
      return { value: null, numerator: null, denominator: null };
  }
}

function toResult(
  def: IndicatorDefinition,
  period: Period,
  laCode: string,
  total: AggregateRow,
  rows: AggregateRow[],
  dims: Breakdown[],
  pop: RatePopulation,
): IndicatorResult {
  const annual = annualisedPopulation(period, pop.value);
  const totalD = Number(total.d ?? 0);
  const head = valueOf(def, total, totalD, annual, false);
  const breakdowns: BreakdownRow[] = [];
  for (const b of dims) {
    for (const r of rows.filter((row) => Number(row[`g_${b}`]) === 0 && row[`b_${b}`] !== null)) {
      breakdowns.push({ breakdown: b, key: String(r[`b_${b}`]), ...valueOf(def, r, totalD, annual, true) });
    }
  }
  breakdowns.sort((a, b) => (a.breakdown === b.breakdown ? a.key.localeCompare(b.key) : 0));
  const result: IndicatorResult = {
    id: def.id,
    title: def.title,
    unit: def.unit,
    laCode,
    year: period.year,
    period,
    ...head,
    breakdowns,
    ...(def.rateDp !== undefined || def.aggregate === 'rate' ? { population: pop } : {}),
    ...(def.rateDp !== undefined ? { rate: annual && head.value !== null ? ratioHalfUp(head.value, annual, 10_000, def.rateDp) : null } : {}),
    ...(def.aggregate === 'median' ? { detail: medianDetail(total) } : {}),
  };
  return result;
}

function medianDetail(row: AggregateRow): Record<string, number | null> {
  const [p25, p50, p75] = quantiles(row.q);
  return { p25: p25 ?? null, median: p50 ?? null, p75: p75 ?? null };
}

/** For a local period that is not a year, scale the population so the rate is annualised (× 365 ÷ days). */
function annualisedPopulation(period: Period, population: number | null): number | null {
  if (population === null) return null;
  const days = (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000 + 1;
  if (days === 365 || days === 366) return population;
  return (population * days) / 365;
}

async function computeEquity(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  periods: Period[],
  populations: Map<number, RatePopulation>,
  options: ComputeOptions,
  units: UnitBuildState | undefined,
): Promise<IndicatorResult[]> {
  const cohort = getIndicator(def.cohort ?? '');
  if (!cohort?.units) throw new Error(`equity indicator ${def.id} needs a cohort indicator`);
  const table = units && unitTableName(unitsKey(db, cohort));
  const rows = (await runAggregate(db, cohort, periods, options.laCode, ['ethnicity'], needsFor(cohort), options, table, units)).map((r) => viewRow(r, columnsOf(cohort)));
  return periods.map((period) => {
    const counts: Record<string, number> = {};
    for (const r of rows.filter((row) => Number(row.y) === period.year && row.b_ethnicity !== null)) counts[String(r.b_ethnicity)] = Number(r.n ?? 0);
    const total = Object.values(counts).reduce((s, c) => s + c, 0);
    const base = { id: def.id, title: def.title, unit: def.unit, laCode: options.laCode, year: period.year, period, population: populations.get(period.year)! };
    if (!options.ethnicPopulation) {
      return { ...base, value: null, numerator: total, denominator: null, breakdowns: [], note: 'needs the population by ethnic group (ethnicPopulation)' };
    }
    const groups = disproportionality(counts, options.ethnicPopulation);
    const pick = (g: (typeof groups)[number]) => (def.id === 'EQ-01' ? g.ratePer10k : def.id === 'EQ-02' ? g.relativeRateIndex : g.pValue);
    const popTotal = Object.values(options.ethnicPopulation).reduce((s, c) => s + c, 0);
    return {
      ...base,
      value: def.id === 'EQ-01' ? ratioHalfUp(total, popTotal, 10_000, 1) : null,
      numerator: total,
      denominator: popTotal,
      breakdowns: groups.map((g) => ({ breakdown: 'ethnicity' as const, key: g.group, value: pick(g), numerator: g.count, denominator: g.population })),
    };
  });
}

