import { comparators, getIndicator, type IndicatorResult } from '../../metrics/index.js';
import { RAG_RULE, ragStatus, type RagResult } from './rag-rule.js';

/** What an indicator value is shown with: its catalogue fields, comparators and RAG status. */
export interface IndicatorContext {
  catalogue: {
    definition: string;
    numerator: string;
    denominator: string | null;
    unit: string;
    source: string;
    sourceDetail: string;
    notes: string | null;
  };
  polarity: 'up' | 'down' | 'context';
  /** true when higher is better, false when lower is, null for context indicators. */
  higherIsBetter: boolean | null;
  /** England, region and statistical-neighbour averages for the same year (src/reference), or null when DfE publishes no comparable measure. */
  comparators: {
    measure: string;
    /** 'rate': compared on the rate per 10,000 (counts DfE publishes as a rate); else the value. */
    comparedOn: 'value' | 'rate';
    year: number;
    value: number | null;
    england: number | null;
    region: number | null;
    regionName: string | null;
    statisticalNeighbours: number | null;
    neighboursWithData: number;
  } | null;
  rag: (RagResult & { amberBandPercent: number }) | null;
}

/** Adds catalogue fields, comparators and RAG to one computed result (plain data in, plain data out). */
export function withContext<T extends IndicatorResult>(result: T): T & IndicatorContext {
  const def = getIndicator(result.id);
  if (!def) throw new Error(`Indicator ${result.id} is not in the catalogue`);
  const onRate = def.rateDp !== undefined && def.rateReference !== undefined;
  const measure = onRate ? def.rateReference : def.unit === 'count' ? undefined : def.reference;
  const value = onRate ? (result.rate ?? null) : result.value;
  const found = measure ? comparators(result.laCode, measure, result.year, onRate ? def.rateDp! : def.dp) : null;
  const rag = found ? ragStatus(value, def.polarity, { england: found.england, region: found.region, statisticalNeighbours: found.statisticalNeighbours }) : null;
  return {
    ...result,
    catalogue: {
      definition: def.definition, numerator: def.numerator, denominator: def.denominator, unit: def.unit,
      source: def.source, sourceDetail: def.sourceDetail, notes: def.notes ?? null,
    },
    polarity: def.polarity,
    higherIsBetter: def.polarity === 'context' ? null : def.polarity === 'up',
    comparators: found ? {
      measure: found.measure, comparedOn: onRate ? 'rate' : 'value', year: found.year, value,
      england: found.england, region: found.region, regionName: found.regionName,
      statisticalNeighbours: found.statisticalNeighbours, neighboursWithData: found.neighboursWithData,
    } : null,
    rag: rag ? { ...rag, amberBandPercent: RAG_RULE.amberBandPercent } : null,
  };
}
