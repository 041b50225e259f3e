/**
 * The report model. A template (declared as data in templates/) names sections, tables, charts
 * and sentences by indicator id; `buildReport` resolves it against gathered data into a document
 * of plain values; renderers turn the document into HTML, PDF or XLSX.
 */
import type { ChangeStyle } from './narrative/change.js';
import type { DfeSymbol, Figure, FigureUnit } from './narrative/format.js';
import type { Noun } from './narrative/count.js';
import type { NumberRef, Sentence } from './narrative/tokens.js';

export type ReportId = 'annual' | 'pressures' | 'workforce' | 'placements' | 'missing';
export type Audience = 'public' | 'internal';
/** Modules a section draws on; when one is missing the section says so instead of inventing numbers. */
export type Capability = 'metrics' | 'workload' | 'forecast';

// ---------------------------------------------------------------------------------------------
// Templates (declarations)
// ---------------------------------------------------------------------------------------------

/** One line of a trend table or the subject of a sentence: an indicator's value or its rate. */
export interface Measure {
  readonly indicator: string;
  readonly label: string;
  /** value: the indicator's value; rate: its rate per 10,000 (counts published as rates). */
  readonly field: 'value' | 'rate';
  readonly unit: FigureUnit;
  readonly dp?: number;
  /** Reference measure (src/reference) with the published England / region / neighbour values. */
  readonly benchmark?: string;
  /** For counts: the noun counted, for sentences ("referral"). */
  readonly noun?: Noun;
}

export interface TrendTableBlock {
  readonly kind: 'trend-table';
  readonly id: string;
  readonly title: string;
  readonly rows: readonly Measure[];
  /** Years shown, ending with the report year (default 6: enough for a 5-year change). */
  readonly years?: number;
  readonly comparators?: boolean;
}

export interface ChartBlock {
  readonly kind: 'chart';
  readonly id: string;
  readonly title: string;
  readonly measure: Measure;
  readonly type: 'line' | 'bar';
  readonly years?: number;
}

export type SentenceSpec =
  | { readonly kind: 'change'; readonly subject: string; readonly measure: Measure; readonly span?: number; readonly style?: ChangeStyle; readonly then?: 'compare' | 'rank' }
  | { readonly kind: 'level'; readonly subject: string; readonly measure: Measure; readonly compare?: boolean; readonly rank?: boolean }
  | { readonly kind: 'text'; readonly text: string };

export interface SentencesBlock {
  readonly kind: 'sentences';
  readonly items: readonly SentenceSpec[];
}

/** A breakdown of one indicator in the report year (categories, bands, types), with a total row. */
export interface BreakdownTableBlock {
  readonly kind: 'breakdown-table';
  readonly id: string;
  readonly title: string;
  readonly indicator: string;
  readonly breakdown: string;
  /** Key → label, in display order; keys not listed follow under their own names. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Which numbers to show: the count (numerator) and/or the share of the total. */
  readonly show: readonly ('count' | 'share')[];
  readonly keyLabel: string;
  /** Years as columns (default: the report year and the year before). */
  readonly years?: number;
  /** Leave out keys with no cases in any year shown (long code lists such as assessment factors). */
  readonly omitEmpty?: boolean;
}

/** Sections drawing on src/workload and src/forecast. */
export interface WorkloadBlock {
  readonly kind: 'caseloads' | 'capacity';
  readonly id: string;
  readonly title: string;
}
export interface ForecastBlock {
  readonly kind: 'forecast';
  readonly id: string;
  readonly title: string;
}
export interface PlacementCostBlock {
  readonly kind: 'placement-costs';
  readonly id: string;
  readonly title: string;
}

/**
 * A share indicator by a breakdown, one line per key, largest count first: the base, the count and
 * the share (ASM-08: assessments recording each factor, how many led to a child protection plan,
 * and how often it did, as in Oxfordshire's CP report card of November 2015).
 */
export interface FactorTableBlock {
  readonly kind: 'factor-table';
  readonly id: string;
  readonly title: string;
  readonly indicator: string;
  readonly breakdown: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly keyLabel: string;
  /** Column headings for the base (denominator), the count (numerator) and the share. */
  readonly headings: { readonly base: string; readonly count: string; readonly share: string };
  /** Lines shown, largest count first (default 10). */
  readonly top?: number;
  /** Keys that are not factors ("21: no factors identified"), left out. */
  readonly exclude?: readonly string[];
  /** Years shown, ending with the report year (default 1). */
  readonly years?: number;
}

/** Named scenarios of src/forecast against the baseline: placement spend saved and children in care. */
export interface ScenariosBlock {
  readonly kind: 'scenarios';
  readonly id: string;
  readonly title: string;
  /** Names of src/forecast named scenarios (NAMED_SCENARIOS). */
  readonly scenarios: readonly string[];
}

export type Block = TrendTableBlock | ChartBlock | SentencesBlock | BreakdownTableBlock | FactorTableBlock | WorkloadBlock | ForecastBlock | ScenariosBlock | PlacementCostBlock;

export interface SectionTemplate {
  readonly id: string;
  readonly heading: string;
  readonly needs: readonly Capability[];
  readonly blocks: readonly Block[];
}

export interface ReportTemplate {
  readonly id: ReportId;
  readonly title: string;
  /** What it is like: the council report it reproduces. */
  readonly modelledOn: string;
  readonly purpose: string;
  readonly sections: readonly SectionTemplate[];
}

// ---------------------------------------------------------------------------------------------
// Gathered data (plain values; see gather.ts)
// ---------------------------------------------------------------------------------------------

