import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { apiUrl } from '../api/client.js';
import { paths } from '../api/endpoints.js';
import type { ScenarioResult } from '../api/forecast-types.js';
import { BASELINE_INFLATION, scenarioRequest, type ScenarioForm } from '../api/scenario-request.js';
import { runJob, type JobProgress as Progress } from '../api/jobs.js';
import { DataTable } from './DataTable.js';
import { Figure } from './Figure.js';
import { formatValue } from './format.js';
import { JobProgress } from './JobProgress.js';
import { ErrorMessage } from './Status.js';

function ScenarioChart({ result }: { result: ScenarioResult }) {
  const option = useMemo(() => {
    const dates = result.children.map((c) => c.date);
    const band = (name: string, lower: (number | null)[], width: (number | null)[], color: string, stack: string) => [
      { type: 'line', name: `${name} base`, stack, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, data: lower, tooltip: { show: false } },
      { type: 'line', name: `${name} 95% range`, stack, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color }, data: width, tooltip: { show: false } },
    ];
    const width = (q: { p025: number | null; p975: number | null }) => (q.p025 === null || q.p975 === null ? null : q.p975 - q.p025);
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: ['Baseline', 'Scenario'], top: 0 },
      xAxis: { type: 'category', data: dates, boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [
        ...band('Baseline', result.children.map((c) => c.baseline.p025), result.children.map((c) => width(c.baseline)), 'rgba(80,90,95,0.15)', 'b'),
        ...band('Scenario', result.children.map((c) => c.scenario.p025), result.children.map((c) => width(c.scenario)), 'rgba(29,112,184,0.2)', 's'),
        { type: 'line', name: 'Baseline', data: result.children.map((c) => c.baseline.p50), symbol: 'none', lineStyle: { width: 3, color: '#505a5f', type: 'dashed' }, itemStyle: { color: '#505a5f' } },
        { type: 'line', name: 'Scenario', data: result.children.map((c) => c.scenario.p50), symbol: 'none', lineStyle: { width: 3, color: '#1d70b8' }, itemStyle: { color: '#1d70b8' } },
      ],
    };
  }, [result]);
  const last = result.children[result.children.length - 1];
  const rows = result.children.map((c) => ({ date: c.date, baseline: c.baseline.p50, scenario: c.scenario.p50, difference: c.scenario.p50 !== null && c.baseline.p50 !== null ? c.scenario.p50 - c.baseline.p50 : null }));
  return (
    <Figure
      title="Children looked after: baseline and scenario"
      option={option}
      summary={last ? `By ${last.date}: baseline median ${formatValue(last.baseline.p50)}, scenario median ${formatValue(last.scenario.p50)} children looked after.` : 'No forecast points.'}
      columns={[
        { key: 'date', label: 'Date' },
        { key: 'baseline', label: 'Baseline (median)', unit: 'count' },
        { key: 'scenario', label: 'Scenario (median)', unit: 'count' },
        { key: 'difference', label: 'Difference', unit: 'count' },
      ]}
      rows={rows}
    />
  );
}

