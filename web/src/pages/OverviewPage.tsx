import { useQuery } from '@tanstack/react-query';
import { apiJson } from '../api/client.js';
import { paths } from '../api/endpoints.js';
import { IndicatorCards } from '../components/IndicatorCards.js';
import { formatValue, formatYear } from '../components/format.js';
import { ErrorMessage, Loading } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';
import { Funnel } from './Funnel.js';
import { TodayCounts } from './TodayCounts.js';
import { OVERVIEW_COMPARED, OVERVIEW_KEY_INDICATORS, RAG_AGAINST_LABEL, type ComparedIndicator } from './page-indicators.js';

type FormatUnit = Parameters<typeof formatValue>[1];

/** Each key indicator next to England, the region and statistical neighbours, with its RAG status. */
function ComparisonTable({ la, year }: { la: string; year: number }) {
  const query = useQuery({
    queryKey: ['indicators', la, year, OVERVIEW_COMPARED.join(','), 'compared'],
    queryFn: () => apiJson<{ items: ComparedIndicator[] }>(paths.indicators(la), { query: { years: String(year), ids: OVERVIEW_COMPARED.join(',') } }),
  });
  if (query.isPending) return <Loading what="comparisons" />;
  if (query.isError) return <ErrorMessage error={query.error} what="Comparisons" />;
  const byId = new Map(query.data.items.map((i) => [i.id, i]));
  const rows = OVERVIEW_COMPARED.map((id) => byId.get(id)).filter((i): i is ComparedIndicator => i !== undefined);
  const show = (value: number | null | undefined, item: ComparedIndicator) =>
    formatValue(value, (item.comparators?.comparedOn === 'rate' ? 'rate' : item.unit) as FormatUnit);
  return (
    <div className="table-scroll">
      <table data-testid="comparison-table">
        <caption>Compared with England, the region and statistical neighbours ({formatYear(year)})</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">{la}</th>
            <th scope="col">Statistical neighbours</th>
            <th scope="col">Region</th>
            <th scope="col">England</th>
            <th scope="col">Better is</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.id} data-indicator={item.id}>
              <th scope="row">
                <details>
                  <summary>{item.title}</summary>
                  <p>{item.catalogue.definition}</p>
                  <p>
                    Numerator: {item.catalogue.numerator}
                    {item.catalogue.denominator ? `. Denominator: ${item.catalogue.denominator}` : ''}. Source: {item.catalogue.source} ({item.catalogue.sourceDetail}).
                    {item.catalogue.notes ? ` ${item.catalogue.notes}` : ''}
                  </p>
                </details>
              </th>
              <td>{show(item.comparators ? item.comparators.value : item.value, item)}</td>
              <td>{show(item.comparators?.statisticalNeighbours, item)}</td>
              <td>{show(item.comparators?.region, item)}</td>
              <td>{show(item.comparators?.england, item)}</td>
              <td>{item.higherIsBetter === null ? 'context' : item.higherIsBetter ? 'higher' : 'lower'}</td>
              <td>
                {item.rag ? (
                  <p className={`rag rag--${item.rag.status}`} data-rag={item.rag.status}>
                    <span className="rag__dot" aria-hidden="true" />
                    {item.rag.status === 'green' ? 'Better than' : item.rag.status === 'amber' ? 'Similar to' : 'Worse than'} {RAG_AGAINST_LABEL[item.rag.against]}
                  </p>
                ) : (
                  'No status'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OverviewPage() {
  const { la, year } = useFilters();
  return (
    <>
      <p className="hint">
        Authority {la}, year {formatYear(year)} (1 April {year - 1} to 31 March {year}).
      </p>
      <TodayCounts />
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">From contact to care</h2>
        <Funnel />
      </section>
      <IndicatorCards ids={OVERVIEW_KEY_INDICATORS} title="Key indicators" />
      <section aria-labelledby="comparison-title">
        <h2 id="comparison-title">How we compare</h2>
        <p className="hint">Status compares each value with statistical neighbours (else England, else the region): within 5% either side is similar.</p>
        <ComparisonTable la={la} year={year} />
      </section>
    </>
  );
}
