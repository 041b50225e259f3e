import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, spreadsheetSafeText, unescapeSpreadsheetText } from './spreadsheet-safe.js';

describe('spreadsheetSafe', () => {
  it('prefixes every formula trigger with an apostrophe and leaves other text alone', () => {
    for (const risky of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      expect(spreadsheetSafeText(risky)).toBe(`'${risky}`);
      expect(unescapeSpreadsheetText(spreadsheetSafeText(risky))).toBe(risky);
    }
    expect(spreadsheetSafeText('Team = A')).toBe('Team = A');
    expect(unescapeSpreadsheetText("'quoted")).toBe("'quoted");
  });

  it('keeps numbers, booleans and nulls as values, so negative numbers stay numeric', () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(false)).toBe(false);
    expect(spreadsheetSafe(undefined)).toBeNull();
    expect(spreadsheetSafe('-3')).toBe("'-3");
    expect(spreadsheetSafe({ a: '=x' })).toBe('{"a":"=x"}');
    expect(spreadsheetSafe(new Date('2025-03-31T00:00:00Z'))).toBe('2025-03-31T00:00:00.000Z');
  });
});
