/** Shapes of the forecast, scenario and placement-cost routes (src/server/routes/forecasts.ts). */

/** Quantiles of simulated futures: 2.5th to 97.5th percentile (the 95% range) and the quartiles. */
export type Quantiles = {
  mean: number | null;
  p025: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  p975: number | null;
};

export type DatedQuantiles = Quantiles & { date: string };

export interface Forecast {
  origin: string;
  years: number;
  runs: number;
  inflation: number;
  childrenInCare: number;
  categories: string[];
  legalStatuses: string[];
  /** Children in care: 'total' and one series per placement type. */
  children: (DatedQuantiles & { series: string })[];
  /** Children in care by legal status group (a parallel model). */
  legalStatus: (DatedQuantiles & { series: string })[];
  weeklyCost: DatedQuantiles[];
  annualCost: (Quantiles & { year: string })[];
  categoryCosts: { category: string; weeklyAtStart: number; inHouseShare: number | null; sources: string[] }[];
  cp: DatedQuantiles[] | null;
  cin: DatedQuantiles[] | null;
  posts: (Quantiles & { date: string; role: string; standard: string })[];
  flows: (Quantiles & { year: string; flow: string })[];
  quality: { issue: string; children: number; example: string }[];
}

export interface ScenarioChangeInput {
  kind: 'entries' | 'move' | 'leaving_rate' | 'entry_growth' | 'new_provision';
  [field: string]: unknown;
}

export interface ScenarioResult {
  origin: string;
  years: number;
  runs: number;
  scenario: { name: string; description: string; changes: ScenarioChangeInput[] };
  baselineInflation: number;
  scenarioInflation: number;
  explanations: string[];
  children: { date: string; baseline: Quantiles; scenario: Quantiles }[];
  /** saving = baseline − scenario; run by run (with a range) when `paired`, else the difference of means and medians. */
  spend: { year: string; baseline: Quantiles; scenario: Quantiles; saving: { mean: number | null; p025: number | null; p50: number | null; p975: number | null }; paired: boolean }[];
  /** Mean total saving over the horizon (means add up over years; medians do not). */
  totalSaving: { mean: number | null };
}

export interface PlacementCosts {
  date: string;
  inflation: number;
  items: { placementType: string; category: string | null; children: number; averageWeeklyCost: number | null; weeklyCost: number | null; placeholder: boolean; sources: string[] }[];
  totalChildren: number;
  totalWeeklyCost: number;
  localCosts: boolean;
}

export interface ReportTemplateInfo {
  id: string;
  title: string;
  modelledOn: string;
  purpose: string;
}

export interface ReportList {
  defaultYear: number;
  internalAllowed: boolean;
  templates: ReportTemplateInfo[];
}

export interface ReportSummary {
  template: string;
  title: string;
  authority: { code: string; name: string };
  year: number;
  yearLabel: string;
  audience: 'public' | 'internal';
  suppressed: boolean;
  banner: string | null;
  generatedOn: string;
  sections: string[];
  problems: string[];
}
