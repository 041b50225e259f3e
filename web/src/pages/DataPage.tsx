import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, apiUpload } from '../api/client.js';
import { getJson, paths } from '../api/endpoints.js';
import { canImport } from '../auth/roles.js';
import { useSession } from '../auth/session-context.js';
import { DataTable } from '../components/DataTable.js';
import { RecentImportJobs, UploadJobProgress, type ImportJobView } from '../components/UploadJobProgress.js';
import { QueryState } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';

function UploadForm({ la }: { la: string }) {
  const [files, setFiles] = useState<FileList | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!files || files.length === 0) {
      setError(new Error('Choose at least one file to upload.'));
      return;
    }
    const form = new FormData();
    for (const file of Array.from(files)) form.append('files', file, file.name);
    setError(null);
    setJobId(null);
    setProgress(0);
    try {
      // 202: the import runs as a job on the server; UploadJobProgress follows it.
      const job = await apiUpload<ImportJobView>(paths.imports(la), form, setProgress);
      setJobId(job.jobId);
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="upload-title" className="upload">
      <h2 id="upload-title">Upload a file set</h2>
      <p className="hint">SSDA903, CIN census or workforce files: the format is recognised from the contents. The whole set is loaded or none of it.</p>
      <div className="field">
        <label htmlFor="import-files">Files (XML, CSV or XLSX)</label>
        <input id="import-files" type="file" multiple accept=".csv,.xml,.xlsx" onChange={(e) => setFiles(e.target.files)} />
      </div>
      <button type="submit" className="button" disabled={progress !== null}>
        Upload and check
      </button>
      {progress !== null && (
        <p>
          <label htmlFor="upload-progress">Uploading</label>{' '}
          <progress id="upload-progress" className="progress" max={1} value={progress}>
            {Math.round(progress * 100)}%
          </progress>
        </p>
      )}
      {error !== null && (
        <div className="error-summary" role="alert" data-state="import-error">
          <h3>The files were not accepted</h3>
          <p>{error instanceof ApiError || error instanceof Error ? error.message : 'The upload failed.'} Nothing was written.</p>
        </div>
      )}
      {jobId && <UploadJobProgress key={jobId} la={la} jobId={jobId} />}
    </form>
  );
}

interface ImportSummary {
  batchId: number;
  format: string;
  fileName: string;
  collectionYear: number | null;
  importedBy: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  rowCounts: Record<string, number> | null;
}

function totalRows(counts: Record<string, number> | null): number | null {
  return counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
}

export function DataPage() {
  const { la } = useFilters();
  const { session } = useSession();
  const allowed = canImport(session.user.role);
  const history = useQuery({ queryKey: ['imports', la], queryFn: () => getJson<{ items: ImportSummary[] }>(paths.imports(la)), enabled: allowed, refetchInterval: 10_000 });
  if (!allowed) return <p className="not-available">Uploading data and the import history are for administrators. Ask yours to load new files.</p>;
  return (
    <>
      <UploadForm la={la} />
      <RecentImportJobs la={la} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">Import history</h2>
        <QueryState query={history} what="Import history">
          {(page) => (
            <DataTable
              caption="Imports"
              captionHidden
              columns={[
                { key: 'batchId', label: 'Batch' },
                { key: 'format', label: 'Format' },
                { key: 'fileName', label: 'File' },
                { key: 'collectionYear', label: 'Year' },
                { key: 'status', label: 'Status' },
                { key: 'startedAt', label: 'Started' },
                { key: 'importedBy', label: 'By' },
                { key: 'rows', label: 'Rows', unit: 'count' },
              ]}
              rows={page.items.map((i) => ({ ...i, rowCounts: undefined, rows: totalRows(i.rowCounts) }))}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