function ScenarioResultView({ la, result, jobId }: { la: string; result: ScenarioResult; jobId: string }) {
  const saving = result.totalSaving;
  const rows = result.spend.map((y) => ({ year: y.year, baseline: y.baseline.p50, scenario: y.scenario.p50, saving: y.saving.p50, savingLow: y.saving.p025, savingHigh: y.saving.p975 }));
  const paired = result.spend.every((y) => y.paired);
  const download = (format: 'csv' | 'xlsx', table?: string) => apiUrl(paths.forecastDownload(la, jobId), { format, table });
  const word = (saving.mean ?? 0) >= 0 ? 'saves' : 'costs';
  return (
    <section aria-labelledby="scenario-result-title">
      <h3 id="scenario-result-title">Result: {result.scenario.name}</h3>
      <p data-testid="scenario-saving">
        Over {result.years} {result.years === 1 ? 'year' : 'years'} the scenario {word}{' '}
        <strong data-value={saving.mean}>{formatValue(Math.abs(saving.mean ?? 0), 'currency')}</strong> against the baseline, on average over the simulated futures.{' '}
        {paired
          ? 'Each year’s saving below has its 95% range: baseline and scenario follow the same futures, so the difference is measured run by run.'
          : 'With a different price inflation the two are separate forecasts: the yearly saving is the difference of their medians, without a range.'}
      </p>
      <ul>
        {result.explanations.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p className="downloads">
        <a href={download('xlsx')} download>
          Download scenario (XLSX)
        </a>
        <a href={download('csv', 'spend and saving')} download>
          Download spend and saving (CSV)
        </a>
      </p>
      <ScenarioChart result={result} />
      <DataTable
        caption="Placement spend: baseline and scenario"
        columns={[
          { key: 'year', label: 'Year' },
          { key: 'baseline', label: 'Baseline (median)', unit: 'currency' },
          { key: 'scenario', label: 'Scenario (median)', unit: 'currency' },
          { key: 'saving', label: 'Saving (median)', unit: 'currency' },
          { key: 'savingLow', label: 'Saving, low', unit: 'currency' },
          { key: 'savingHigh', label: 'Saving, high', unit: 'currency' },
        ]}
        rows={rows}
      />
    </section>
  );
}

/** Build a scenario in people's units, run it against the baseline, see the difference and the saving. */
export function ScenarioBuilder({ la, years, runs }: { la: string; years: number; runs: number }) {
  const id = useId();
  const [form, setForm] = useState<ScenarioForm>({ name: 'My scenario', entryChangePercent: -10, stepDown: 0, inflationPercent: BASELINE_INFLATION * 100 });
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      runJob<ScenarioResult>({ path: paths.scenarios(la), options: { method: 'POST', body } }, (jobId) => paths.forecastJob(la, jobId), setProgress),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = scenarioRequest(form, years, runs);
    if ('error' in request) {
      setFormError(request.error);
      return;
    }
    setFormError(null);
    setProgress(null);
    run.mutate(request.body);
  };
  const set = (changes: Partial<ScenarioForm>) => setForm((f) => ({ ...f, ...changes }));
  return (
    <section aria-labelledby={`${id}-title`} className="scenario">
      <h2 id={`${id}-title`}>Build a scenario</h2>
      <p className="hint">Compared with the baseline over the same horizon and the same simulated futures, so much of the chance variation cancels.</p>
      <form onSubmit={submit} noValidate aria-describedby={formError ? `${id}-error` : undefined}>
        {formError && (
          <p id={`${id}-error`} className="error-panel" role="alert">
            {formError}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>Scenario name</label>
          <input id={`${id}-name`} value={form.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-entries`}>Change in entries to care: {form.entryChangePercent > 0 ? '+' : ''}{form.entryChangePercent}%</label>
          <input id={`${id}-entries`} type="range" min={-50} max={50} step={5} value={form.entryChangePercent} onChange={(e) => set({ entryChangePercent: Number(e.target.value) })} aria-valuetext={`${form.entryChangePercent}%`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-stepdown`}>Children stepped down from residential care to fostering over the period</label>
          <input id={`${id}-stepdown`} type="number" min={0} max={100} step={1} value={form.stepDown} onChange={(e) => set({ stepDown: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))) })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-inflation`}>Placement price inflation a year: {form.inflationPercent}% (baseline {BASELINE_INFLATION * 100}%)</label>
          <input id={`${id}-inflation`} type="range" min={0} max={10} step={0.5} value={form.inflationPercent} onChange={(e) => set({ inflationPercent: Number(e.target.value) })} aria-valuetext={`${form.inflationPercent}%`} />
        </div>
        <button type="submit" className="button" disabled={run.isPending}>
          Run scenario
        </button>
      </form>
      {run.isPending && <JobProgress label="Running the scenario" progress={progress} />}
      {run.isError && <ErrorMessage error={run.error} what="The scenario" />}
      {run.data && <ScenarioResultView la={la} result={run.data.result} jobId={run.data.jobId} />}
    </section>
  );
}
