/**
 * Tests of the committed reference data through the loader. Expected values were read from the
 * DfE CSVs (file and row noted); `source.test.ts` re-checks against the CSVs when they are present.
 */
import { describe, expect, it } from 'vitest';
import {
  ENGLAND_CODE,
  MEASURES,
  areasWithMeasure,
  getArea,
  getAuthority,
  getMeasure,
  getMeasureDefinition,
  getMeasures,
  getSeries,
  getValue,
  listAuthorities,
  listMeasures,
  listRegions,
  measureYears,
  population,
  ratePer10k,
  ratePopulation,
  regionOf,
  statisticalNeighbours,
} from './index.js';

describe('areas', () => {
  it('lists the 153 current LAs, plus 5 predecessors on request', () => {
    const current = listAuthorities();
    expect(current).toHaveLength(153);
    expect(current.every((a) => a.current)).toBe(true);
    const all = listAuthorities({ includeFormer: true });
    expect(all).toHaveLength(158);
    expect(all.filter((a) => !a.current).map((a) => a.code)).toEqual(['835', '836', '837', '909', '928']);
    const withEngland = listAuthorities({ includeEngland: true });
    expect(withEngland[0]?.code).toBe(ENGLAND_CODE);
  });

  it('describes an LA with its region', () => {
    const oxon = getAuthority('931');
    expect(oxon).toMatchObject({ kind: 'la', name: 'Oxfordshire', regionCode: 'E12000008', regionName: 'South East', gssCode: 'E10000025' });
    expect(getAuthority(931)?.code).toBe('931');
    const bd = getAuthority('301');
    expect(bd).toMatchObject({ name: 'Barking and Dagenham', regionCode: 'E12000007', subRegionCode: 'E13000002' });
    expect(regionOf('855')?.name).toBe('East Midlands');
  });

  it('resolves GSS codes (current and former) and names', () => {
    const ny = getAuthority('E10000023');
    expect(ny?.code).toBe('815');
    expect(ny?.kind === 'la' && ny.gssCode).toBe('E06000065');
    expect(ny?.kind === 'la' && ny.otherGssCodes).toContain('E10000023');
    expect(getAuthority('leicestershire')?.code).toBe('855');
    expect(getAuthority('Dorset')?.code).toBe('838');
    expect(getAuthority('E08000038')?.code).toBe('370');
  });

  it('records reorganisations', () => {
    const cumbria = getAuthority('909');
    expect(cumbria).toMatchObject({ current: false, lastYear: 2023, successors: ['942', '943'] });
    expect(getAuthority('942')).toMatchObject({ firstYear: 2024, predecessors: ['909'] });
    expect(getAuthority('839')).toMatchObject({ firstYear: 2020, predecessors: ['835', '836', '837'] });
  });

  it('has England as a pseudo-authority and 11 regions', () => {
    expect(getAuthority(ENGLAND_CODE)).toMatchObject({ kind: 'england', name: 'England' });
    expect(getAuthority('England')?.code).toBe(ENGLAND_CODE);
    const regions = listRegions();
    expect(regions).toHaveLength(11);
    expect(regions.filter((r) => r.parentCode === 'E12000007').map((r) => r.name).sort()).toEqual(['Inner London', 'Outer London']);
    expect(getArea('E12000008')?.name).toBe('South East');
  });
});

describe('measure catalogue', () => {
  it('declares unique ids, each with a title, unit and source file', () => {
    const ids = MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MEASURES) {
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.file).toMatch(/\.csv$/);
      expect(Boolean(m.column) !== Boolean(m.derived)).toBe(true);
    }
    expect(getMeasureDefinition('cla.at31')?.unit).toBe('count');
    expect(listMeasures('workforce').length).toBe(22);
  });

  it('has data for every declared measure', () => {
    for (const m of MEASURES) expect(measureYears(m.id), m.id).toBeDefined();
    expect(measureYears('cin.at31')).toEqual({ firstYear: 2013, lastYear: 2025 });
    expect(measureYears('cla.at31')).toEqual({ firstYear: 2021, lastYear: 2025 });
    expect(measureYears('assessments')).toEqual({ firstYear: 2014, lastYear: 2024 });
  });
});

