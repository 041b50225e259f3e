import { useMemo, useState, type ReactNode } from 'react';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import type { Unit } from '../api/types.js';
import { downloadFile, slug, toCsv } from './csv.js';
import { formatValue } from './format.js';

export type Row = Record<string, unknown>;

export interface TableColumn {
  key: string;
  label: string;
  /** Numbers are formatted by unit and right-aligned. */
  unit?: Unit;
  /** Custom cell (e.g. a drill-down link); the CSV keeps the raw value. */
  render?: (row: Row) => ReactNode;
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
});
const helper = createColumnHelper<typeof features, Row>();

/** A sortable, accessible table with a CSV download of exactly what it shows. */
export function DataTable({ caption, columns, rows, filename, captionHidden }: { caption: string; columns: readonly TableColumn[]; rows: readonly Row[]; filename?: string; captionHidden?: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const defs = useMemo(
    () =>
      helper.columns(
        columns.map((column) =>
          helper.accessor((row: Row) => row[column.key] as string | number | null, {
            id: column.key,
            header: column.label,
            sortUndefined: 'last',
            cell: (info) => {
              const row = info.row.original;
              if (column.render) return column.render(row);
              const value = info.getValue();
              return typeof value === 'number' ? (column.unit ? formatValue(value, column.unit) : String(value)) : (value ?? '–');
            },
          }),
        ),
      ),
    [columns],
  );
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({ features, columns: defs, data, state: { sorting }, onSortingChange: setSorting });

  const numeric = (key: string) => rows.some((r) => typeof r[key] === 'number');
  const download = () => downloadFile(`${slug(filename ?? caption)}.csv`, toCsv(columns, rows));

  return (
    <div className="data-table">
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" className={numeric(header.column.id) ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={typeof cell.getValue() === 'number' ? 'num' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length}>No rows.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="downloads">
        <button type="button" className="link-button" onClick={download}>
          Download CSV<span className="visually-hidden">: {caption}</span>
        </button>
      </p>
    </div>
  );
}
