/**
 * Indicator data for pages, from GET /api/indicators (the catalogue) and
 * GET /api/authorities/:la/indicators?years=&ids=&breakdowns= (src/metrics results, one per
 * indicator and year). Trends are the same route over six years. Server shapes are adapted here only.
 */
import { useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { paths } from './endpoints.js';
import type { IndicatorDefinition, IndicatorResult, TrendRow } from './types.js';

/** Years in a trend: enough for a 5-year change. */
export const TREND_YEARS = 6;

export async function getCatalogue(): Promise<Map<string, IndicatorDefinition>> {
  const raw = await apiJson<{ items: IndicatorDefinition[] }>(paths.indicatorCatalogue());
  return new Map(raw.items.map((d) => [d.id, d]));
}

async function getResults(la: string, years: readonly number[], ids: readonly string[], breakdown?: string): Promise<IndicatorResult[]> {
  const raw = await apiJson<{ items: IndicatorResult[] }>(paths.indicators(la), { query: { years: years.join(','), ids: ids.join(','), breakdowns: breakdown } });
  return raw.items;
}

export async function getIndicatorResults(la: string, year: number, ids: readonly string[], breakdown?: string): Promise<Map<string, IndicatorResult>> {
  const items = await getResults(la, [year], ids, breakdown);
  return new Map(items.filter((r) => r.year === undefined || r.year === year).map((r) => [r.id, r]));
}

/** % change from `before` to `after` (1 dp); null without both or from zero. */
export function percentChange(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before === null || before === undefined || after === null || after === undefined || before === 0) return null;
  return Math.round((1000 * (after - before)) / before) / 10;
}

/**
 * Trend rows built from results over the years up to `year`, in the terms the server compares
 * them on (the rate per 10,000 for counts DfE publishes as a rate), with the latest year's
 * England / region / statistical-neighbour comparators.
 */
export function trendRows(results: readonly IndicatorResult[], year: number, catalogue?: Map<string, IndicatorDefinition>): Map<string, TrendRow> {
  const byId = new Map<string, IndicatorResult[]>();
  for (const r of results) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const rows = new Map<string, TrendRow>();
  for (const [id, list] of byId) {
    const compared = list.find((r) => r.year === year)?.comparators ?? null;
    const onRate = compared?.comparedOn === 'rate';
    const years = list.filter((r) => r.year !== undefined).sort((a, b) => a.year! - b.year!).map((r) => ({ year: r.year!, value: onRate ? (r.rate ?? null) : r.value }));
    const at = (y: number) => years.find((p) => p.year === y)?.value ?? null;
    const definition = catalogue?.get(id);
    rows.set(id, {
      id,
      title: definition?.title ?? id,
      unit: definition?.unit ?? 'count',
      measuredAs: onRate ? 'rate' : 'value',
      polarity: definition?.polarity ?? 'context',
      years,
      latest: at(year),
      change1y: percentChange(at(year - 1), at(year)),
      change5y: percentChange(at(year - 5), at(year)),
      comparators: compared
        ? { measure: compared.measure, year: compared.year, england: compared.england, region: compared.region, regionName: compared.regionName ?? null, statisticalNeighbours: compared.statisticalNeighbours, neighboursWithData: compared.neighboursWithData }
        : null,
    });
  }
  return rows;
}

export function useCatalogue() {
  return useQuery({ queryKey: ['indicator-catalogue'], queryFn: getCatalogue, staleTime: 60 * 60_000 });
}

/** Results for one year; with `breakdown`, each result also carries rows split that way. */
export function useIndicatorResults(la: string, year: number, ids: readonly string[], breakdown?: string) {
  // Callers pass one shared ids/breakdown list per page, so its figures share one request.
  return useQuery({ queryKey: ['indicators', la, year, ids.join(','), breakdown ?? ''], queryFn: () => getIndicatorResults(la, year, ids, breakdown) });
}

export function useTrendRows(la: string, year: number, ids: readonly string[]) {
  return useQuery({
    queryKey: ['indicator-trends', la, year, ids.join(',')],
    queryFn: async () => trendRows(await getResults(la, Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i), ids), year),
  });
}
