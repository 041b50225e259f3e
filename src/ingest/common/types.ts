import type { ImportIssue } from './issues.js';
import type { MergeState } from './state.js';
import type { ImportTable } from './tables.js';

export type ImportFormat = '903' | 'cin' | 'annex-a' | 'workforce';

/** A file handed to the importer: its name (as the user knows it) and bytes. */
export interface InputFile {
  name: string;
  data: Uint8Array;
  /** Collection year of this file, when the caller knows it better than the name or contents. */
  year?: number;
}

/** Where a staged row came from, so every problem and difference can point back at it. */
export interface SourceRef {
  /** Index of the file in the import (its batch). */
  fileIndex: number;
  file: string;
  line: number;
  /** Collection year of the return the row came from (later returns win). */
  year: number | null;
}

/** A canonical row an importer wants written (only the columns its format knows). */
export interface StagedRow {
  table: ImportTable;
  row: Record<string, unknown>;
  source: SourceRef;
  /** Placeholder rows (workers named only by an SWEpisodes SW_ID): written only if absent. */
  weak?: boolean;
}

/**
 * A return that is authoritative for some children over a window: their rows in `table` that
 * overlap the window and are not in the return are removed (an SSDA903 year's episodes).
 */
export interface Supersede {
  table: 'cla_episode';
  year: number;
  from: string;
  to: string;
  children: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  source: SourceRef;
}

/** What one file contributed after reading and checking. */
export interface ReadResult {
  format: ImportFormat;
  year: number | null;
  rows: StagedRow[];
  supersedes: Supersede[];
  issues: ImportIssue[];
  /** Tables the format writes besides those in `rows` (read from the database before merging). */
  tables?: readonly ImportTable[];
  /**
   * Formats whose records depend on what is already held (Annex A: which referral an assessment
   * belongs to) add them after the returns are merged; returns the problems found.
   */
  link?: (state: MergeState) => ImportIssue[];
}

export interface Difference {
  table: ImportTable;
  key: string;
  column: string;
  earlier: { value: unknown; year: number | null };
  later: { value: unknown; year: number | null };
  /** Which value is now held: the later return's, or the earlier one kept (or 'removed'). */
  outcome: 'replaced' | 'kept' | 'removed';
  file: string;
  line: number;
}

export interface BatchSummary {
  file: string;
  format: ImportFormat;
  year: number | null;
  hash: string;
  batchId: number | null;
  status: 'loaded' | 'unchanged' | 'would-load' | 'refused';
}

export interface TableCounts {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  batches: BatchSummary[];
  counts: Partial<Record<ImportTable, TableCounts>>;
  differences: Difference[];
  issues: ImportIssue[];
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'merge' | 'write';
  done: number;
  total: number;
  file?: string;
}
