/**
 * The seam between the API and src/ingest: the server saves an uploaded file set safely, then
 * hands it to an ImportService. Until one is wired (see routes/imports.ts), uploads answer 501.
 */
export interface UploadedFile {
  /** The client's file name, checked: no path, no control characters. */
  name: string;
  /** Where the server saved it (inside its upload folder). */
  path: string;
  bytes: number;
}

export interface ImportService {
  /** Loads a file set into an authority; returns the import batches it created. */
  start(input: { laCode: string; files: UploadedFile[]; importedBy: string }): Promise<{ batchIds: number[]; report?: { ok: boolean; issues: readonly unknown[] } }>;
  /** The error report of a batch: every problem with file, row, column, value and rule. */
  errorReport?(laCode: string, batchId: number): Promise<unknown[]>;
}
