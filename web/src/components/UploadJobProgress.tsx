import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiJson, apiUrl } from '../api/client.js';

/** An import job as GET /api/authorities/:la/import-jobs/:jobId reports it (src/server/import-jobs.ts). */
export interface ImportJobView {
  jobId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: string;
  phaseLabel: string;
  percent: number;
  file: string | null;
  files: { name: string; bytes: number }[];
  batchIds: number[];
  errors: number;
  warnings: number;
  failure: string | null;
}

export const importJobPath = (la: string, jobId: string) => `/authorities/${encodeURIComponent(la)}/import-jobs/${encodeURIComponent(jobId)}`;

const finished = (job: ImportJobView | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/**
 * Follows an import job: a progress bar with the importer's phase while it runs (polled twice a
 * second), then the outcome, with the full problem report to download as CSV or JSON.
 */
export function UploadJobProgress({ la, jobId }: { la: string; jobId: string }) {
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ['import-job', la, jobId],
    queryFn: () => apiJson<ImportJobView>(importJobPath(la, jobId)),
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
  });
  const data = job.data;
  const done = finished(data);
  useEffect(() => {
    // New data: refresh the history and every dashboard once the import has ended.
    if (data?.status === 'succeeded') void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'import-job' });
  }, [data?.status, client]);

  if (job.isError) return <p className="error-summary" role="alert">The import's progress could not be read: {job.error instanceof Error ? job.error.message : 'unknown error'}.</p>;
  if (!data) return <p aria-live="polite">Starting the import…</p>;
  const problems = (format: 'csv' | 'json') => apiUrl(`${importJobPath(la, jobId)}/problems`, { format });
  return (
    <div aria-live="polite" data-state={`import-${data.status}`}>
      {!done && (
        <p>
          <label htmlFor="import-progress">
            {data.phaseLabel}
            {data.file ? `: ${data.file}` : ''} ({data.percent}%)
          </label>{' '}
          <progress id="import-progress" className="progress" max={100} value={data.percent}>
            {data.percent}%
          </progress>
        </p>
      )}
      {data.status === 'succeeded' && (
        <p className="notice" data-state="import-ok">
          Imported {data.files.map((f) => f.name).join(', ')}: {data.batchIds.length === 1 ? `import batch ${data.batchIds[0]}` : `import batches ${data.batchIds.join(', ')}`}
          {data.warnings > 0 ? `, with ${data.warnings} warning${data.warnings === 1 ? '' : 's'}` : ''}.
        </p>
      )}
      {data.status === 'failed' && (
        <div className="error-summary" role="alert" data-state="import-error">
          <h3>The file set was not imported</h3>
          <p>
            {data.failure ?? `${data.errors} problem${data.errors === 1 ? '' : 's'} must be fixed first`}. Nothing was written.
          </p>
        </div>
      )}
      {done && data.errors + data.warnings > 0 && (
        <p>
          Problem report ({data.errors + data.warnings} row{data.errors + data.warnings === 1 ? '' : 's'}: file, row, column, value and rule):{' '}
          <a href={problems('csv')} download>
            download CSV
          </a>{' '}
          or{' '}
          <a href={problems('json')} download>
            JSON
          </a>
        </p>
      )}
    </div>
  );
}

/** The authority's recent import jobs (this server's memory), each with its problem report. */
export function RecentImportJobs({ la }: { la: string }) {
  const jobs = useQuery({
    queryKey: ['import-jobs', la],
    queryFn: () => apiJson<{ items: (ImportJobView & { createdAt: string; importedBy: string })[] }>(`/authorities/${encodeURIComponent(la)}/import-jobs`),
    refetchInterval: 5_000,
  });
  if (!jobs.data || jobs.data.items.length === 0) return null;
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">Recent uploads</h2>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Recent uploads and their problem reports</caption>
          <thead>
            <tr>
              <th scope="col">Uploaded</th>
              <th scope="col">Files</th>
              <th scope="col">By</th>
              <th scope="col">Status</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.items.map((job) => {
              const count = job.errors + job.warnings;
              const report = (format: 'csv' | 'json') => apiUrl(`${importJobPath(la, job.jobId)}/problems`, { format });
              return (
                <tr key={job.jobId} data-job={job.jobId}>
                  <td>{new Date(job.createdAt).toLocaleString('en-GB')}</td>
                  <td>{job.files.map((f) => f.name).join(', ')}</td>
                  <td>{job.importedBy}</td>
                  <td>{finished(job) ? job.status : `${job.phaseLabel} (${job.percent}%)`}</td>
                  <td>
                    {finished(job) && count > 0 ? (
                      <>
                        {count}:{' '}
                        <a href={report('csv')} download>
                          CSV
                        </a>{' '}
                        <a href={report('json')} download>
                          JSON
                        </a>
                      </>
                    ) : (
                      count
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
