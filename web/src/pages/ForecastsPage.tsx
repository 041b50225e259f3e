import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { ApiError, apiUrl } from '../api/client.js';
import { paths } from '../api/endpoints.js';
import type { Forecast } from '../api/forecast-types.js';
import { runJob, type JobProgress as Progress } from '../api/jobs.js';
import { DataTable } from '../components/DataTable.js';
import { ForecastFan } from '../components/ForecastFan.js';
import { formatValue } from '../components/format.js';
import { JobProgress } from '../components/JobProgress.js';
import { ScenarioBuilder } from '../components/ScenarioBuilder.js';
import { ErrorMessage } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';
import { useSearchParams } from '../router/router.js';

const HORIZONS = [1, 2, 3, 4, 5];
const RUN_CHOICES = [100, 300, 1000];

/** Horizon and number of simulated futures, held in the URL like the other filters. */
function useForecastOptions(): { years: number; runs: number; set(changes: { years?: number; runs?: number }): void } {
  const [params, update] = useSearchParams();
  const years = Number(params.get('years'));
  const runs = Number(params.get('runs'));
  return {
    years: HORIZONS.includes(years) ? years : 3,
    runs: RUN_CHOICES.includes(runs) ? runs : 300,
    set: (c) => update({ ...(c.years ? { years: String(c.years) } : {}), ...(c.runs ? { runs: String(c.runs) } : {}) }),
  };
}

function ForecastOptions() {
  const options = useForecastOptions();
  const id = useId();
  return (
    <form className="filter-bar" aria-label="Forecast options" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-years`}>Horizon</label>
        <select id={`${id}-years`} value={options.years} onChange={(e) => options.set({ years: Number(e.target.value) })}>
          {HORIZONS.map((y) => (
            <option key={y} value={y}>
              {y} {y === 1 ? 'year' : 'years'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-runs`}>Simulated futures</label>
        <select id={`${id}-runs`} value={options.runs} onChange={(e) => options.set({ runs: Number(e.target.value) })}>
          {RUN_CHOICES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function ForecastView({ la, forecast, jobId }: { la: string; forecast: Forecast; jobId: string }) {
  const [series, setSeries] = useState('total');
  const id = useId();
  const children = useMemo(() => [...forecast.children, ...forecast.legalStatus].filter((r) => r.series === series), [forecast, series]);
  const yearEndPosts = forecast.posts.filter((p) => p.date === forecast.posts[forecast.posts.length - 1]?.date);
  const seriesLabel = series === 'total' ? 'all children' : series;
  const download = (format: 'csv' | 'xlsx', table?: string) => apiUrl(paths.forecastDownload(la, jobId), { format, table });
  return (
    <>
      <p className="hint" data-testid="forecast-basis">
        Forecast from {forecast.origin}: <strong data-value={forecast.childrenInCare}>{formatValue(forecast.childrenInCare, 'count')}</strong> children looked after on that day,{' '}
        {forecast.runs} simulated futures over {forecast.years} {forecast.years === 1 ? 'year' : 'years'}. The bands show where 50% and 95% of the futures fall. Legal status comes from a parallel model that follows entries only.
      </p>
      <p className="downloads">
        <a href={download('xlsx')} download>
          Download forecast (XLSX, every table)
        </a>
        <a href={download('csv', 'year ends')} download>
          Download year-end figures (CSV)
        </a>
      </p>
      <h2>Children looked after</h2>
      <div className="field field--inline">
        <label htmlFor={`${id}-series`}>Show</label>
        <select id={`${id}-series`} value={series} onChange={(e) => setSeries(e.target.value)}>
          <option value="total">All children looked after</option>
          <optgroup label="By placement type">
            {forecast.categories.map((c) => (
              <option key={c} value={c}>
                {c.charAt(0).toUpperCase() + c.slice(1)}
              </option>
            ))}
          </optgroup>
          <optgroup label="By legal status">
            {forecast.legalStatuses.map((c) => (
              <option key={c} value={c}>
                {c.charAt(0).toUpperCase() + c.slice(1)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="grid-2">
        <ForecastFan title={`Children looked after: ${seriesLabel}`} points={children} />
        <ForecastFan title="Weekly placement cost" points={forecast.weeklyCost} unit="currency" description={`Placement spend a week in the month starting on each date; prices rise ${formatValue(forecast.inflation * 100, 'percent')} a year.`} />
        {forecast.cp && <ForecastFan title="Children on a child protection plan" points={forecast.cp} />}
        {forecast.cin && <ForecastFan title="Children on a child in need plan" points={forecast.cin} />}
      </div>
      <h2>Cost and posts</h2>
      <DataTable
        caption="Placement spend by forecast year"
        columns={[
          { key: 'year', label: 'Year' },
          { key: 'p025', label: 'Low (2.5th percentile)', unit: 'currency' },
          { key: 'p50', label: 'Median', unit: 'currency' },
          { key: 'p975', label: 'High (97.5th percentile)', unit: 'currency' },
        ]}
        rows={forecast.annualCost}
      />
      <DataTable
        caption="Weekly cost by placement type at the forecast start"
        columns={[
          { key: 'category', label: 'Placement type' },
          { key: 'weeklyAtStart', label: 'Weekly cost', unit: 'currency' },
          { key: 'sources', label: 'Source', render: (row) => (row.sources as string[]).join('; ') },
        ]}
        rows={forecast.categoryCosts}
      />
      <DataTable
        caption={`Posts needed on ${yearEndPosts[0]?.date ?? 'the horizon'}`}
        columns={[
          { key: 'role', label: 'Role' },
          { key: 'p025', label: 'Low', unit: 'ratio' },
          { key: 'p50', label: 'Median', unit: 'ratio' },
          { key: 'p975', label: 'High', unit: 'ratio' },
          { key: 'standard', label: 'Standard' },
        ]}
        rows={yearEndPosts}
      />
    </>
  );
}

/** An authority without care records has nothing to forecast: a note, not an error. */
function ForecastError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'no_care_data') {
    return (
      <div className="not-available" role="note" data-state="no-data">
        <p>
          <strong>No forecast yet.</strong> {error.message}
        </p>
      </div>
    );
  }
  return <ErrorMessage error={error} what="The forecast" />;
}

export function ForecastsPage() {
  const { la } = useFilters();
  const { years, runs } = useForecastOptions();
  const [progress, setProgress] = useState<Progress | null>(null);
  const forecast = useQuery({
    queryKey: ['forecast', la, years, runs],
    queryFn: ({ signal }) => runJob<Forecast>({ path: paths.forecasts(la), options: { query: { years, runs } } }, (id) => paths.forecastJob(la, id), setProgress, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <>
      <ForecastOptions />
      {forecast.isPending && <JobProgress label="Running the forecast" progress={progress} />}
      {forecast.isError && <ForecastError error={forecast.error} />}
      {forecast.data && (
        <>
          <ForecastView la={la} forecast={forecast.data.result} jobId={forecast.data.jobId} />
          <ScenarioBuilder la={la} years={years} runs={runs} />
        </>
      )}
    </>
  );
}
