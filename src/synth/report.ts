import type { SyntheticAuthority } from './authority.js';
import { measureYears } from './measure.js';
import { CALIBRATED_MEASURES, publishedMeasures } from './targets.js';

export interface CalibrationLine {
  year: number;
  measure: string;
  generated: number;
  published: number;
  /** Relative error (generated − published) / published. */
  error: number;
  ok: boolean;
}

export interface CalibrationReport {
  laCode: string;
  lines: CalibrationLine[];
  failures: CalibrationLine[];
}

/** Percentages and rates whose tolerance is judged through the count behind them. */
const BASE_COUNT: Record<string, string> = {
  'referrals.rereferral_pct': 'referrals',
  'cpp.started.subsequent_pct': 'cpp.started',
  'cin.at31.rate': 'cin.at31',
  'cpp.at31.rate': 'cpp.at31',
  'cla.at31.rate': 'cla.at31',
  'workforce.agency_rate_fte': 'workforce.social_worker_fte',
};

/**
 * The rule: within 10% of the published figure, or within 5 children where the published
 * count is under 50. For a percentage, "children" is the gap in the numerator it implies (for the
 * agency rate, agency FTE out of all social worker FTE). Rates
 * per 10,000 are judged on their count (the rate differs from it only by rounding).
 */
/** How far a count may miss its published value: 10%, or 5 children where the published count is under 50. */
export function toleranceBand(published: number): number {
  return published < 50 ? Math.max(5, 0.1 * published) : 0.1 * published;
}

export function withinTolerance(measure: string, generated: number, published: number, baseCount?: number): boolean {
  if (Math.abs(generated - published) <= 0.1 * Math.abs(published)) return true;
  if (measure.endsWith('_pct') || measure === 'workforce.agency_rate_fte') {
    const base = baseCount ?? 0;
    const numerator = (published * base) / 100;
    return numerator < 50 && (Math.abs(generated - published) * base) / 100 <= 5;
  }
  if (measure.endsWith('.rate') || measure.startsWith('workforce.')) return false;
  return Math.abs(generated - published) <= toleranceBand(published);
}

/** Generated vs published for every calibrated measure DfE published for the run's years. */
export function calibrationReport(authority: Pick<SyntheticAuthority, 'laCode' | 'from' | 'to' | 'world' | 'targets'>): CalibrationReport {
  const lines: CalibrationLine[] = [];
  const years = Array.from({ length: authority.to - authority.from + 1 }, (_, i) => authority.from + i).filter((y) => authority.targets.has(y));
  const measured = measureYears(authority.world, years, (y) => authority.targets.get(y)!.population);
  for (const year of years) {
    const generated = measured.get(year)!;
    const published = publishedMeasures(authority.laCode, year);
    for (const measure of CALIBRATED_MEASURES) {
      const p = published[measure];
      const g = generated[measure];
      if (p === null || p === undefined || g === undefined) continue;
      const base = BASE_COUNT[measure];
      const ok = base && measure.endsWith('.rate')
        ? withinTolerance(base, generated[base]!, published[base] ?? p)
        : withinTolerance(measure, g, p, base ? generated[base] : undefined);
      lines.push({ year, measure, generated: g, published: p, error: p === 0 ? (g === 0 ? 0 : 1) : (g - p) / p, ok });
    }
  }
  return { laCode: authority.laCode, lines, failures: lines.filter((l) => !l.ok) };
}
