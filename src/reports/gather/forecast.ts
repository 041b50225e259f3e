/**
 * The CLA forecast and the scenarios, through src/forecast's public API: one runForecast call
 * projects the baseline and every named scenario with the same seeds (so most of the Monte Carlo
 * noise cancels in the differences), costing placements with the authority's own weekly costs
 * when it records them and the module's national defaults otherwise.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { fanChart, loadCareRows, loadPlacementCosts, namedScenario, runForecast, type Distribution } from '../../forecast/index.js';
import type { ForecastView, ProjectedRange, ScenarioView } from '../model.js';
import { yearLabel } from '../build/years.js';

export interface ForecastGathered {
  readonly forecast: ForecastView | null;
  readonly scenarios: ScenarioView | null;
}

const range = (d: Distribution, sign = 1): ProjectedRange =>
  sign > 0 ? { median: d.p50, low: d.p10, high: d.p90 } : { median: -d.p50, low: -d.p90, high: -d.p10 };

/** '2024-04-01 to 2025-03-31' → '2024/25'; other spans as they are. */
function spendYear(when: string): string {
  const end = when.slice(-10);
  return end.endsWith('-03-31') ? yearLabel(Number(end.slice(0, 4))) : when;
}

export async function gatherForecast(db: Kysely<Database>, laCode: string, origin: string, runs: number, scenarioNames: readonly string[]): Promise<ForecastGathered> {
  const care = await loadCareRows(db, [laCode]);
  if (care.episodes.length === 0) return { forecast: null, scenarios: null };
  const scenarios = scenarioNames.map((name) => {
    const s = namedScenario(name);
    if (!s) throw new Error(`scenario "${name}" is not one of src/forecast's named scenarios`);
    return s;
  });
  const costRows = await loadPlacementCosts(db, laCode);
  const report = await runForecast(
    { episodes: care.episodes, children: care.children, ...(costRows.length > 0 ? { placementCosts: costRows } : {}) },
    { origin, years: 3, runs, seed: 1, workers: 1, scenarios },
  );
  const rows = fanChart(report.baseline).filter((r) => r.series === 'total');
  // quarterly points keep the table short; the chart shape is unchanged
  const points = rows.filter((_, i) => i % 3 === 0 || i === rows.length - 1).map((r) => ({ date: r.date, median: r.p50, low: r.p10, high: r.p90 }));
  const forecast: ForecastView = { measure: 'children looked after', interval: '80% interval', points, note: `Monte Carlo projection from ${origin}, ${runs} runs; the band is the 10th to 90th percentile.` };
  if (scenarios.length === 0) return { forecast, scenarios: null };
  return {
    forecast,
    scenarios: {
      origin,
      runs,
      costs: costRows.length > 0 ? 'local' : 'national',
      outcomes: report.scenarios.map(({ scenario, projection, comparison }) => {
        const children = comparison.filter((c) => c.measure === 'children: total');
        const last = children[children.length - 1]!;
        return {
          name: scenario.name,
          description: scenario.description || scenario.name,
          explanation: projection.compiled.explanations,
          // saving = baseline − scenario, so the sign of the difference (scenario − baseline) flips
          savings: comparison.filter((c) => c.measure === 'placement spend £').map((c) => ({ year: spendYear(c.when), ...range(c.difference, -1) })),
          children: { date: last.when, ...range(last.difference) },
        };
      }),
    },
  };
}
