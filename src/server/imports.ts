import type { ImportIssue } from '../ingest/index.js';
/**
 * The seam between the API and src/ingest: the server saves an uploaded file set safely, then
 * hands it to an ImportService, run as a background job (import-jobs.ts). Without one, uploads answer 501.
 */
export interface UploadedFile {
  /** The client's file name, checked: no path, no control characters. */
  name: string;
  /** Where the server saved it (inside its upload folder). */
  path: string;
  bytes: number;
}

/** Where an import has got to, as the importer reports it (src/ingest ImportProgress). */
export interface ImportStep {
  phase: string;
  done: number;
  total: number;
  file?: string | undefined;
}

/** One problem in a refused or warned file set: file, row, column, value and rule (src/ingest's ImportIssue). */
export type ImportProblem = Omit<ImportIssue, 'severity'> & { severity: string };

export interface ImportOutcome {
  batchIds: number[];
  report?: { ok: boolean; issues: readonly ImportProblem[]; counts?: unknown } | undefined;
}

export interface ImportService {
  /** Loads a file set into an authority (all or nothing), reporting progress as it goes. */
  start(input: { laCode: string; files: UploadedFile[]; importedBy: string; onProgress?: (step: ImportStep) => void }): Promise<ImportOutcome>;
  /** The error report of a batch: every problem with file, row, column, value and rule. */
  errorReport?(laCode: string, batchId: number): Promise<unknown[]>;
}
