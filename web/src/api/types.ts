/** Shapes the web app reads from the API (see docs/web.md for the routes). */

export type Role =
  | 'social_worker'
  | 'team_manager'
  | 'service_manager'
  | 'iro'
  | 'performance_analyst'
  | 'finance'
  | 'administrator';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  laCode: string;
}

export interface Session {
  user: SessionUser;
  csrfToken?: string;
}

export interface Authority {
  laCode: string;
  name: string;
}

/** As src/metrics: `rate` is per 10,000 children aged 0 to 17; `currency` is pounds (costs). */
export type Unit = 'count' | 'percent' | 'rate' | 'days' | 'working-days' | 'ratio' | 'score' | 'p-value' | 'currency' | (string & {});
/** up: higher is better; down: lower is better; context: read against benchmarks. */
export type Polarity = 'up' | 'down' | 'context' | (string & {});

/** One entry of the indicator catalogue: what the 'about' panel shows. */
export interface IndicatorDefinition {
  id: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  area?: string;
  source?: string;
  sourceDetail?: string;
  notes?: string;
  caveats?: string[] | string;
  numerator?: string;
  denominator?: string | null;
  breakdowns?: string[];
}

export interface YearValue {
  year: number;
  value: number | null;
}

export interface Comparators {
  /** Reference measure compared, and its year. */
  measure?: string;
  year?: number;
  england: number | null;
  region: number | null;
  regionName?: string | null;
  /** Mean of the statistical neighbours' published values. */
  statisticalNeighbours: number | null;
  neighboursWithData?: number;
}

/** One line of a trend table (src/metrics trendTable): years, changes and comparators. */
export interface TrendRow {
  id: string;
  title: string;
  unit: Unit;
  /** What years, changes and comparators are in: the value, or the rate per 10,000. */
  measuredAs: 'value' | 'rate';
  polarity: Polarity;
  years: YearValue[];
  latest: number | null;
  change1y: number | null;
  change5y: number | null;
  comparators: Comparators | null;
}

export interface BreakdownRow {
  breakdown: string;
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorResult {
  id: string;
  year?: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  rate?: number | null;
  breakdowns?: BreakdownRow[];
  /** A local target, when the authority has set one. */
  target?: number | null;
  /** Published comparators for the same year, from the server (null where DfE publishes none). */
  comparators?: (Comparators & { comparedOn: 'value' | 'rate'; value: number | null }) | null;
}
