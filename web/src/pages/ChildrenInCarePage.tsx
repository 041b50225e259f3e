import { CodedBreakdownFigure } from '../components/CodedBreakdownFigure.js';
import { PlacementCostTable } from '../components/PlacementCostTable.js';
import { IndicatorCards } from '../components/IndicatorCards.js';
import { TrendFigure } from '../components/TrendFigure.js';
import { breakdownGroup, CHILDREN_IN_CARE } from './page-indicators.js';

const GROUP = breakdownGroup(CHILDREN_IN_CARE.breakdowns);

export function ChildrenInCarePage() {
  return (
    <>
      <IndicatorCards ids={CHILDREN_IN_CARE.cards} title="Children in care and care leavers" />
      <h2>Trend and breakdowns</h2>
      <div className="grid-2">
        <TrendFigure id={CHILDREN_IN_CARE.trend.id} title={CHILDREN_IN_CARE.trend.title} />
        {CHILDREN_IN_CARE.breakdowns.map((b) => (
          <CodedBreakdownFigure key={`${b.id}-${b.breakdown}`} id={b.id} breakdown={b.breakdown} title={b.title} group={GROUP} />
        ))}
      </div>
      <PlacementCostTable />
    </>
  );
}
