import { collectionYearOf } from '../common/dates.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { InputFile, ReadResult } from '../common/types.js';
import { ANNEX_A_LISTS } from './lists.js';
import { ANNEX_A_TABLES, linkAnnexA } from './link.js';
import { parseListTable, type ListRecord } from './parse.js';
import { readAnnexACsv, readAnnexAWorkbook, type ListTable } from './sources.js';

/** What makes two rows of a list the same record (a duplicate is an error). Contacts may repeat. */
const RECORD_KEY: Record<number, readonly string[]> = {
  2: ['child', 'start'], 3: ['child', 'referralDate'], 4: ['child', 'start'], 5: ['child', 'start'], 6: ['child', 'start'],
  7: ['child', 'start'], 8: ['child', 'periodStart'], 9: ['child'], 10: ['child', 'decision'], 11: ['adopter'],
};

/**
 * Reads an Annex A set: workbooks (every sheet that is a list) and CSV lists, together, checking
 * every cell. The records are turned into canonical rows later (`link`), against what the
 * database and the other files of the import hold. The set's year is the collection year of its
 * extract date (given, or the latest date in the lists).
 */
export async function readAnnexA(files: readonly { file: InputFile; fileIndex: number }[], given: number | undefined): Promise<ReadResult> {
  const issues: ImportIssue[] = [];
  const tables: ListTable[] = [];
  for (const { file, fileIndex } of files) {
    const isWorkbook = file.data[0] === 0x50 && file.data[1] === 0x4b;
    if (isWorkbook) tables.push(...(await readAnnexAWorkbook(file, fileIndex, issues)));
    else {
      const table = readAnnexACsv(file, fileIndex, issues);
      if (table) tables.push(table);
    }
  }
  const records: ListRecord[] = [];
  for (const table of tables) records.push(...parseListTable(table, issues));
  findDuplicates(records, issues);

  let latest = '';
  for (const r of records) for (const [key, value] of Object.entries(r.v)) if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && key !== 'dob' && value > latest) latest = value;
  const year = given ?? files.map((f) => f.file.year).find((y) => y !== undefined) ?? (latest ? collectionYearOf(latest) : null);
  const asAt = latest || (year !== null ? `${year}-03-31` : '');
  if (year === null && records.length) {
    issues.push(issue('error', files[0]!.file.name, 0, '', '', 'year', 'The extract date of this Annex A cannot be told', '--year'));
  }
  const result: ReadResult = { format: 'annex-a', year, rows: [], supersedes: [], issues, tables: ANNEX_A_TABLES };
  if (year !== null) result.link = (state) => linkAnnexA(records, state, year, asAt);
  return result;
}

function findDuplicates(records: readonly ListRecord[], issues: ImportIssue[]): void {
  const seen = new Map<string, ListRecord>();
  for (const r of records) {
    const columns = RECORD_KEY[r.list];
    if (!columns) continue;
    const key = `${r.list}|${columns.map((c) => String(r.v[c])).join('|')}`;
    const first = seen.get(key);
    if (first) {
      const list = ANNEX_A_LISTS[r.list - 1]!;
      const headers = columns.map((c) => list.columns.find((x) => x.key === c)!.header);
      issues.push(issue('error', r.file, r.line, headers[0]!, columns.map((c) => String(r.v[c])).join(' '), 'duplicate', `List ${r.list} has this ${headers.join(' and ')} twice (first on line ${first.line} of ${first.file})`, 'one row per record'));
    } else seen.set(key, r);
  }
}