describe('spot checks against the DfE files', () => {
  it('Oxfordshire (931) children looked after at 31 March (cla_number_and_rate_per_10k_children.csv)', () => {
    expect(getMeasure('931', 'cla.at31', 2024)).toEqual({ value: 770, marker: null });
    expect(getValue('931', 'cla.at31.rate', 2024)).toBe(50);
    expect(getSeries('931', 'cla.at31').map((p) => p.value)).toEqual([782, 855, 882, 770, 800]);
    expect(getSeries('931', 'cla.at31.rate').map((p) => p.value)).toEqual([54, 58, 59, 50, 51]);
    expect(getSeries('301', 'cla.at31').map((p) => p.value)).toEqual([391, 412, 428, 433, 431]);
  });

  it('England referrals (c1, 2025 release)', () => {
    expect(getValue(ENGLAND_CODE, 'referrals', 2024)).toBe(621880);
    expect(getValue(ENGLAND_CODE, 'referrals', 2025)).toBe(632830);
    expect(getValue(ENGLAND_CODE, 'referrals.rereferral_pct', 2025)).toBe(22.6);
  });

  it('England CIN and CP at 31 March 2025 with computed rates (DfE README)', () => {
    expect(getValue(ENGLAND_CODE, 'cin.at31', 2025)).toBe(402400);
    expect(getValue(ENGLAND_CODE, 'cin.at31.rate', 2025)).toBe(330.3);
    expect(getValue(ENGLAND_CODE, 'cpp.at31', 2025)).toBe(49420);
    expect(getValue(ENGLAND_CODE, 'cpp.at31.rate', 2025)).toBe(40.6);
    // 2024 with the revised mid-2023 population (the 2024 release printed 41.6 and 332.9)
    expect(getValue(ENGLAND_CODE, 'cpp.at31.rate', 2024)).toBe(41.4);
    expect(getValue(ENGLAND_CODE, 'cin.at31.rate', 2024)).toBe(331.2);
  });

  it('Leicestershire (855) CP plans at 31 March and rate', () => {
    expect(getValue('855', 'cpp.at31', 2024)).toBe(429);
    // 429 ÷ 145,610 (revised mid-2023) × 10,000 = 29.46 → 29.5; the 2024 release printed 29.6
    // (429 ÷ the unrevised mid-2023 estimate).
    expect(getValue('855', 'cpp.at31.rate', 2024)).toBe(29.5);
    expect(getValue('855', 'cpp.at31', 2025)).toBe(511);
    expect(getValue('855', 'cpp.at31.rate', 2025)).toBe(34.7);
    expect(getValue('855', 'cpp.started', 2024)).toBe(553);
    expect(getValue('855', 'cpp.at31.duration.2y_plus', 2024)).toBe(21);
  });

  it('keeps DfE symbols as markers with a null value', () => {
    expect(getMeasure('204', 'cin.at31', 2021)).toEqual({ value: null, marker: 'x' }); // Hackney cyber-attack
    expect(getMeasure('850', 'cin.at31', 2024)).toEqual({ value: null, marker: 'u' }); // Hampshire 2024
    expect(getMeasure('201', 'assessments.days.11_20', 2014)).toEqual({ value: null, marker: 'c' });
    // derived values inherit the marker of their inputs
    expect(getMeasure('204', 'cin.at31.rate', 2021)?.marker).toBe('x');
    expect(getMeasure('850', 'referrals.rate', 2024)?.marker).toBe('u');
  });

  it('workforce, including joint returns', () => {
    expect(getValue(ENGLAND_CODE, 'workforce.inpost_fte', 2025)).toBe(36186.3);
    expect(getValue(ENGLAND_CODE, 'workforce.agency_rate_fte', 2025)).toBe(13);
    expect(getValue(ENGLAND_CODE, 'workforce.caseload_fte', 2025)).toBe(15.2);
    expect(getMeasure('314', 'workforce.inpost_fte', 2024)).toEqual({ value: 148.8, marker: null, jointArea: '314/318' });
    expect(getMeasure('318', 'workforce.inpost_fte', 2024)?.jointArea).toBe('314/318');
    expect(getSeries('940', 'workforce.inpost_fte').every((p) => p.jointArea === '940/941')).toBe(true);
  });

  it('expenditure and adoption timings', () => {
    expect(getValue(ENGLAND_CODE, 'expenditure.csc_total', 2025)).toBe(16878876.03);
    expect(getValue('831', 'expenditure.csc_total', 2025)).toBe(98185);
    expect(getValue(ENGLAND_CODE, 'adoption.entry_to_decision.months.1', 2025)).toBe(10); // "00:10"
  });

  it('getMeasures returns every measure for an area-year', () => {
    const m = getMeasures('931', 2024);
    expect(m['cla.at31']?.value).toBe(770);
    expect(m['cin.at31']?.value).toBe(getValue('931', 'cin.at31', 2024));
    expect(m['population.0_17']?.value).toBe(population('931', 2024));
    expect(Object.keys(getMeasures('931', 2024, { datasets: ['cla'] })).every((k) => getMeasureDefinition(k)?.dataset === 'cla')).toBe(true);
    expect(Object.keys(getMeasures(ENGLAND_CODE, 2025)).length).toBeGreaterThan(200);
  });
});

