/**
 * Exports: the statutory returns written from the canonical database, for any authority and
 * year, byte-for-byte stable (same data, same bytes), so export → import → export is identical.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { writeAnnexACsv, writeAnnexAXlsx } from './annex-a/write.js';
import { writeCinCensus } from './cin-census/write.js';
import { writeSsda903 } from './ssda903/write.js';
import { writeSsda903Xml } from './ssda903/write-xml.js';
import { writeWorkforce } from './workforce/write.js';

export type ExportFormat = '903' | '903-xml' | 'cin' | 'workforce' | 'annex-a' | 'annex-a-csv';

export interface ExportOptions {
  laCode: string;
  /** Collection year, labelled by its end year (2024 = 2023/24). */
  year: number;
  format: ExportFormat;
  /** Annex A only: the extract date (yyyy-mm-dd); default 31 March of `year`. */
  asAt?: string;
}

export interface ExportResult {
  /** File name → bytes. */
  files: Record<string, Uint8Array>;
  /** Values the format cannot express (e.g. sex U before 2024/25 in SSDA903). */
  warnings: string[];
}

export async function exportReturn(db: Kysely<Database>, options: ExportOptions): Promise<ExportResult> {
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) throw new Error(`Year ${options.year} is not a collection year (e.g. 2024 for 2023/24)`);
  switch (options.format) {
    case '903':
      return writeSsda903(db, options.laCode, options.year);
    case '903-xml':
      return writeSsda903Xml(db, options.laCode, options.year);
    case 'cin':
      return writeCinCensus(db, options.laCode, options.year);
    case 'workforce':
      return writeWorkforce(db, options.laCode, options.year);
    case 'annex-a':
    case 'annex-a-csv': {
      const asAt = options.asAt ?? `${options.year}-03-31`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asAt)) throw new Error(`The Annex A date ${asAt} is not a date (yyyy-mm-dd)`);
      return options.format === 'annex-a' ? writeAnnexAXlsx(db, options.laCode, asAt) : writeAnnexACsv(db, options.laCode, asAt);
    }
    default:
      throw new Error(`Unknown export format ${JSON.stringify(options.format)}: use 903, 903-xml, cin, workforce, annex-a or annex-a-csv`);
  }
}

export { writeSsda903, writeSsda903Xml, writeCinCensus, writeWorkforce, writeAnnexACsv, writeAnnexAXlsx };
export { buildAnnexA } from './annex-a/build.js';
