import { IndicatorCards } from '../components/IndicatorCards.js';
import { formatYear } from '../components/format.js';
import { useFilters } from '../layout/filters.js';
import { Funnel } from './Funnel.js';
import { TodayCounts } from './TodayCounts.js';
import { OVERVIEW_KEY_INDICATORS } from './page-indicators.js';

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
    </>
  );
}
