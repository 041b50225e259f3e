/** The web app's pure helpers: CSV safety, RAG rules and number formats (no browser needed). */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../web/src/components/csv.js';
import { ragStatus } from '../../web/src/components/rag.js';
import { formatValue } from '../../web/src/components/format.js';
import { latestCompleteYear, monthBefore } from '../../web/src/layout/year.js';
import { ApiError, apiUrl } from '../../web/src/api/client.js';

describe('CSV downloads', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('North, East')).toBe('"North, East"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
  it('defuses text a spreadsheet would run as a formula, but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+44 1865')).toBe("'+44 1865");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3.5)).toBe('-3.5');
  });
  it('writes a header and one line per row, blanks for missing values', () => {
    const csv = toCsv([{ key: 'team', label: 'Team' }, { key: 'cases', label: 'Cases' }], [{ team: 'A', cases: 12 }, { team: 'B', cases: null }]);
    expect(csv).toBe('Team,Cases\r\nA,12\r\nB,\r\n');
  });
});

describe('RAG', () => {
  it('against a target: met is green, within 5% short is amber, further is red (higher is better)', () => {
    expect(ragStatus(80, 80, 'up')).toBe('green');
    expect(ragStatus(76, 80, 'up')).toBe('amber'); // 4 short of 80: within 4 (5%)
    expect(ragStatus(75.9, 80, 'up')).toBe('red');
  });
  it('respects lower-is-better', () => {
    expect(ragStatus(18, 20, 'down')).toBe('green');
    expect(ragStatus(21, 20, 'down')).toBe('amber'); // 1 over 20: within 1 (5%)
    expect(ragStatus(21.5, 20, 'down')).toBe('red');
  });
  it('against England: similar within 5% either side is amber', () => {
    expect(ragStatus(100, 100, 'up', 'England')).toBe('amber');
    expect(ragStatus(105.1, 100, 'up', 'England')).toBe('green');
    expect(ragStatus(94.9, 100, 'up', 'England')).toBe('red');
  });
  it('gives no RAG for context indicators or missing values', () => {
    expect(ragStatus(10, 20, 'context')).toBeNull();
    expect(ragStatus(null, 20, 'up')).toBeNull();
    expect(ragStatus(10, null, 'up')).toBeNull();
  });
});

describe('formats', () => {
  it('shows counts, percentages, rates and money as reports do', () => {
    expect(formatValue(12345, 'count')).toBe('12,345');
    expect(formatValue(45.67, 'percent')).toBe('45.7%');
    expect(formatValue(52.1, 'rate')).toBe('52.1');
    expect(formatValue(1234.4, 'currency')).toBe('£1,234');
    expect(formatValue(null, 'count')).toBe('–');
  });
  it('knows the latest complete collection year (ends 31 March)', () => {
    expect(latestCompleteYear(new Date('2025-03-31T12:00:00Z'))).toBe(2024);
    expect(latestCompleteYear(new Date('2025-04-01T00:00:00Z'))).toBe(2025);
  });
  it('steps back a month for "since last month", clamping to the shorter month', () => {
    expect(monthBefore('2026-11-23')).toBe('2026-10-23');
    expect(monthBefore('2026-01-15')).toBe('2025-12-15');
    expect(monthBefore('2024-03-31')).toBe('2024-02-29');
    expect(monthBefore('2025-03-31')).toBe('2025-02-28');
  });
});

describe('API client', () => {
  it('tells a missing capability (no route, or 501) from a missing record', () => {
    expect(new ApiError(404, 'not_found', 'No route GET /api/authorities/931/forecasts.').notAvailable).toBe(true);
    expect(new ApiError(501, 'not_available', 'Imports need the import module.').notAvailable).toBe(true);
    expect(new ApiError(404, 'not_found', 'Authority 931 was not found.').notAvailable).toBe(false);
    expect(new ApiError(403, 'forbidden', 'No.').forbidden).toBe(true);
  });
  it('builds query strings without empty values', () => {
    expect(apiUrl('/authorities/931/indicators', { year: 2024, ids: 'CPP-01,CLA-01', breakdown: undefined, empty: '' })).toBe('/api/authorities/931/indicators?year=2024&ids=CPP-01%2CCLA-01');
  });
});

describe('indicator trend rows', () => {
  it('carry the server comparators of the latest year, in the terms they are compared on', async () => {
    const { trendRows } = await import('../../web/src/api/indicators.js');
    const comparators = { comparedOn: 'rate' as const, value: 512.3, measure: 'referrals_rate', year: 2024, england: 544.1, region: 498.2, regionName: 'South East', statisticalNeighbours: 520, neighboursWithData: 9 };
    const rows = trendRows([
      { id: 'REF-01', year: 2023, value: 4100, rate: 480.1 },
      { id: 'REF-01', year: 2024, value: 4400, rate: 512.3, comparators },
      { id: 'CPP-99', year: 2024, value: 7, comparators: null },
    ], 2024);
    const ref = rows.get('REF-01')!;
    expect(ref.measuredAs).toBe('rate');
    expect(ref.years).toEqual([{ year: 2023, value: 480.1 }, { year: 2024, value: 512.3 }]);
    expect(ref.change1y).toBe(6.7); // (512.3 − 480.1) / 480.1
    expect(ref.comparators).toMatchObject({ england: 544.1, region: 498.2, regionName: 'South East', statisticalNeighbours: 520, year: 2024 });
    const local = rows.get('CPP-99')!;
    expect(local.measuredAs).toBe('value');
    expect(local.comparators).toBeNull();
  });
});
