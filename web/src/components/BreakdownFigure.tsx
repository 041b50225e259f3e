import { useMemo } from 'react';
import { useCatalogue, useIndicatorResults } from '../api/indicators.js';
import { useFilters } from '../layout/filters.js';
import { Figure } from './Figure.js';
import { formatValue } from './format.js';
import { ErrorMessage, Loading } from './Status.js';

/** One indicator split by one breakdown (category, age band, placement type…), as bars with a table. */
export function BreakdownFigure({ id, breakdown, title, group }: { id: string; breakdown: string; title: string; group: { ids: readonly string[]; breakdowns: string } }) {
  const { la, year } = useFilters();
  const catalogue = useCatalogue();
  // One request for every breakdown figure of the page (same ids and breakdowns → same query).
  const results = useIndicatorResults(la, year, group.ids, group.breakdowns);
  const definition = catalogue.data?.get(id);
  const rows = useMemo(
    () => (results.data?.get(id)?.breakdowns ?? []).filter((r) => r.breakdown === breakdown).map((r) => ({ key: r.key, value: r.value, numerator: r.numerator, denominator: r.denominator })),
    [results.data, id, breakdown],
  );
  if (results.isPending || catalogue.isPending) return <Loading what={title.toLowerCase()} />;
  if (results.isError) return <ErrorMessage error={results.error} what={title} />;
  const unit = definition?.unit ?? 'count';
  if (rows.length === 0) return <p className="not-available">{title}: no breakdown is available for this authority and year.</p>;
  const option = {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.key), inverse: true },
    series: [{ type: 'bar', name: definition?.title ?? id, data: rows.map((r) => r.value), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatValue(p.value, unit) } }],
  };
  const largest = [...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
  const summary = `${title}: bar chart of ${rows.length} groups${largest ? `; largest ${largest.key} at ${formatValue(largest.value, unit)}` : ''}.`;
  return (
    <Figure
      title={title}
      option={option}
      summary={summary}
      height={Math.max(160, rows.length * 30 + 40)}
      columns={[
        { key: 'key', label: breakdown.replace(/_/g, ' ') },
        { key: 'value', label: definition?.title ?? id, unit },
        { key: 'numerator', label: 'Numerator', unit: 'count' },
        { key: 'denominator', label: 'Denominator', unit: 'count' },
      ]}
      rows={rows}
    />
  );
}
