import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { validateRows } from '../model/records/index.js';
import { fileHash } from './common/hash.js';
import { hasErrors, issue, type ImportIssue } from './common/issues.js';
import { planChanges, readExisting, writeChanges } from './common/load.js';
import { MergeState } from './common/state.js';
import { TABLE_ORDER, type ImportTable } from './common/tables.js';
import type { BatchSummary, ImportFormat, ImportProgress, ImportReport, InputFile, ReadResult, SourceRef, StagedRow } from './common/types.js';
import { readAnnexA } from './annex-a/read.js';
import { readCinCensus } from './cin-census/read.js';
import { detectFormat } from './detect.js';
import { checkSsda903Year } from './ssda903/check.js';
import { derivePeriods } from './ssda903/periods.js';
import { readSsda903Csv, type Ssda903File } from './ssda903/read.js';
import { readSsda903Xml } from './ssda903/read-xml.js';
import { readWorkforce } from './workforce/read.js';
import { inferSsda903Year, yearFromName } from './year.js';

export interface ImportOptions {
  laCode: string;
  files: readonly InputFile[];
  /** 'auto' (default) recognises each file by its contents. */
  format?: ImportFormat | 'auto';
  /** Collection year (end-year label) for files whose name and contents do not say. */
  year?: number;
  /** Report what would change, write nothing. */
  dryRun?: boolean;
  importedBy?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports a set of statutory files for one authority: all of them or none (one transaction),
 * idempotently (records are matched on stable keys; unchanged records are not touched; a file
 * already loaded adds no new batch). Returns a report; nothing is written when it has errors.
 */
export async function importFiles(db: Kysely<Database>, options: ImportOptions): Promise<ImportReport> {
  const { laCode, files } = options;
  const dryRun = options.dryRun ?? false;
  const progress = options.onProgress ?? (() => undefined);
  const issues: ImportIssue[] = [];
  const report = (batches: BatchSummary[], extra: Partial<ImportReport> = {}): ImportReport => ({
    ok: !hasErrors(issues), dryRun, batches, counts: {}, differences: [], issues, ...extra,
  });

  const authority = await db.selectFrom('local_authority').select('la_code').where('la_code', '=', laCode).executeTakeFirst();
  if (!authority) {
    issues.push(issue('error', '', 0, '', laCode, 'authority', `Authority ${laCode} is not in this database`, 'an authority added with `csc la add`'));
    return report([]);
  }

  // 1. Read and check every file.
  const results: { result: ReadResult; fileIndexes: number[] }[] = [];
  const formats: (ImportFormat | null)[] = files.map(() => null);
  const ssda903: Ssda903File[] = [];
  const annexA: { file: InputFile; fileIndex: number }[] = [];
  files.forEach((file, fileIndex) => {
    progress({ phase: 'read', done: fileIndex, total: files.length, file: file.name });
    const detected = options.format && options.format !== 'auto' ? options.format : detectFormat(file);
    if (detected === '903-xml') {
      formats[fileIndex] = '903';
      const read = readSsda903Xml(file, fileIndex);
      for (const i of read.issues) issues.push(i);
      for (const f of read.files) ssda903.push(f);
    } else if (detected === 'annex-a') {
      formats[fileIndex] = 'annex-a';
      annexA.push({ file, fileIndex });
    } else if (detected === 'unknown') {
      issues.push(issue('error', file.name, 1, '', '', 'format', 'The file is not a recognised return (XML root is neither <Message> nor <EXPSSDA903>)', 'SSDA903 CSV, CIN census XML or the workforce list'));
    } else if (detected === 'cin') {
      formats[fileIndex] = 'cin';
      const year = file.year ?? options.year;
      results.push({ result: readCinCensus(file, fileIndex, year === undefined ? { laCode } : { laCode, year }), fileIndexes: [fileIndex] });
    } else if (detected === 'workforce') {
      formats[fileIndex] = 'workforce';
      results.push({ result: readWorkforce(file, fileIndex, file.year ?? options.year ?? yearFromName(file.name)), fileIndexes: [fileIndex] });
    } else {
      formats[fileIndex] = '903';
      const read = readSsda903Csv(file, fileIndex);
      for (const i of read.issues) issues.push(i);
      if (read.file) ssda903.push(read.file);
    }
  });
  for (const [year, group] of groupSsda903ByYear(ssda903, options.year, issues)) {
    results.push({ result: checkSsda903Year(group, year), fileIndexes: group.map((f) => f.fileIndex) });
  }
  if (annexA.length) results.push({ result: await readAnnexA(annexA, options.year), fileIndexes: annexA.map((f) => f.fileIndex) });
  for (const { result } of results) for (const i of result.issues) issues.push(i);

  const hashes = files.map((f) => fileHash(f.data));
  const years = files.map((_, i) => results.find((r) => r.fileIndexes.includes(i))?.result.year ?? null);
  const batches: BatchSummary[] = files.map((file, i) => ({ file: file.name, format: formats[i] ?? '903', year: years[i] ?? null, hash: hashes[i]!, batchId: null, status: 'refused' }));
  if (hasErrors(issues)) return report(batches);

  // 2. Merge with what the database holds, year by year (later returns win).
  progress({ phase: 'merge', done: 0, total: 1 });
  const staged: StagedRow[] = results.flatMap(({ result }) => result.rows);
  const touched = new Set<ImportTable>(staged.map((s) => s.table));
  for (const { result } of results) for (const t of result.tables ?? []) touched.add(t);
  if (touched.has('cla_episode')) touched.add('care_period');
  const state = new MergeState();
  await readExisting(db, laCode, TABLE_ORDER.filter((t) => touched.has(t)), state);
  const byYear = new Map<number, { rows: StagedRow[]; supersedes: ReadResult['supersedes'] }>();
  for (const { result } of results) {
    const key = result.year ?? -1;
    const slot = byYear.get(key) ?? { rows: [], supersedes: [] };
    for (const row of result.rows) slot.rows.push(row);
    for (const rule of result.supersedes) slot.supersedes.push(rule);
    byYear.set(key, slot);
  }
  const episodeChildren = new Set<string>();
  let episodeSource: SourceRef | null = null;
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const slot = byYear.get(year)!;
    for (const row of slot.rows) {
      state.apply(row);
      if (row.table === 'cla_episode') {
        episodeChildren.add(String(row.row.child_id));
        episodeSource ??= row.source;
      }
    }
    for (const rule of slot.supersedes) {
      state.supersede(rule);
      for (const c of rule.children) episodeChildren.add(c);
      episodeSource ??= rule.source;
    }
  }
  if (episodeSource) derivePeriods(state, episodeChildren, episodeSource);
  for (const { result } of results) if (result.link) issues.push(...result.link(state));
  if (hasErrors(issues)) return report(batches, { differences: state.differences });

