import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { exportReturn, type ExportFormat } from '../export/index.js';

export interface ExportedFile {
  name: string;
  data: Uint8Array;
}

/** The statutory returns a generated authority is exported as, per collection year. */
export const SYNTH_EXPORT_FORMATS: readonly ExportFormat[] = ['903', 'cin', 'workforce'];

/**
 * Writes an authority's statutory returns for each collection year from `from` to `to` through
 * src/export (SSDA903 CSVs, CIN census XML, workforce CSV): the files a council would upload,
 * which `csc import` reads back into the same records. With `annexA`, also the Ofsted Annex A
 * workbook as at 31 March of the last year (an inspection extract, so one, not one a year).
 * Returns the files; writes nothing.
 */
export async function exportSyntheticReturns(
  db: Kysely<Database>,
  options: { laCode: string; from: number; to: number; formats?: readonly ExportFormat[]; annexA?: boolean },
): Promise<{ files: ExportedFile[]; warnings: string[] }> {
  const files: ExportedFile[] = [];
  const warnings: string[] = [];
  const add = (year: number, format: ExportFormat, result: { files: Record<string, Uint8Array>; warnings: string[] }) => {
    for (const [name, data] of Object.entries(result.files)) files.push({ name, data });
    for (const w of result.warnings) warnings.push(`${year} ${format}: ${w}`);
  };
  for (let year = options.from; year <= options.to; year++) {
    for (const format of options.formats ?? SYNTH_EXPORT_FORMATS) add(year, format, await exportReturn(db, { laCode: options.laCode, year, format }));
  }
  if (options.annexA) add(options.to, 'annex-a', await exportReturn(db, { laCode: options.laCode, year: options.to, format: 'annex-a' }));
  return { files, warnings };
}
