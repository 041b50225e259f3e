import type { CategoryCost } from './costs.js';
import type { ScenarioInput } from './scenario.js';
import type { Distribution } from './summary.js';

/**
 * The shape of `forecastAuthority(db, laCode, options)`: what the server and the web forecasts
 * page call. Plain, JSON-ready data (numbers and strings only; no typed arrays, no NaN).
 */

export interface AuthorityForecastOptions {
  /** Years ahead, a whole number 1-5. Default 3. */
  readonly horizonYears?: number;
  /** Monte Carlo runs, 10-100,000. Default 1,000. */
  readonly runs?: number;
  /** A named scenario ('new-homes'; see NAMED_SCENARIOS) or a scenario object; absent/null = baseline only. */
  readonly scenario?: string | ScenarioInput | null;
  /** Forecast start (ISO date): the stock is the children in care that day. Default: the end of the last collection year in the data. */
  readonly origin?: string;
  /** Same seed, same answer. Default 1. */
  readonly seed?: number;
  /** Years of history before the origin used for the rates, 1-10. Default 1. */
  readonly windowYears?: number;
  /** Annual placement price inflation. Default 0.03. */
  readonly inflation?: number;
  /** Workload standards preset for posts. Default 'csc-default'. */
  readonly standards?: string;
  /** Worker threads; default automatic (both cores for large jobs). */
  readonly workers?: number;
  /** Called as work finishes; `fraction` runs from 0 to 1 over the whole forecast. */
  readonly onProgress?: (progress: ForecastProgress) => void;
}

export interface ForecastProgress {
  /** e.g. 'cla: baseline', 'cla: new-homes', 'legal status', 'cp', 'cin'. */
  readonly stage: string;
  /** Runs done and total in this stage. */
  readonly done: number;
  readonly total: number;
  /** Share of the whole forecast done, 0 to 1. */
  readonly fraction: number;
}

/** Quantiles over the runs (mean, then the 2.5/10/25/50/75/90/97.5th percentiles: 95/80/50% intervals). */
export type Quantiles = Distribution;

/** One point of a fan chart: quantiles on a date (the origin, then monthly). */
export interface FanPoint extends Quantiles {
  readonly date: string;
}

export interface NamedSeries {
  /** Placement category ('fostering', 'residential', 'supported', 'other') or legal status group. */
  readonly name: string;
  readonly points: FanPoint[];
}

export interface YearSpend extends Quantiles {
  /** '2024-04-01 to 2025-03-31'. */
  readonly year: string;
}

export interface PostsPoint extends Quantiles {
  readonly date: string;
  readonly role: 'social workers' | 'team managers' | 'IROs';
  /** The standard used, in words. */
  readonly standard: string;
}

export interface FlowPoint extends Quantiles {
  readonly year: string;
  /** 'entries', 'left: returned home', ..., 'left: aged out', 'scenario move: ...'. */
  readonly flow: string;
}

export interface ComparisonPoint {
  /** 'children: total', 'children: residential', ..., 'placement spend £'. */
  readonly measure: string;
  /** A year-end date (children) or a forecast year label (spend). */
  readonly when: string;
  readonly baseline: Quantiles;
  readonly scenario: Quantiles;
  /** Scenario − baseline, run by run (much sharper than either). */
  readonly difference: Quantiles;
}

export interface AuthorityForecast {
  readonly laCode: string;
  /** Forecast start (ISO). */
  readonly origin: string;
  readonly horizonYears: number;
  readonly runs: number;
  readonly seed: number;
  /** Reporting dates: the origin, then monthly to the horizon (the dates of every FanPoint list). */
  readonly dates: string[];
  /** The scenario the main series follow; null for the baseline. */
  readonly scenario: { readonly name: string; readonly description: string; readonly explanations: string[] } | null;
  /** Children in care (under the scenario, if any). */
  readonly children: {
    readonly total: FanPoint[];
    /** One series per placement category. */
    readonly byPlacement: NamedSeries[];
    /**
     * One series per legal status group ('interim care order', 'care order', 'placement order',
     * 'section 20', 'other'): a parallel model with legal status as the state. It follows the
     * scenario's entry changes only (placement moves and new homes do not change legal status).
     */
    readonly byLegalStatus: NamedSeries[];
  };
  /** Children on CP plans / CIN plans (baseline); null when the authority has no such plans. */
  readonly cp: FanPoint[] | null;
  readonly cin: FanPoint[] | null;
  readonly cost: {
    /** Placement spend per week (£) in the month starting on each date (one fewer point than `dates`). */
    readonly perWeek: FanPoint[];
    /** Placement spend per forecast year (£). */
    readonly perYear: YearSpend[];
    /** Weekly unit cost per category at the start, with in-house share and sources. */
    readonly unitCosts: CategoryCost[];
    readonly inflation: number;
  };
  /** Posts implied at the origin and each year end: social workers, team managers, IROs. */
  readonly posts: PostsPoint[];
  /** Entries and leavers per forecast year. */
  readonly flows: FlowPoint[];
  /** With a scenario: the baseline total and scenario − baseline comparisons; otherwise null. */
  readonly baseline: { readonly total: FanPoint[]; readonly costPerYear: YearSpend[] } | null;
  readonly comparison: ComparisonPoint[] | null;
  /** Data repairs and drops, counted: { issue, children, example }. */
  readonly quality: { readonly issue: string; readonly children: number; readonly example: string }[];
}
