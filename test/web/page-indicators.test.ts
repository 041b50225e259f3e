/** Every indicator and breakdown a dashboard asks for exists in the metrics catalogue. */
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../src/metrics/index.js';
import { CHILD_PROTECTION, CHILDREN_IN_CARE, FUNNEL, OVERVIEW_KEY_INDICATORS } from '../../web/src/pages/page-indicators.js';

const cardIds = [...FUNNEL.map((s) => s.id), ...OVERVIEW_KEY_INDICATORS, ...CHILD_PROTECTION.cards, ...CHILDREN_IN_CARE.cards, CHILD_PROTECTION.trend.id, CHILDREN_IN_CARE.trend.id];
const breakdowns = [...CHILD_PROTECTION.breakdowns, ...CHILDREN_IN_CARE.breakdowns];

describe('dashboard indicators', () => {
  it('names only indicators in the catalogue', () => {
    expect(cardIds.filter((id) => !getIndicator(id))).toEqual([]);
  });
  it('asks only for breakdowns each indicator allows', () => {
    const wrong = breakdowns.filter((b) => !(getIndicator(b.id)?.breakdowns as readonly string[] | undefined)?.includes(b.breakdown));
    expect(wrong).toEqual([]);
  });
});
