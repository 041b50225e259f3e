import type { IndicatorDefinition, IndicatorResult, TrendRow } from '../api/types.js';
import { AboutPanel } from './AboutPanel.js';
import { DrillDownLink } from './DrillDownLink.js';
import { formatValue, unitSuffix } from './format.js';
import { ragLabel, ragStatus } from './rag.js';
import { Sparkline } from './Sparkline.js';

function formatChange(change: number | null): string {
  if (change === null) return '–';
  return `${change > 0 ? '+' : ''}${formatValue(change, 'percent')}`;
}

/**
 * One indicator at a glance: the value, its trend, RAG against the local target (or England when
 * there is none: colour and words), England / region / statistical neighbours, and what it means.
 */
export function IndicatorCard({ definition, result, trend, la, year }: { definition: IndicatorDefinition; result: IndicatorResult | undefined; trend: TrendRow | undefined; la: string; year: number }) {
  const unit = definition.unit;
  // Comparators and trend are in the trend row's terms (the rate per 10,000 for published counts).
  const trendUnit = trend?.measuredAs === 'rate' ? 'rate' : unit;
  const comparable = trend?.measuredAs === 'rate' ? (result?.rate ?? trend.latest) : (result?.value ?? trend?.latest ?? null);
  const target = result?.target ?? null;
  const against = target !== null ? 'target' : 'England';
  const rag = ragStatus(comparable, target ?? trend?.comparators?.england, definition.polarity, against);
  const comparators = trend?.comparators;
  const headingId = `indicator-${definition.id}`;
  const value = result ? result.value : (trend?.latest ?? null);
  return (
    <article className="card" aria-labelledby={headingId} data-indicator={definition.id}>
      <h3 id={headingId} className="card__title">
        {definition.title}
      </h3>
      <p className="card__value">
        <span data-value={value ?? ''}>{formatValue(value, unit)}</span>
        <span className="card__unit">{unitSuffix(unit)}</span>
      </p>
      {result?.numerator != null && result.denominator != null && (
        <p className="card__detail">
          {formatValue(result.numerator, 'count')} of {formatValue(result.denominator, 'count')}
        </p>
      )}
      {trend?.measuredAs === 'rate' && result?.rate != null && <p className="card__detail">{formatValue(result.rate, 'rate')} per 10,000 children</p>}
      <div className="card__row">
        {trend && <Sparkline points={trend.years} unit={trendUnit} />}
        {trend && (
          <p className="card__detail">
            1 year {formatChange(trend.change1y)} · 5 years {formatChange(trend.change5y)}
          </p>
        )}
      </div>
      {rag && (
        <p className={`rag rag--${rag}`}>
          <span className="rag__dot" aria-hidden="true" />
          {ragLabel(rag, against)}
        </p>
      )}
      {comparators && (
        <dl className="comparators" aria-label={`Comparators${trend?.measuredAs === 'rate' ? ' (rate per 10,000)' : ''}, ${comparators.year ?? ''}`}>
          <div>
            <dt>England</dt>
            <dd>{formatValue(comparators.england, trendUnit)}</dd>
          </div>
          <div>
            <dt>{comparators.regionName ?? 'Region'}</dt>
            <dd>{formatValue(comparators.region, trendUnit)}</dd>
          </div>
          <div>
            <dt>Statistical neighbours</dt>
            <dd>{formatValue(comparators.statisticalNeighbours, trendUnit)}</dd>
          </div>
        </dl>
      )}
      <AboutPanel definition={definition} />
      <DrillDownLink la={la} indicator={definition.id} year={year} label={definition.title} />
    </article>
  );
}
