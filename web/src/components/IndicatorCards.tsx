import { useCatalogue, useIndicatorResults, useTrendRows } from '../api/indicators.js';
import { useFilters } from '../layout/filters.js';
import { IndicatorCard } from './IndicatorCard.js';
import { ErrorMessage, Loading } from './Status.js';

/** A grid of indicator cards for the current authority and year; unknown ids are listed, not invented. */
export function IndicatorCards({ ids, title }: { ids: readonly string[]; title: string }) {
  const { la, year } = useFilters();
  const catalogue = useCatalogue();
  const results = useIndicatorResults(la, year, ids);
  // Trends and comparators are extra: the cards show without them if that route is missing.
  const trends = useTrendRows(la, year, ids);
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {catalogue.isPending || results.isPending || trends.isPending ? (
        <Loading what={title.toLowerCase()} />
      ) : catalogue.isError ? (
        <ErrorMessage error={catalogue.error} what="The indicator catalogue" />
      ) : results.isError ? (
        <ErrorMessage error={results.error} what={title} />
      ) : (
        <div className="cards">
          {ids.map((id) => {
            const definition = catalogue.data.get(id);
            const result = results.data.get(id);
            const trend = trends.data?.get(id);
            if (!definition || (!result && !trend)) {
              return (
                <article className="card" key={id} data-indicator={id}>
                  <h3 className="card__title">{definition?.title ?? id}</h3>
                  <p>Not calculated for this authority and year yet.</p>
                </article>
              );
            }
            return <IndicatorCard key={id} definition={definition} result={result} trend={trend} la={la} year={year} />;
          })}
        </div>
      )}
    </section>
  );
}
