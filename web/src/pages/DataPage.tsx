import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, apiUpload } from '../api/client.js';
import { getJson, paths } from '../api/endpoints.js';
import { canImport } from '../auth/roles.js';
import { useSession } from '../auth/session-context.js';
import { DataTable, type Row } from '../components/DataTable.js';
import { QueryState } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';

/** A problem found in an uploaded file, as the importers report it. */
interface ImportIssue {
  file?: string;
  row?: number | null;
  column?: string | null;
  value?: unknown;
  rule?: string;
  message?: string;
  severity?: string;
}

function issuesOf(error: unknown): ImportIssue[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  const details = error.details as { issues?: ImportIssue[]; errors?: ImportIssue[] };
  return details.issues ?? details.errors ?? [];
}

function UploadForm({ la }: { la: string }) {
  const client = useQueryClient();
  const [files, setFiles] = useState<FileList | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; error: unknown } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!files || files.length === 0) {
      setResult({ ok: false, error: new Error('Choose at least one file to upload.') });
      return;
    }
    const form = new FormData();
    for (const file of Array.from(files)) form.append('files', file, file.name);
    setResult(null);
    setProgress(0);
    try {
      const answer = await apiUpload<{ batchIds?: number[] }>(paths.imports(la), form, setProgress);
      const ids = answer?.batchIds ?? [];
      setResult({ ok: true, message: `Accepted: ${ids.length === 1 ? `import batch ${ids[0]}` : `import batches ${ids.join(', ')}`}. Its progress and any problems appear in the history below.` });
      await client.invalidateQueries();
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setProgress(null);
    }
  }

  const issues = result && !result.ok ? issuesOf(result.error) : [];
  return (
    <form onSubmit={submit} aria-labelledby="upload-title" className="upload">
      <h2 id="upload-title">Upload a file set</h2>
      <p className="hint">SSDA903, CIN census, Ofsted Annex A or workforce files: the format is recognised from the contents.</p>
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
      <div aria-live="polite">
        {result?.ok && (
          <p className="notice" data-state="import-ok">
            {result.message}
          </p>
        )}
        {result && !result.ok && (
          <div className="error-summary" role="alert" data-state="import-error">
            <h3>The file set was not imported</h3>
            <p>{result.error instanceof Error ? result.error.message : 'The upload failed.'} Nothing was written.</p>
            {issues.length > 0 && (
              <DataTable
                caption={`Problems found (${issues.length})`}
                columns={[
                  { key: 'file', label: 'File' },
                  { key: 'row', label: 'Row' },
                  { key: 'column', label: 'Column' },
                  { key: 'value', label: 'Value' },
                  { key: 'rule', label: 'Rule' },
                  { key: 'message', label: 'Problem' },
                ]}
                rows={issues.map((i) => ({ ...i, value: i.value === undefined || i.value === null ? '' : String(i.value) })) as Row[]}
                filename="import-problems"
              />
            )}
          </div>
        )}
      </div>
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
