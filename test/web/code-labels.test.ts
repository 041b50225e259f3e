/**
 * Pure pieces of the web app's planning pages: code labels from the code lists, and the
 * scenario form turned into the scenarios route's request.
 */
import { describe, expect, it } from 'vitest';
import { cin, ssda903 } from '../../src/model/code-lists/index.js';
import { codeLabel } from '../../web/src/api/code-labels.js';
import { scenarioRequest } from '../../web/src/api/scenario-request.js';

describe('code labels', () => {
  it('labels placement types, legal status and categories of abuse from the code lists', () => {
    const k2 = ssda903.PLACE.codes.find((c) => c.code === 'K2')!;
    expect(codeLabel('placement_type', 'K2')).toEqual({ code: 'K2', label: k2.label.charAt(0).toUpperCase() + k2.label.slice(1), known: true });
    const c2 = ssda903.LS.codes.find((c) => c.code === 'C2')!;
    expect(codeLabel('legal_status', 'C2').label.toLowerCase()).toBe(c2.label.toLowerCase());
    const neg = cin.CategoryOfAbuse.codes.find((c) => c.code === 'NEG')!;
    expect(codeLabel('category', 'NEG').label.toLowerCase()).toBe(neg.label.toLowerCase());
  });

  it('shows an unknown code, or a code of an unlisted breakdown, as it is', () => {
    expect(codeLabel('placement_type', 'ZZ9')).toEqual({ code: 'ZZ9', label: 'ZZ9', known: false });
    expect(codeLabel('age_band', '10-15')).toEqual({ code: '10-15', label: '10-15', known: false });
  });

  it('labels a factor breakdown keyed by the factor rather than the A/B/C code', () => {
    expect(codeLabel('factor', 'alcohol_misuse')).toEqual({ code: 'alcohol_misuse', label: 'Alcohol misuse', known: true });
  });
});

describe('scenario form → request', () => {
  it('turns sliders and counts into scenario changes', () => {
    expect(scenarioRequest({ name: ' Fewer entries ', entryChangePercent: -10, stepDown: 15, inflationPercent: 3 }, 3, 300)).toEqual({
      body: {
        years: 3, runs: 300, inflation: 0.03, scenarioInflation: 0.03,
        scenario: { name: 'Fewer entries', description: '', changes: [{ kind: 'entries', change: -0.1 }, { kind: 'move', count: 15, fromCategory: 'residential', toCategory: 'fostering' }] },
      },
    });
  });

  it('sends price inflation alone without a scenario, and refuses a form that changes nothing', () => {
    expect(scenarioRequest({ name: 'x', entryChangePercent: 0, stepDown: 0, inflationPercent: 5 }, 2, 100)).toEqual({ body: { years: 2, runs: 100, inflation: 0.03, scenarioInflation: 0.05 } });
    expect(scenarioRequest({ name: 'x', entryChangePercent: 0, stepDown: 0, inflationPercent: 3 }, 2, 100)).toHaveProperty('error');
  });
});
