import { define } from './define.js';

const area = 'Equity and disproportionality';
const common = { area, period: 'snapshot' as const, breakdowns: ['ethnicity'] as const, defaultBreakdown: 'ethnicity' as const, source: 'Local' as const,
  sourceDetail: 'data-to-insight PATCh disproportionality app', basis: 'S' as const, aggregate: 'equity' as const, cohort: 'CLA-01', polarity: 'context' as const,
  notes: 'Needs the population by ethnic group (ethnicPopulation); PATCh uses school census pupils, ONS or Census 2021 is an alternative.' };

export const equity = [
  define({ ...common, id: 'EQ-01', title: 'Rate per 10,000 by ethnic group (children looked after)', unit: 'rate', dp: 1,
    definition: 'Children looked after at 31 March in each ethnic group per 10,000 children of that group.', numerator: 'children looked after in the group', denominator: 'children in the group' }),
  define({ ...common, id: 'EQ-02', title: 'Relative rate index by ethnic group (children looked after)', unit: 'ratio', dp: 2,
    definition: "Each group's rate divided by the White British rate (1 = parity).", numerator: "group's rate", denominator: 'White British rate' }),
  define({ ...common, id: 'EQ-03', title: 'Chi-square test by ethnic group (children looked after)', unit: 'p-value', dp: 4,
    definition: "p-value of the chi-square test (1 df) of the group's observed [looked after, not] split against the split expected at the overall rate.",
    numerator: 'observed split', denominator: 'expected split' }),
];