export interface BreakdownPoint {
  readonly breakdown: string;
  readonly key: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** One indicator in one year, as src/metrics computes it (a structural subset of IndicatorResult). */
export interface IndicatorPoint {
  readonly id: string;
  readonly year: number;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly rate?: number | null;
  readonly breakdowns: readonly BreakdownPoint[];
}

/** Published values for a reference measure in one year. */
export interface Benchmark {
  readonly england: number | null;
  readonly region: number | null;
  /** Mean of the statistical neighbours' published values (null when fewer than half published). */
  readonly neighbours: number | null;
  /** Every other current LA's published value, for the national rank. */
  readonly others: readonly (number | null)[];
}

export interface CaseloadRow {
  readonly team: string;
  readonly teamType: string | null;
  readonly locality: string | null;
  readonly caseHolders: number;
  readonly fte: number;
  readonly cases: number;
  readonly averagePerWorker: number | null;
  readonly minPerFte: number | null;
  readonly maxPerFte: number | null;
  readonly capacity: number;
  readonly overCapacity: number;
  readonly agencyFte: number;
}

export interface CapacityRow {
  readonly team: string;
  readonly role: string;
  readonly postsNeeded: number;
  readonly annualCost: number | null;
}

export interface WorkloadView {
  readonly date: string;
  readonly standards: string;
  readonly teams: readonly CaseloadRow[];
  readonly total: CaseloadRow;
  readonly plan: readonly CapacityRow[];
  readonly planCost: number | null;
}

export interface ForecastPoint {
  readonly date: string;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface ForecastView {
  readonly measure: string;
  readonly interval: string;
  readonly points: readonly ForecastPoint[];
  readonly note?: string;
}

/** A spread of projected outcomes: the median and the 80% interval (10th to 90th percentile of the runs). */
export interface ProjectedRange {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface ScenarioOutcome {
  readonly name: string;
  readonly description: string;
  /** How the forecast module applied it, in its words. */
  readonly explanation: readonly string[];
  /** Placement spend saved against the baseline (baseline minus scenario, £), per forecast year. */
  readonly savings: readonly ({ readonly year: string } & ProjectedRange)[];
  /** Change in children looked after against the baseline at the last year end. */
  readonly children: { readonly date: string } & ProjectedRange;
}

export interface ScenarioView {
  readonly origin: string;
  readonly runs: number;
  /** Where the weekly costs came from. */
  readonly costs: 'local' | 'national';
  readonly outcomes: readonly ScenarioOutcome[];
}

export interface PlacementCostRow {
  readonly placementType: string;
  readonly children: number;
  /** Mean weekly cost of the placements with a cost, in pounds. */
  readonly averageWeeklyCost: number | null;
}

export interface ReportData {
  readonly authority: { readonly code: string; readonly name: string; readonly regionCode: string | null; readonly regionName: string | null };
  readonly year: number;
  /** Date the data were read (ISO). */
  readonly generatedOn: string;
  readonly indicators: Readonly<Record<string, Readonly<Record<number, IndicatorPoint>>>>;
  readonly benchmarks: Readonly<Record<string, Readonly<Record<number, Benchmark>>>>;
  readonly availability: Readonly<Record<Capability, { readonly available: boolean; readonly reason?: string }>>;
  readonly workload?: WorkloadView | null;
  readonly forecast?: ForecastView | null;
  readonly placementCosts?: readonly PlacementCostRow[] | null;
  readonly scenarios?: ScenarioView | null;
  /** synthetic: the case records were made by the synthetic generator (src/synth), not imported; reports say so on every table. */
  readonly dataOrigin?: 'records' | 'synthetic';
}

// ---------------------------------------------------------------------------------------------
// The resolved document
// ---------------------------------------------------------------------------------------------

export interface Cell {
  readonly figure?: Figure;
  readonly text?: string;
  readonly ref?: NumberRef;
}

export interface TableRow {
  readonly header: string;
  readonly cells: readonly Cell[];
  readonly total?: boolean;
}

export interface DocTable {
  readonly id: string;
  readonly title: string;
  /** Heading of the first (row label) column. */
  readonly rowHeader: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  readonly source: string;
  /** What date the figures describe, in words ("year ending 31 March 2024"). */
  readonly dated: string;
  readonly notes: readonly string[];
}

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface DocChart {
  readonly id: string;
  readonly title: string;
  readonly type: 'line' | 'bar';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly unit: FigureUnit;
  readonly source: string;
  readonly dated: string;
}

export type DocBlock =
  | { readonly kind: 'paragraph'; readonly sentence: Sentence }
  | { readonly kind: 'table'; readonly table: DocTable }
  | { readonly kind: 'chart'; readonly chart: DocChart }
  | { readonly kind: 'notice'; readonly text: string };

export interface DocSection {
  readonly id: string;
  readonly number: number;
  readonly heading: string;
  readonly blocks: readonly DocBlock[];
}

export interface ReportDocument {
  readonly template: ReportId;
  readonly title: string;
  readonly authority: ReportData['authority'];
  readonly year: number;
  /** "2023/24" */
  readonly yearLabel: string;
  readonly audience: Audience;
  readonly suppressed: boolean;
  readonly threshold: number;
  /** Shown at the top of an unsuppressed (internal) report. */
  readonly banner: string | null;
  /** True when the case records are synthetic (src/synth): the cover, the footer and every source say so. */
  readonly synthetic: boolean;
  readonly generatedOn: string;
  readonly sections: readonly DocSection[];
  readonly notes: readonly string[];
  readonly symbolsUsed: readonly DfeSymbol[];
}
