import type { RawBuilder } from 'kysely';

/** What a value measures. `rate` is per 10,000 children aged 0 to 17. */
export type IndicatorUnit = 'count' | 'percent' | 'rate' | 'days' | 'working-days' | 'ratio' | 'score' | 'p-value';
/** up: higher is better; down: lower is better; context: read against benchmarks. */
export type Polarity = 'up' | 'down' | 'context';
export type PeriodType = 'financial-year' | 'snapshot' | 'rolling-12-months' | 'three-year';
export type SourceConvention = 'DfE' | 'Ofsted' | 'Scorecard' | 'Local';
/** Basis as in the catalogue: S confirmed in a source, S/D measure confirmed, D domain knowledge. */
export type Basis = 'S' | 'S/D' | 'D';

/** Dimensions a result can be broken down by. The first four come from the child and team. */
export const BREAKDOWNS = [
  'age_band', 'sex', 'ethnicity', 'team', 'locality',
  'category', 'placement_type', 'legal_status', 'source_group', 'factor', 'band', 'reason',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * How unit rows become a value.
 * - count: Σn. - children: distinct children with n > 0. - share: Σn ÷ Σd as a percentage.
 * - distribution: total = Σd; each breakdown row = its Σn ÷ the period's Σd (a mix).
 * - mean / median: of v over rows with v. - ratio: Σn ÷ Σd. - rate: Σn per 10,000 children.
 * - equity: disproportionality over the ethnicity breakdown of a cohort (EQ-01..03).
 */
export type Aggregate = 'count' | 'children' | 'share' | 'distribution' | 'mean' | 'median' | 'ratio' | 'rate' | 'equity';

/** Values the unit query can use: the authority and, via the `periods` CTE, each period. */
export interface UnitSqlContext {
  /** The authority code as a bound parameter. */
  readonly la: RawBuilder<unknown>;
  /** Working days in (start, end] on the statutory calendar, as SQL over two date expressions. */
  wd(start: string, end: string): string;
  /**
   * SQL condition joining a dated row to period p: the date falls in the period. For reporting
   * years that is p.y = the date's reporting year (exact, and the database hash-joins the periods
   * instead of testing every row against every period); for a local period, the date range.
   */
  inPeriod(date: string): RawBuilder<unknown>;
}

/**
 * One indicator, declared once as data. `units` is the SQL that lists the counted items: one row
 * per item per period, with columns y (period label), child_id, ref_date (date for the age band),
 * n (numerator 0/1 or amount), d (denominator 0/1), optional v (value for mean/median) and any
 * of the indicator's own breakdown columns (category, team_id, placement_type, legal_status,
 * source_group, factor, band, reason). It may read the CTEs `periods(y, ps, pe, ps3)` and `wdc`.
 */
export interface IndicatorDefinition {
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly definition: string;
  readonly numerator: string;
  readonly denominator: string | null;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
  readonly period: PeriodType;
  readonly breakdowns: readonly Breakdown[];
  readonly source: SourceConvention;
  readonly sourceDetail: string;
  readonly basis: Basis;
  /** Reference measure (src/reference) holding the published value comparable with `value`. */
  readonly reference?: string;
  /** Reference measure comparable with `rate`, for counts also published as a rate. */
  readonly rateReference?: string;
  readonly aggregate: Aggregate;
  /** Decimal places of the published value (DfE: CIN 1, CLA 0; days 0). */
  readonly dp: number;
  /** For count indicators: also give a rate per 10,000 with this many decimals. */
  readonly rateDp?: number;
  /** Breakdown the value is read by when none is asked for (mixes and bands). */
  readonly defaultBreakdown?: Breakdown;
  /** Cohort indicator for equity measures. */
  readonly cohort?: string;
  readonly notes?: string;
  readonly units?: (ctx: UnitSqlContext) => RawBuilder<unknown>;
  /**
   * Unit columns this indicator reads when they are not n, d and v. Indicators over the same
   * items (identical `units` SQL) run as one query, each summing its own columns: the items are
   * listed once for the whole family (for example every measure of referrals in the year).
   */
  readonly columns?: { readonly n?: string; readonly d?: string; readonly v?: string };
}

export interface Period {
  /** Label: the end year of the period (collection-year convention). */
  readonly year: number;
  readonly start: string;
  readonly end: string;
}

export interface BreakdownRow {
  readonly breakdown: Breakdown;
  readonly key: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface IndicatorResult {
  readonly id: string;
  readonly title: string;
  readonly unit: IndicatorUnit;
  readonly laCode: string;
  readonly year: number;
  readonly period: Period;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Rate per 10,000 for counts that DfE also publishes as a rate. */
  readonly rate?: number | null;
  /** The 0-17 population used for rates (mid-year before the period end) and where it came from. */
  readonly population?: { readonly value: number | null; readonly midYear: number; readonly source: 'database' | 'reference' | 'none' };
  /** Extra statistics (for example p25 / p75 of a median). */
  readonly detail?: Readonly<Record<string, number | null>>;
  readonly breakdowns: readonly BreakdownRow[];
  readonly note?: string;
}
