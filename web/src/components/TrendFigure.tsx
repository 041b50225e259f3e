import { useMemo } from 'react';
import { useCatalogue, useTrendRows } from '../api/indicators.js';
import { useFilters } from '../layout/filters.js';
import { Figure } from './Figure.js';
import { formatValue } from './format.js';
import { ErrorMessage, Loading } from './Status.js';

/** An indicator over the years up to the selected one, with England's latest value as a guide. */
export function TrendFigure({ id, title }: { id: string; title: string }) {
  const { la, year } = useFilters();
  const trends = useTrendRows(la, year, [id]);
  const definition = useCatalogue().data?.get(id);
  const row = trends.data?.get(id);
  const rows = useMemo(() => (row?.years ?? []).map((p) => ({ year: p.year, value: p.value })), [row]);
  if (trends.isPending) return <Loading what={title.toLowerCase()} />;
  if (trends.isError) return <ErrorMessage error={trends.error} what={title} />;
  if (!row || rows.length === 0) return <p className="not-available">{title}: no earlier years are available.</p>;
  const unit = row.measuredAs === 'rate' ? 'rate' : (definition?.unit ?? row.unit);
  const name = definition?.title ?? row.title;
  const label = row.measuredAs === 'rate' ? `${name} (per 10,000 children)` : name;
  const england = row.comparators?.england ?? null;
  const option = {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'line',
        name: label,
        data: rows.map((r) => r.value),
        symbolSize: 8,
        lineStyle: { width: 3 },
        markLine: england === null ? undefined : { symbol: 'none', label: { formatter: `England ${formatValue(england, unit)}` }, lineStyle: { type: 'dashed', color: '#505a5f' }, data: [{ yAxis: england }] },
      },
    ],
  };
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return (
    <Figure
      title={title}
      option={option}
      summary={`${label}: from ${formatValue(first.value, unit)} in ${first.year} to ${formatValue(last.value, unit)} in ${last.year}${england === null ? '' : `; England ${formatValue(england, unit)}`}.`}
      columns={[
        { key: 'year', label: 'Year' },
        { key: 'value', label, unit },
      ]}
      rows={rows}
    />
  );
}
