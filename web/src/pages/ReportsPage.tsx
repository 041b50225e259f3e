import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { apiFetch, apiUrl } from '../api/client.js';
import { getJson, paths } from '../api/endpoints.js';
import type { ReportList, ReportSummary } from '../api/forecast-types.js';
import { runJob, type JobProgress as Progress } from '../api/jobs.js';
import { formatYear } from '../components/format.js';
import { JobProgress } from '../components/JobProgress.js';
import { ErrorMessage, QueryState } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';

interface Generated {
  jobId: string;
  summary: ReportSummary;
  html: string;
}

function ReportForm({ la, list }: { la: string; list: ReportList }) {
  const id = useId();
  const { year: filterYear } = useFilters();
  const [template, setTemplate] = useState(list.templates[0]?.id ?? 'annual');
  const [year, setYear] = useState(Math.min(filterYear, list.defaultYear));
  const [audience, setAudience] = useState<'public' | 'internal'>('public');
  const [progress, setProgress] = useState<Progress | null>(null);
  const years = Array.from({ length: 8 }, (_, i) => list.defaultYear - i);
  const generate = useMutation({
    mutationFn: async (body: { template: string; year: number; audience: string }): Promise<Generated> => {
      const answer = await runJob<ReportSummary>({ path: paths.reports(la), options: { method: 'POST', body } }, (jobId) => paths.reportJob(la, jobId), setProgress);
      const html = await (await apiFetch(paths.reportFile(la, answer.jobId), { query: { format: 'html' } })).text();
      return { jobId: answer.jobId, summary: answer.result, html };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProgress(null);
    generate.mutate({ template, year, audience });
  };
  const file = (jobId: string, format: string) => apiUrl(paths.reportFile(la, jobId), { format });
  return (
    <>
      <form onSubmit={submit} aria-label="Generate a report">
        <fieldset className="field">
          <legend>Report</legend>
          {list.templates.map((t) => (
            <div key={t.id} className="radio">
              <input type="radio" id={`${id}-${t.id}`} name="template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} aria-describedby={`${id}-${t.id}-hint`} />
              <label htmlFor={`${id}-${t.id}`}>{t.title}</label>
              <p id={`${id}-${t.id}-hint`} className="hint">
                {t.purpose} Like: {t.modelledOn}.
              </p>
            </div>
          ))}
        </fieldset>
        <div className="filter-bar">
          <div className="field">
            <label htmlFor={`${id}-year`}>Year ending 31 March</label>
            <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {formatYear(y)}
                </option>
              ))}
            </select>
          </div>
          {list.internalAllowed && (
            <div className="field">
              <label htmlFor={`${id}-audience`}>Audience</label>
              <select id={`${id}-audience`} value={audience} onChange={(e) => setAudience(e.target.value as 'public' | 'internal')}>
                <option value="public">Public (small numbers suppressed)</option>
                <option value="internal">Internal (not for publication)</option>
              </select>
            </div>
          )}
        </div>
        <button type="submit" className="button" disabled={generate.isPending}>
          Generate report
        </button>
      </form>
      {generate.isPending && <JobProgress label="Generating the report" progress={progress} />}
      {generate.isError && <ErrorMessage error={generate.error} what="The report" />}
      {generate.data && (
        <section aria-labelledby={`${id}-result`} className="report-result">
          <h2 id={`${id}-result`}>
            {generate.data.summary.title}, {generate.data.summary.authority.name}, {generate.data.summary.yearLabel}
          </h2>
          {generate.data.summary.banner && (
            <p className="error-panel" role="note">
              {generate.data.summary.banner}
            </p>
          )}
          {generate.data.summary.problems.length > 0 && (
            <div className="not-available" role="note">
              <p>Some parts could not be produced:</p>
              <ul>
                {generate.data.summary.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="downloads">
            <a href={file(generate.data.jobId, 'pdf')} download>
              Download PDF
            </a>
            <a href={file(generate.data.jobId, 'xlsx')} download>
              Download XLSX annex
            </a>
            <a href={file(generate.data.jobId, 'html')} target="_blank" rel="noreferrer">
              Open HTML in a new tab
            </a>
          </p>
          {/* Sandboxed: the report is a self-contained page with its own styles and no scripts. */}
          <iframe className="report-frame" title={`${generate.data.summary.title} ${generate.data.summary.yearLabel}`} sandbox="" srcDoc={generate.data.html} />
        </section>
      )}
    </>
  );
}

export function ReportsPage() {
  const { la } = useFilters();
  const list = useQuery({ queryKey: ['reports', la], queryFn: () => getJson<ReportList>(paths.reports(la)) });
  return (
    <>
      <p className="hint">Committee reports generated from the data: tables with 1- and 5-year changes, comparators, and sentences whose numbers come from the indicators. Public reports suppress small numbers.</p>
      <QueryState query={list} what="Reports">
        {(l) => <ReportForm la={la} list={l} />}
      </QueryState>
    </>
  );
}
