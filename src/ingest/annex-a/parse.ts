import { describeAllowed } from '../../model/code-lists/index.js';
import { FieldReader } from '../common/fields.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { AnnexAColumn } from './lists.js';
import type { ListTable } from './sources.js';
import { annexACode } from './values.js';

export type Value = string | number | null;

/** One checked row of an Annex A list: typed values by column key (dates ISO, codes stored codes). */
export interface ListRecord {
  list: number;
  fileIndex: number;
  file: string;
  line: number;
  v: Record<string, Value>;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what ids may not contain
const ID_PATTERN = /^[^\u0000-\u001f]+$/;

/** Checks every cell of every row (all problems collected) and returns the rows that passed. */
export function parseListTable(table: ListTable, issues: ImportIssue[]): ListRecord[] {
  const records: ListRecord[] = [];
  const r = new FieldReader(table.file, issues, null);
  const width = table.columns.length;
  for (const row of table.rows) {
    if (row.cells.length > width && row.cells.slice(width).some((c) => c !== '')) {
      issues.push(issue('error', table.file, row.line, '', '', 'columns', `The row has ${row.cells.length} values but the header has ${width} columns`, `${width} values`));
      continue;
    }
    const values: Record<string, string> = {};
    table.columns.forEach((c, i) => {
      if (c) values[c.header] = row.cells[i] ?? '';
    });
    r.at(row.line, values);
    const before = issues.length;
    const v: Record<string, Value> = {};
    for (const column of table.list.columns) v[column.key] = column.header in values ? readValue(r, column) : null;
    if (issues.slice(before).some((i) => i.severity === 'error')) continue;
    records.push({ list: table.list.number, fileIndex: table.fileIndex, file: table.file, line: row.line, v });
  }
  return records;
}

function readValue(r: FieldReader, column: AnnexAColumn): Value {
  const required = column.required ?? false;
  switch (column.kind) {
    case 'id':
      return r.text(column.header, { required, max: 48, pattern: ID_PATTERN, patternText: 'an identifier of at most 48 characters without control characters' });
    case 'text':
      return r.text(column.header, { required, max: 200 });
    case 'date':
      return r.date(column.header, { required });
    case 'int':
      return r.integer(column.header, 0, 10_000, { required });
    case 'code': {
      const raw = r.raw(column.header);
      const list = column.list!;
      if (raw === '') {
        if (required) r.error(column.header, raw, 'required', `${column.header} is required but is blank`, describeAllowed(list));
        return null;
      }
      const code = annexACode(list, raw);
      if (code === null) r.error(column.header, raw, `code-list:${list.id}`, `"${raw.length > 60 ? raw.slice(0, 57) + '...' : raw}" is not a value of ${list.title}`, describeAllowed(list));
      return code;
    }
  }
}
