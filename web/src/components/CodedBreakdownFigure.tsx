import { useMemo } from 'react';
import { useCatalogue, useIndicatorResults } from '../api/indicators.js';
import { codeLabel } from '../api/code-labels.js';
import { useFilters } from '../layout/filters.js';
import { Code } from './Code.js';
import { Figure } from './Figure.js';
import { formatValue } from './format.js';
import { ErrorMessage, Loading } from './Status.js';

const AXIS_LABEL_CHARS = 38;
const shorten = (text: string) => (text.length > AXIS_LABEL_CHARS ? `${text.slice(0, AXIS_LABEL_CHARS - 1)}…` : text);

/**
 * One indicator split by one breakdown, as bars with a table: codes (placement type, legal
 * status, category…) are shown by their labels from the code lists, the code in a tooltip and
 * in the table's last column (and so in the CSV).
 */
export function CodedBreakdownFigure({ id, breakdown, title, group }: { id: string; breakdown: string; title: string; group: { ids: readonly string[]; breakdowns: string } }) {
  const { la, year } = useFilters();
  const catalogue = useCatalogue();
  // One request for every breakdown figure of the page (same ids and breakdowns → same query).
  const results = useIndicatorResults(la, year, group.ids, group.breakdowns);
  const definition = catalogue.data?.get(id);
  const rows = useMemo(
    () =>
      (results.data?.get(id)?.breakdowns ?? [])
        .filter((r) => r.breakdown === breakdown)
        .map((r) => ({ label: codeLabel(breakdown, r.key).label, code: r.key, value: r.value, numerator: r.numerator, denominator: r.denominator })),
    [results.data, id, breakdown],
  );
  if (results.isPending || catalogue.isPending) return <Loading what={title.toLowerCase()} />;
  if (results.isError) return <ErrorMessage error={results.error} what={title} />;
  const unit = definition?.unit ?? 'count';
  if (rows.length === 0) return <p className="not-available">{title}: no breakdown is available for this authority and year.</p>;
  const option = {
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const row = rows[p.dataIndex]!;
        return `${row.label}${row.label === row.code ? '' : ` (code ${row.code})`}: ${formatValue(row.value, unit)}`;
      },
    },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => shorten(r.label)), inverse: true },
    series: [{ type: 'bar', name: definition?.title ?? id, data: rows.map((r) => r.value), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatValue(p.value, unit) } }],
  };
  const largest = [...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
  const summary = `${title}: bar chart of ${rows.length} groups${largest ? `; largest ${largest.label} at ${formatValue(largest.value, unit)}` : ''}.`;
  return (
    <Figure
      title={title}
      option={option}
      summary={summary}
      height={Math.max(160, rows.length * 30 + 40)}
      columns={[
        { key: 'label', label: breakdown.replace(/_/g, ' '), render: (row) => <Code kind={breakdown} code={String(row.code)} /> },
        { key: 'value', label: definition?.title ?? id, unit },
        { key: 'numerator', label: 'Numerator', unit: 'count' },
        { key: 'denominator', label: 'Denominator', unit: 'count' },
        { key: 'code', label: 'Code' },
      ]}
      rows={rows}
    />
  );
}
