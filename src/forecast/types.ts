import type { AgeBand, PriorOptions } from './config.js';
import type { Drift } from './drift.js';

/** A CLA episode as the forecast needs it (from cla_episode; dates ISO). */
export interface EpisodeRow {
  readonly laCode: string;
  readonly childId: string;
  readonly decom: string;
  readonly dec: string | null;
  readonly place: string;
  readonly placeProvider: string | null;
  readonly rec: string | null;
  /** SSDA903 LS code (for the legal-status forecast); absent when not loaded. */
  readonly legalStatus?: string | null;
}

/** The child facts the forecast needs (from child). */
export interface ChildRow {
  readonly laCode: string;
  readonly childId: string;
  readonly dateOfBirth: string | null;
  readonly expectedDob?: string | null;
  readonly uasc: boolean;
}

/** A plan or case with a start and an end (cp_plan, cin_plan): CP and CIN demand. */
export interface PlanRow {
  readonly laCode: string;
  readonly childId: string;
  readonly start: string;
  readonly end: string | null;
}

/**
 * A stay: a continuous time in one category (placement category, or 'cp' / 'cin'), after
 * contiguous episodes of the same category are merged. Days are UTC day numbers.
 */
export interface Stay {
  readonly key: string;
  readonly dobDay: number;
  readonly uasc: boolean;
  readonly category: number;
  readonly start: number;
  /** Exclusive end day; null while still open at the end of the data. */
  readonly end: number | null;
  /** How the stay ended: a move to another category, a way of leaving, or still open. */
  readonly endKind: 'move' | 'exit' | 'open';
  /** Category moved to (endKind 'move') or exit reason index (endKind 'exit'). */
  readonly endTo: number;
  /** True when the stay starts a period (entry from outside), not a move. */
  readonly isEntry: boolean;
  /** Share of the stay's days with an in-house provider (PR1-PR3), for cost mixes. */
  readonly inHouseDays: number;
  readonly externalDays: number;
}

/** Something fixed, dropped or suspicious in the input: never a silent drop. */
export interface QualityNote {
  readonly laCode: string;
  readonly childId: string;
  readonly rule: string;
  readonly action: 'dropped' | 'fixed' | 'warning';
  readonly detail: string;
}

export interface ModelOptions {
  /** Reference window for rates, ISO dates, end exclusive. */
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly ageBands?: readonly AgeBand[];
  /** Categories (defaults to the established placement categories). */
  readonly categories?: readonly string[];
  /** PLACE code → category (defaults to the established "regional" mapping). */
  readonly categoryOf?: (place: string) => string | undefined;
  readonly exitReasons?: readonly string[];
  /** Age at which children leave with certainty (18 for care; CP and CIN end at 18 too). */
  readonly maxAgeYears?: number;
  /** Estimate UASC entries separately (so scenarios can change them). Default true. */
  readonly separateUasc?: boolean;
  readonly prior?: Partial<PriorOptions>;
  /** Year-to-year drift: estimated from the data by default; false turns it off; numbers set it. */
  readonly drift?: false | { readonly entriesSd: number; readonly hazardSd: number };
  /** Day the data were extracted (ISO); default: the last date found in them. */
  readonly dataEnd?: string;
  /** Label for what is modelled: 'cla', 'cp', 'cin'. */
  readonly subject?: string;
}

/**
 * A fitted model: sufficient statistics (events and exposure) plus the prior, so rates and
 * their Gamma posteriors can be read off. Plain data: it crosses to worker threads as is.
 * State index = band × nCategories + category. Destination index: 0..nCategories-1 = move to
 * that category (same band); nCategories + r = leave by exit reason r.
 */
export interface ForecastModel {
  readonly subject: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly windowDays: number;
  readonly ageBands: readonly AgeBand[];
  readonly categories: readonly string[];
  readonly exitReasons: readonly string[];
  readonly maxAgeYears: number;
  readonly separateUasc: boolean;
  /** events[state × nDest + dest]. */
  readonly events: number[];
  /** Child-days observed in each state within the window. */
  readonly exposure: number[];
  /** Prior shape and rate for each (state, dest) hazard. */
  readonly priorShape: number[];
  readonly priorRate: number[];
  /** Entries in the window by group = (uasc ? 1 : 0) × nStates + state. */
  readonly entries: number[];
  /** Ages (days) at entry observed in each entry group, for drawing entrants. */
  readonly entryAges: number[][];
  readonly entryShape: number;
  /** Year-to-year variation beyond chance, drawn per run (see drift.ts). */
  readonly drift: Drift;
  /** In-house share of child-days per category in the window (for costs); NaN if none. */
  readonly inHouseShare: number[];
  readonly children: number;
  readonly quality: readonly QualityNote[];
}

/** A child in the stock on the forecast origin. */
export interface StockChild {
  readonly key: string;
  readonly dobDay: number;
  readonly category: number;
  readonly uasc: boolean;
}