describe('statistical neighbours', () => {
  it('gives every current LA 10 known neighbours (2025 model)', () => {
    const codes = new Set(listAuthorities({ includeFormer: true }).map((a) => a.code));
    for (const la of listAuthorities()) {
      const n = statisticalNeighbours(la.code);
      expect(n, la.code).toHaveLength(10);
      expect(n.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(n.every((x) => codes.has(x.code) && x.code !== la.code)).toBe(true);
    }
    expect(statisticalNeighbours('301')[0]).toEqual({ code: '308', name: 'Enfield', rank: 1, closeness: 'Close' });
  });

  it('falls back to the 2021 model for predecessor LAs', () => {
    expect(statisticalNeighbours('909')).toHaveLength(10);
    expect(statisticalNeighbours('928')).toHaveLength(10);
    expect(statisticalNeighbours('942', '2021')).toEqual([]);
    expect(statisticalNeighbours('931', '2021')).toHaveLength(10);
    expect(statisticalNeighbours(ENGLAND_CODE)).toEqual([]);
  });
});

describe('population', () => {
  it('every current LA has a population for recent mid-years (from the year before its first reporting year)', () => {
    for (const la of listAuthorities()) {
      for (let y = Math.max(2019, la.firstYear - 1); y <= 2024; y++) {
        const p = population(la.code, y);
        expect(p, `${la.code} ${y}`).toBeTypeOf('number');
        expect(p as number).toBeGreaterThan(0);
      }
    }
  });

  it('every LA has a rate denominator for each reporting year of its lifetime (except 835-837, `x` in ONS)', () => {
    const missing: string[] = [];
    for (const la of listAuthorities({ includeFormer: true })) {
      for (let y = la.firstYear; y <= la.lastYear; y++) {
        if (ratePopulation(la.code, y) === null) missing.push(`${la.code} ${y}`);
      }
    }
    expect(new Set(missing.map((m) => m.split(' ')[0]))).toEqual(new Set(['835', '836', '837']));
  });

  it('uses mid-(Y−1) as the rate denominator for reporting year Y', () => {
    expect(population('931', 2023)).toBe(153988);
    expect(ratePopulation('931', 2024)).toBe(153988);
    expect(population(ENGLAND_CODE, 2024)).toBe(12183016);
    expect(population('835', 2018)).toBeNull(); // predecessor LAs are `x` in the ONS file
  });
});

describe('rates per 10,000 reproduce from count ÷ population(Y−1)', () => {
  it('CLA published rates (2025 release): every LA and year reproduces; regional rows within 1', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const key of ['at31', 'started', 'ceased'] as const) {
      for (const area of areasWithMeasure(`cla.${key}.rate`)) {
        for (const p of getSeries(area, `cla.${key}.rate`)) {
          const count = getValue(area, `cla.${key}`, p.year);
          const pop = ratePopulation(area, p.year);
          if (p.value === null || count === null || pop === null) continue;
          checked++;
          const computed = ratePer10k(count, pop, 0);
          if (computed !== p.value) {
            const kind = getArea(area)?.kind;
            mismatches.push(`${kind} ${area} ${p.year} cla.${key}: published ${p.value}, computed ${computed}`);
            expect(kind, `LA mismatch ${area}`).toBe('region');
            expect(Math.abs(computed - p.value)).toBe(1);
          }
        }
      }
    }
    console.info(`CLA rates: ${checked} checked, ${mismatches.length} mismatches\n  ${mismatches.join('\n  ')}`);
    expect(checked).toBeGreaterThan(2400);
    expect(mismatches.length).toBeLessThanOrEqual(4);
  });

  it('stored CIN rates equal count ÷ population(Y−1) × 10,000 to 1 dp', () => {
    for (const m of MEASURES) {
      if (m.derived?.kind !== 'rate-per-10k') continue;
      const of = m.derived.of;
      for (const area of areasWithMeasure(m.id)) {
        for (const p of getSeries(area, m.id)) {
          const count = getValue(area, of, p.year);
          const pop = ratePopulation(area, p.year);
          if (p.value === null) {
            expect(count === null || pop === null, `${m.id} ${area} ${p.year}`).toBe(true);
          } else {
            expect(p.value, `${m.id} ${area} ${p.year}`).toBe(ratePer10k(count as number, pop as number, 1));
          }
        }
      }
    }
  });

  it('rounds half up', () => {
    expect(ratePer10k(3, 20000, 0)).toBe(2); // 1.5 → 2
    expect(ratePer10k(5, 200000, 1)).toBe(0.3); // 0.25 → 0.3
    expect(ratePer10k(83530, 12059476, 0)).toBe(69);
  });
});
