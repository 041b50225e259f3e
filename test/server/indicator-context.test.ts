import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIndicator, type IndicatorResult } from '../../src/metrics/index.js';
import { ENGLAND_CODE, getValue, regionOf, statisticalNeighbours } from '../../src/reference/index.js';
import { withContext } from '../../src/server/indicators/enrich.js';
import { RAG_RULE, ragStatus } from '../../src/server/indicators/rag-rule.js';
import { createFixture, LA, type Fixture } from './fixture.js';

/** Indicator values served with their catalogue fields, comparators and a RAG status. */
describe('the RAG rule (declared once as data)', () => {
  it('compares with statistical neighbours first, then England, then region; amber within 5 %', () => {
    expect(RAG_RULE).toEqual({ against: ['statisticalNeighbours', 'england', 'region'], amberBandPercent: 5 });
    // Lower is better, neighbours 20: band ±1. 18.9 is better by 1.1 → green; 21 worse by 1 → amber; 21.1 → red.
    expect(ragStatus(18.9, 'down', { statisticalNeighbours: 20, england: 10 })).toEqual({ status: 'green', against: 'statisticalNeighbours', comparatorValue: 20 });
    expect(ragStatus(21, 'down', { statisticalNeighbours: 20 })?.status).toBe('amber');
    expect(ragStatus(21.1, 'down', { statisticalNeighbours: 20 })?.status).toBe('red');
    // Higher is better, no neighbour value: England 80, band ±4. 84.1 green, 76 amber, 75.9 red.
    expect(ragStatus(84.1, 'up', { statisticalNeighbours: null, england: 80 })).toEqual({ status: 'green', against: 'england', comparatorValue: 80 });
    expect(ragStatus(76, 'up', { england: 80 })?.status).toBe('amber');
    expect(ragStatus(75.9, 'up', { england: 80 })?.status).toBe('red');
    expect(ragStatus(50, 'up', { region: 40 })).toEqual({ status: 'green', against: 'region', comparatorValue: 40 });
    // No status without a polarity, a value or any comparator.
    expect(ragStatus(10, 'context', { england: 5 })).toBeNull();
    expect(ragStatus(null, 'up', { england: 5 })).toBeNull();
    expect(ragStatus(10, 'up', {})).toBeNull();
  });
});

describe('withContext', () => {
  const result = (id: string, value: number | null, rate?: number | null): IndicatorResult => ({
    id, title: id, unit: getIndicator(id)!.unit, laCode: LA, year: 2024, period: { year: 2024, start: '2023-04-01', end: '2024-03-31' },
    value, numerator: null, denominator: null, breakdowns: [], ...(rate === undefined ? {} : { rate }),
  });

  it('adds the catalogue fields, polarity, same-year England / region / neighbour values and the RAG status', () => {
    const def = getIndicator('REF-03')!; // re-referrals within 12 months, %, lower is better
    const out = withContext(result('REF-03', 30));
    const measure = def.reference!;
    const neighbourValues = statisticalNeighbours(LA).map((n) => getValue(n.code, measure, 2024)).filter((v): v is number => v !== null);
    const mean = Math.round((neighbourValues.reduce((s, v) => s + v, 0) / neighbourValues.length) * 10) / 10;
    expect(out.catalogue).toEqual({ definition: def.definition, numerator: def.numerator, denominator: def.denominator, unit: 'percent', source: def.source, sourceDetail: def.sourceDetail, notes: def.notes ?? null });
    expect(out.polarity).toBe('down');
    expect(out.higherIsBetter).toBe(false);
    expect(out.comparators).toMatchObject({
      measure, comparedOn: 'value', year: 2024, value: 30,
      england: getValue(ENGLAND_CODE, measure, 2024), region: getValue(regionOf(LA)!.code, measure, 2024), regionName: 'South East',
      statisticalNeighbours: mean, neighboursWithData: neighbourValues.length,
    });
    const band = mean * 0.05;
    const expected = 30 < mean - band ? 'green' : 30 <= mean + band ? 'amber' : 'red';
    expect(out.rag).toEqual({ status: expected, against: 'statisticalNeighbours', comparatorValue: mean, amberBandPercent: 5 });
  });

  it('compares counts that DfE publishes as a rate on the rate, and gives context indicators no RAG', () => {
    const out = withContext(result('REF-01', 5000, 400.5));
    expect(out.comparators).toMatchObject({ measure: 'referrals.rate', comparedOn: 'rate', value: 400.5, england: getValue(ENGLAND_CODE, 'referrals.rate', 2024) });
    expect(out.higherIsBetter).toBeNull();
    expect(out.rag).toBeNull();
  });
});

describe('GET /api/authorities/:laCode/indicators', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture({}, ['analyst']);
  });
  afterAll(async () => f?.close());

  it('serves each value with its comparators, RAG and catalogue fields, and the rule itself', async () => {
    const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/indicators?years=2024&ids=REF-03,REF-01`, headers: f.as.analyst!.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { ragRule: unknown; items: { id: string; comparators: { england: number | null } | null; catalogue: { definition: string }; polarity: string; rag: unknown }[] };
    expect(body.ragRule).toEqual(RAG_RULE);
    const ref03 = body.items.find((i) => i.id === 'REF-03')!;
    expect(ref03.catalogue.definition).toBe(getIndicator('REF-03')!.definition);
    expect(ref03.comparators?.england).toBe(getValue(ENGLAND_CODE, 'referrals.rereferral_pct', 2024));
    expect(ref03.polarity).toBe('down');
    const catalogue = (await f.app.inject({ method: 'GET', url: '/api/indicators', headers: f.as.analyst!.headers })).json() as { items: { id: string; source: string; numerator: string }[] };
    expect(catalogue.items.find((i) => i.id === 'REF-03')).toMatchObject({ source: getIndicator('REF-03')!.source, numerator: getIndicator('REF-03')!.numerator });
  });

  it('serves the cached page gzipped to browsers, the same bytes unzipped, and 304 for a current copy', async () => {
    const url = `/api/authorities/${LA}/indicators?years=2024&ids=REF-03`;
    const plain = await f.app.inject({ method: 'GET', url, headers: f.as.analyst!.headers });
    const zipped = await f.app.inject({ method: 'GET', url, headers: { ...f.as.analyst!.headers, 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    const again = await f.app.inject({ method: 'GET', url, headers: { ...f.as.analyst!.headers, 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});
