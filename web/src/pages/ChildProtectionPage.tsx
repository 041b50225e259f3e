import { CodedBreakdownFigure } from '../components/CodedBreakdownFigure.js';
import { IndicatorCards } from '../components/IndicatorCards.js';
import { TrendFigure } from '../components/TrendFigure.js';
import { breakdownGroup, CHILD_PROTECTION } from './page-indicators.js';

const GROUP = breakdownGroup(CHILD_PROTECTION.breakdowns);

export function ChildProtectionPage() {
  return (
    <>
      <IndicatorCards ids={CHILD_PROTECTION.cards} title="Child protection indicators" />
      <h2>Trend and breakdowns</h2>
      <div className="grid-2">
        <TrendFigure id={CHILD_PROTECTION.trend.id} title={CHILD_PROTECTION.trend.title} />
        {CHILD_PROTECTION.breakdowns.map((b) => (
          <CodedBreakdownFigure key={`${b.id}-${b.breakdown}`} id={b.id} breakdown={b.breakdown} title={b.title} group={GROUP} />
        ))}
      </div>
    </>
  );
}
