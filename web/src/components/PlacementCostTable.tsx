import { useQuery } from '@tanstack/react-query';
import { getJson, paths } from '../api/endpoints.js';
import type { PlacementCosts } from '../api/forecast-types.js';
import { useFilters } from '../layout/filters.js';
import { Code } from './Code.js';
import { DataTable } from './DataTable.js';
import { formatValue } from './format.js';
import { QueryState } from './Status.js';

/**
 * Children looked after on 31 March by placement type, each at its weekly cost (the
 * authority's placement_cost rows, else the published defaults), and the total weekly cost.
 */
export function PlacementCostTable() {
  const { la, year } = useFilters();
  const date = `${year}-03-31`;
  const costs = useQuery({ queryKey: ['placement-costs', la, date], queryFn: () => getJson<PlacementCosts>(paths.placementCosts(la), { date }) });
  return (
    <section aria-labelledby="placement-costs-title" className="figure">
      <h2 id="placement-costs-title" className="figure__title">
        Placements and their weekly cost on {date}
      </h2>
      <QueryState query={costs} what="Placement costs">
        {(c) => (
          <>
            <p data-testid="placement-cost-total">
              <strong data-value={c.totalWeeklyCost}>{formatValue(c.totalWeeklyCost, 'currency')}</strong> a week for{' '}
              <span data-value={c.totalChildren}>{formatValue(c.totalChildren, 'count')}</span> children looked after.
            </p>
            <p className="hint">
              {c.localCosts ? 'Weekly costs from the authority’s placement cost records' : 'No local placement costs are recorded: published average costs are used'}, by placement category and provider,
              uprated by {formatValue(c.inflation * 100, 'percent')} a year from their price date.
              {c.items.some((i) => i.placeholder) && ' Rows marked * use a placeholder cost: record a local cost to replace it.'}
            </p>
            <DataTable
              caption="Placements by type with weekly cost"
              columns={[
                { key: 'placementType', label: 'Placement type', render: (row) => <>{<Code kind="placement_type" code={String(row.placementType)} />}{row.placeholder ? ' *' : ''}</> },
                { key: 'category', label: 'Cost category' },
                { key: 'children', label: 'Children', unit: 'count' },
                { key: 'averageWeeklyCost', label: 'Weekly cost each', unit: 'currency' },
                { key: 'weeklyCost', label: 'Weekly cost', unit: 'currency' },
              ]}
              rows={c.items}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
