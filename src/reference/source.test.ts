/**
 * Checks of the committed reference data against the raw DfE CSVs. Skipped when the source folder
 * is absent (product users do not have it). Source: $CSC_DFE_SOURCE or ../shared/data/dfe
 * relative to the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/build-reference.js';
import { areaKey, parseCell, parseYear, readCsv } from '../../scripts/reference/csv.js';
import { readPopulation, runRateChecks, summariseRateChecks, type RateCheckResult } from '../../scripts/reference/rate-check.js';
import { DATASETS, MEASURES, SOURCE_FILES, getMeasure, getMeasureDefinition, getValue, ratePer10k } from './index.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const envSource = process.env['CSC_DFE_SOURCE'];
const SOURCE = envSource ? (isAbsolute(envSource) ? envSource : resolve(REPO_ROOT, envSource)) : resolve(REPO_ROOT, '../shared/data/dfe');
const HAVE_SOURCE = existsSync(join(SOURCE, SOURCE_FILES.b1));

describe.skipIf(!HAVE_SOURCE)('reference data vs DfE source CSVs', () => {
  it('committed files are exactly what the build script generates', { timeout: 180_000 }, () => {
    const files = generate(SOURCE);
    const stale: string[] = [];
    for (const [name, content] of files) {
      const path = join(REPO_ROOT, 'data/reference', name);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(name);
    }
    expect(stale, 'run: npx tsx scripts/build-reference.ts').toEqual([]);
    expect([...files.keys()]).toEqual(expect.arrayContaining(Object.values(DATASETS).map((d) => d.file)));
  });

  it('every source cell of every column measure is served unchanged by the loader', { timeout: 180_000 }, () => {
    const byFile = new Map<string, typeof MEASURES[number][]>();
    for (const m of MEASURES) if (m.column) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
    let compared = 0;
    const wrong: string[] = [];
    for (const [file, measures] of byFile) {
      for (const row of readCsv(SOURCE, file)) {
        const year = parseYear(row['time_period'] ?? '');
        const area = areaKey(row);
        for (const m of measures) {
          if (m.where && !Object.entries(m.where).every(([k, v]) => (row[k] ?? '').trim() === v)) continue;
          const raw = parseCell(row[m.column as string], m.transform);
          const got = getMeasure(area, m.id, year);
          const served = got === undefined ? null : got.value ?? got.marker;
          compared++;
          if (served !== raw && wrong.length < 20) wrong.push(`${file} ${area} ${year} ${m.id}: source ${String(raw)}, served ${String(served)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(500_000);
  });

  it('spot checks read straight from the CSV text', () => {
    const claRate = readFileSync(join(SOURCE, SOURCE_FILES.claRate), 'utf8');
    // 2024,…,931,Oxfordshire,E10000025,Children looked after on 31 March each year,153988,770,50
    expect(claRate).toContain('931,Oxfordshire,E10000025,Children looked after on 31 March each year,153988,770,50');
    expect(getValue('931', 'cla.at31', 2024)).toBe(770);
    const c1 = readFileSync(join(SOURCE, SOURCE_FILES.c1), 'utf8');
    expect(c1).toContain('2024,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,621880,');
    expect(getValue('E92000001', 'referrals', 2024)).toBe(621880);
    const d1 = readFileSync(join(SOURCE, SOURCE_FILES.d1), 'utf8');
    // Leicestershire 2024 in the 2024 release: CPP_At31 429, CPP_At31_rate 29.6 (unrevised population)
    expect(d1).toMatch(/^2024,.*,855,E10000018,Leicestershire,Child Protection Plans,.*,429,29\.6$/m);
    expect(getValue('855', 'cpp.at31.rate', 2024)).toBe(29.5);
  });

  it('indicators.md §1.2 examples reproduce with the population vintage of their release', () => {
    const unrevised = readPopulation(SOURCE, SOURCE_FILES.onsCin2024);
    // County Durham CIN at 31 March 2024: 4,109 ÷ 99,629 (unrevised mid-2023) × 10,000 = 412.4
    expect(unrevised.get('840|2023')).toBe(99629);
    expect(getValue('840', 'cin.at31', 2024)).toBe(4109);
    expect(ratePer10k(4109, 99629, 1)).toBe(412.4);
    // with the revised mid-2023 estimate used by the 2025 releases (and by this reference data)
    expect(getValue('840', 'population.0_17', 2023)).toBe(99969);
    expect(getValue('840', 'cin.at31.rate', 2024)).toBe(411);
    // Hartlepool CLA at 31 March 2024: the 2024 release had 334 ÷ 20,417; the 2025 release revised
    // both the count (336) and the population (20,541); the rate stays 164.
    expect(getValue('805', 'cla.at31', 2024)).toBe(336);
    expect(unrevised.get('805|2023')).toBe(20417);
    expect(getValue('805', 'population.0_17', 2023)).toBe(20541);
    expect(getValue('805', 'cla.at31.rate', 2024)).toBe(164);
    // "For 2023 the population used was 20,089 = mid-2022": true of the 2024 release; the 2025
    // release uses the revised mid-2022 estimate, 20,164.
    expect(unrevised.get('805|2022')).toBe(20089);
    expect(getValue('805', 'population.0_17', 2022)).toBe(20164);
  });

  it('published rates per 10,000 reproduce from count ÷ ONS mid-(Y−1) (reports mismatches)', { timeout: 120_000 }, () => {
    const report = runRateChecks(SOURCE);
    console.info(summariseRateChecks(report));
    const la = (r: RateCheckResult) => r.mismatches.filter((m) => m.level === 'Local authority');
    const nonLa = (r: RateCheckResult) => r.mismatches.filter((m) => m.level !== 'Local authority');

    // CLA 2025 release: all LA and national rows reproduce; a few regional rows are off by 1
    // because published regional counts are rounded to 10.
    for (const r of report.cla) {
      expect(la(r)).toEqual([]);
      expect(r.mismatches.every((m) => m.level === 'Regional' && Math.abs(m.published - m.computed) === 1)).toBe(true);
      expect(r.checked['Local authority']).toBeGreaterThan(750);
    }
    // CIN 2024 release with its own (unrevised) population: every LA and national row reproduces.
    for (const r of report.cin2024Unrevised) {
      expect(la(r), r.column).toEqual([]);
      expect(nonLa(r).every((m) => m.level === 'Regional' && Math.abs(m.published - m.computed) < 0.11)).toBe(true);
    }
    // With the revised mid-2022/mid-2023 estimates, only reporting years 2023 and 2024 differ.
    for (const r of report.cin2024Revised) {
      expect(new Set(la(r).map((m) => m.year))).toEqual(new Set([2023, 2024]));
    }
    // Which measures in this reference data are affected: the stored CIN rates for 2023-2024 use
    // the revised population, so they differ from the 2024-release figures in those rows.
    const d1 = report.cin2024Revised.find((r) => r.column === 'CPP_At31_rate') as RateCheckResult;
    const leics = d1.mismatches.find((m) => m.area === '855' && m.year === 2024);
    expect(leics).toMatchObject({ published: 29.6, computed: 29.5 });
    expect(getMeasureDefinition('cpp.at31.rate')?.derived?.kind).toBe('rate-per-10k');
  });
});
