import type { ReportId, ReportTemplate } from '../model.js';
import { ANNUAL } from './annual.js';
import { MISSING } from './missing.js';
import { PLACEMENTS } from './placements.js';
import { PRESSURES } from './pressures.js';
import { WORKFORCE } from './workforce.js';

export const TEMPLATES: Readonly<Record<ReportId, ReportTemplate>> = Object.freeze({
  annual: ANNUAL,
  pressures: PRESSURES,
  workforce: WORKFORCE,
  placements: PLACEMENTS,
  missing: MISSING,
});

export function getTemplate(id: string): ReportTemplate | undefined {
  return (TEMPLATES as Record<string, ReportTemplate>)[id];
}

/** Every indicator a template reads, with the breakdowns it needs. */
export function indicatorsOf(template: ReportTemplate): { ids: string[]; breakdowns: string[]; benchmarks: string[]; breakdownsOf: Record<string, string[]> } {
  const ids = new Set<string>();
  const breakdowns = new Set<string>();
  const breakdownsOf: Record<string, string[]> = {};
  const benchmarks = new Set<string>();
  const addMeasure = (m: { indicator: string; benchmark?: string }) => {
    ids.add(m.indicator);
    if (m.benchmark) benchmarks.add(m.benchmark);
  };
  for (const s of template.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'trend-table') b.rows.forEach(addMeasure);
      else if (b.kind === 'chart') addMeasure(b.measure);
      else if (b.kind === 'sentences') {
        for (const i of b.items) if (i.kind !== 'text') addMeasure(i.measure);
      } else if (b.kind === 'breakdown-table' || b.kind === 'factor-table') {
        ids.add(b.indicator);
        breakdowns.add(b.breakdown);
        (breakdownsOf[b.indicator] ??= []).push(b.breakdown);
      }
    }
  }
  return { ids: [...ids], breakdowns: [...breakdowns], benchmarks: [...benchmarks], breakdownsOf };
}
