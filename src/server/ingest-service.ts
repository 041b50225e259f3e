import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { importFiles, type ImportReport } from '../ingest/index.js';
import { prepareIndicators } from '../metrics/index.js';
import type { ImportService } from './imports.js';

/**
 * The default ImportService: src/ingest's importFiles, all files in one transaction. The report
 * (every problem with file, row, column, value and rule) is kept by the import job; reports
 * of the last imports are kept in memory by batch for the error-report route.
 */
export function ingestImportService(db: Kysely<Database>): ImportService & { lastReport(laCode: string, batchId: number): ImportReport | undefined } {
  const reports = new Map<string, ImportReport>();
  return {
    async start({ laCode, files, importedBy, onProgress }) {
      const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await readFile(f.path)) })));
      const report = await importFiles(db, { laCode, files: inputs, importedBy, ...(onProgress ? { onProgress } : {}) });
      const batchIds = report.batches.map((b) => b.batchId).filter((id): id is number => id !== null);
      // Units for the indicators are built now, not by the first dashboard that asks.
      if (report.ok && batchIds.length) await prepareIndicators(db, { laCode, onProgress: (done, total) => onProgress?.({ phase: 'indicators', done, total }) });
      for (const id of batchIds) reports.set(`${laCode}:${id}`, report);
      if (reports.size > 200) reports.delete(reports.keys().next().value!);
      return { batchIds, report };
    },
    async errorReport(laCode, batchId) {
      return reports.get(`${laCode}:${batchId}`)?.issues ?? [];
    },
    lastReport(laCode, batchId) {
      return reports.get(`${laCode}:${batchId}`);
    },
  };
}
