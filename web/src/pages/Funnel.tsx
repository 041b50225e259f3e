import { useIndicatorResults } from '../api/indicators.js';
import { formatValue } from '../components/format.js';
import { ErrorMessage, Loading } from '../components/Status.js';
import { DataTable } from '../components/DataTable.js';
import { useFilters } from '../layout/filters.js';
import { FUNNEL } from './page-indicators.js';

const FUNNEL_IDS = FUNNEL.map((s) => s.id);

/** Contacts → referrals → … → care, with each stage as a share of the previous one. */
export function Funnel() {
  const { la, year } = useFilters();
  const results = useIndicatorResults(la, year, FUNNEL_IDS);
  if (results.isPending) return <Loading what="the front-door funnel" />;
  if (results.isError) return <ErrorMessage error={results.error} what="The front-door funnel" />;
  const stages = FUNNEL.map((stage, i) => {
    const value = results.data.get(stage.id)?.value ?? null;
    const previous = i > 0 ? (results.data.get(FUNNEL[i - 1]!.id)?.value ?? null) : null;
    const conversion = value !== null && previous ? (100 * value) / previous : null;
    return { stage: stage.label, id: stage.id, value, conversion };
  });
  return (
    <>
      <ol className="funnel" aria-label="Front-door funnel">
        {stages.map((s, i) => (
          <li key={s.id} data-indicator={s.id}>
            <span>{s.stage}</span>
            <span className="stage-value" data-value={s.value ?? ''}>
              {formatValue(s.value, 'count')}
            </span>
            {i > 0 && <span className="conversion">{s.conversion === null ? 'no conversion rate' : `${formatValue(s.conversion, 'percent')} of previous stage`}</span>}
          </li>
        ))}
      </ol>
      <details>
        <summary>Funnel as a table</summary>
        <DataTable
          caption="Front-door funnel"
          columns={[
            { key: 'stage', label: 'Stage' },
            { key: 'value', label: 'Number', unit: 'count' },
            { key: 'conversion', label: '% of previous stage', unit: 'percent' },
          ]}
          rows={stages}
        />
      </details>
    </>
  );
}
