import { parseScenario, type Scenario, type ScenarioInput } from './scenario.js';

/**
 * Named scenarios from the source reports, in their own words. Use them as given or copy one
 * to a JSON file and change it (`csc forecast --scenario my-scenario.json`).
 */
const NAMED: readonly ScenarioInput[] = [
  {
    name: 'entries-fall-10',
    description: 'Entries to care fall 10% from April',
    changes: [{ kind: 'entries', change: -0.1, from: 'April' }],
  },
  {
    name: 'new-homes',
    description: 'From June, 60% of new residential placements go to two new in-house homes with 8 beds each (Oxfordshire 2016)',
    changes: [{ kind: 'new_provision', label: 'two new in-house homes', category: 'residential', places: 16, share: 0.6, from: 'June' }],
  },
  {
    name: 'step-down-15',
    description: 'Step 15 children down from residential care to fostering over a year',
    changes: [{ kind: 'move', count: 15, fromCategory: 'residential', toCategory: 'fostering' }],
  },
  {
    name: 'uasc-double',
    description: 'Arrivals of unaccompanied asylum-seeking children double',
    changes: [{ kind: 'entries', change: 1, uasc: true }],
  },
  {
    name: 'growth-8pc',
    description: '8% more children coming into care each year (Leicestershire 2017)',
    changes: [{ kind: 'entry_growth', annualRate: 0.08 }],
  },
];

export const NAMED_SCENARIOS: readonly Scenario[] = NAMED.map((s) => parseScenario(s, `named scenario ${s.name}`));

export function namedScenario(name: string): Scenario | undefined {
  return NAMED_SCENARIOS.find((s) => s.name === name);
}
