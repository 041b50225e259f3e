import { useQuery } from '@tanstack/react-query';
import { getJson, paths } from '../api/endpoints.js';
import { FanChart, type FanPoint } from '../components/FanChart.js';
import { QueryState } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';

interface RawQuantiles {
  date?: string;
  year?: number;
  p5?: number;
  p05?: number;
  p25: number;
  p50?: number;
  median?: number;
  p75: number;
  p95: number;
  actual?: number | null;
}

interface ForecastResponse {
  origin?: string;
  runs?: number;
  scenario?: string;
  children?: RawQuantiles[];
  cost?: RawQuantiles[];
}

function toFan(rows: readonly RawQuantiles[] | undefined): FanPoint[] {
  return (rows ?? []).map((r) => ({ date: r.date ?? String(r.year ?? ''), p5: r.p5 ?? r.p05 ?? 0, p25: r.p25, p50: r.p50 ?? r.median ?? 0, p75: r.p75, p95: r.p95, actual: r.actual ?? null }));
}

export function ForecastsPage() {
  const { la } = useFilters();
  const forecast = useQuery({ queryKey: ['forecast', la], queryFn: () => getJson<ForecastResponse>(paths.forecasts(la)) });
  return (
    <QueryState query={forecast} what="Forecasts">
      {(f) => (
        <>
          <p className="hint">
            Forecast from {f.origin ?? 'the latest data'}
            {f.runs ? ` (${f.runs} simulated futures)` : ''}
            {f.scenario ? `, scenario: ${f.scenario}` : ''}. The bands show where 50% and 90% of simulated futures fall.
          </p>
          <div className="grid-2">
            <FanChart title="Children looked after" points={toFan(f.children)} />
            <FanChart title="Weekly placement cost" points={toFan(f.cost)} unit="currency" />
          </div>
        </>
      )}
    </QueryState>
  );
}