  // 3. Check the merged records against the canonical model (the last line of defence).
  const plan = planChanges(state);
  for (const [table, rows] of plan.upserts) {
    const found = validateRows(table, rows.map((r) => ({ la_code: laCode, ...r.row })));
    for (const f of found) {
      const { source } = rows[f.row]!;
      issues.push(issue('error', source.file, source.line, f.column, f.value, f.rule, `${table}: ${f.message}`, ''));
    }
  }
  if (hasErrors(issues)) return report(batches, { counts: plan.counts, differences: state.differences });

  // 4. Which files get a batch: new files, and known files that still change something.
  const known = await db
    .selectFrom('import_batch')
    .select(['file_hash', 'batch_id'])
    .where('la_code', '=', laCode)
    .where('status', '=', 'loaded')
    .where('file_hash', 'in', [...new Set(hashes)])
    .execute();
  const knownHashes = new Set(known.map((k) => k.file_hash));
  const rowCounts: Record<string, number>[] = files.map(() => ({}));
  for (const [table, rows] of plan.upserts) for (const r of rows) rowCounts[r.fileIndex]![table] = (rowCounts[r.fileIndex]![table] ?? 0) + 1;
  const needsBatch = files.map((_, i) => !knownHashes.has(hashes[i]!) || Object.keys(rowCounts[i]!).length > 0);
  const anyChange = plan.upserts.size > 0 || plan.deletes.size > 0;
  batches.forEach((b, i) => (b.status = needsBatch[i] ? (dryRun ? 'would-load' : 'loaded') : 'unchanged'));
  if (dryRun || !needsBatch.some(Boolean)) {
    return report(batches, { counts: plan.counts, differences: state.differences });
  }

  // 5. Write everything in one transaction.
  const importedBy = options.importedBy ?? 'csc';
  const batchIds: (number | null)[] = files.map(() => null);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < files.length; i++) {
      if (!needsBatch[i]) continue;
      const inserted = await trx
        .insertInto('import_batch')
        .values({
          la_code: laCode, format: formats[i] ?? '903', file_name: files[i]!.name.slice(0, 400), file_hash: hashes[i]!, collection_year: years[i] ?? null,
          imported_by: importedBy, status: 'loaded', finished_at: sql<string>`now()`, row_counts: JSON.stringify(rowCounts[i]),
        })
        .returning('batch_id')
        .executeTakeFirstOrThrow();
      batchIds[i] = Number(inserted.batch_id);
      batches[i]!.batchId = batchIds[i]!;
    }
    if (anyChange) await writeChanges(trx, laCode, plan, batchIds, (done, total) => progress({ phase: 'write', done, total }));
  });
  progress({ phase: 'write', done: 1, total: 1 });
  return report(batches, { counts: plan.counts, differences: state.differences });
}

/** Groups 903 tables into one return per year: year given → in the name → from the dates. */
function groupSsda903ByYear(files: readonly Ssda903File[], given: number | undefined, issues: ImportIssue[]): Map<number, Ssda903File[]> {
  const groups = new Map<number, Ssda903File[]>();
  const undated = new Map<string, Ssda903File[]>();
  for (const f of files) {
    const year = f.file.year ?? given ?? yearFromName(f.file.name);
    if (year === null) {
      const dir = dirname(f.file.name);
      undated.set(dir, [...(undated.get(dir) ?? []), f]);
    } else groups.set(year, [...(groups.get(year) ?? []), f]);
  }
  for (const group of undated.values()) {
    const inferred = inferSsda903Year(group);
    if (!inferred) {
      issues.push(issue('error', group[0]!.file.name, 0, '', '', 'year', 'The collection year of this SSDA903 file set cannot be told from the names or dates', 'a year in the file name, or --year'));
      continue;
    }
    issues.push(issue('notice', group[0]!.file.name, 0, '', String(inferred.year), 'year', `Collection year taken as ${inferred.year} from the latest date in the files (${inferred.from})`, ''));
    groups.set(inferred.year, [...(groups.get(inferred.year) ?? []), ...group]);
  }
  return groups;
}
