/**
 * Reproduce DfE's published rates per 10,000 children from counts and ONS populations, and list
 * the rows that do not reproduce. Published rates in the source data:
 * - CLA 2025 release (`cla_number_and_rate_per_10k_children.csv`): whole numbers, 2021-2025;
 * - CIN 2024 release (`cin_2024_release/` d1, c4, c2, b7): 1 decimal place, up to 2024.
 * The 2025-release CIN files carry no rates.
 */
import { SOURCE_FILES } from '../../src/reference/measures.js';
import { ratePer10k } from '../../src/reference/schema.js';
import { areaKey, parseCell, parseYear, readCsv } from './csv.js';

export type Level = 'National' | 'Regional' | 'Local authority';

export interface RateMismatch {
  file: string;
  column: string;
  level: Level;
  area: string;
  name: string;
  year: number;
  count: number;
  population: number;
  published: number;
  computed: number;
}

export interface RateCheckResult {
  file: string;
  column: string;
  populationFile: string;
  /** rows with a numeric count, population and published rate */
  checked: Record<Level, number>;
  mismatches: RateMismatch[];
}

/** (area, mid-year) → population, from an ONS file in EES layout. */
export function readPopulation(sourceDir: string, file: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of readCsv(sourceDir, file)) {
    const v = parseCell(row['population_estimate']);
    if (typeof v === 'number') map.set(`${areaKey(row)}|${parseYear(row['time_period'] ?? '')}`, v);
  }
  return map;
}

interface RateSpec {
  file: string;
  count: string;
  rate: string;
  dp: number;
  where?: Record<string, string>;
}

export const CIN_2024_RATE_SPECS: readonly RateSpec[] = [
  { file: SOURCE_FILES.d1, count: 'CPP_At31', rate: 'CPP_At31_rate', dp: 1 },
  { file: SOURCE_FILES.d1, count: 'CPP_start', rate: 'CPP_start_rate', dp: 1 },
  { file: SOURCE_FILES.d1, count: 'CPP_end', rate: 'CPP_end_rate', dp: 1 },
  { file: SOURCE_FILES.c4, count: 'Section47', rate: 'Section47_rate', dp: 1 },
  { file: SOURCE_FILES.c4, count: 'ICPC', rate: 'ICPC_rate', dp: 1 },
  { file: SOURCE_FILES.c2, count: 'Assessments_completed', rate: 'Assessments_completed_rate', dp: 1 },
  { file: SOURCE_FILES.b7, count: 'CINPlan_At31', rate: 'CINPlan_At31_rate', dp: 1 },
];

export const CLA_RATE_SPECS: readonly RateSpec[] = [
  'Children looked after on 31 March each year',
  'Children starting to be looked after each year',
  'Children ceasing to be looked after each year',
].map((t) => ({ file: SOURCE_FILES.claRate, count: 'children_count', rate: 'rate_per_10000', dp: 0, where: { population_type: t } }));

/** Check one published rate column against count ÷ population(Y−1) × 10,000. */
export function checkRates(sourceDir: string, spec: RateSpec, population: Map<string, number>, populationFile: string): RateCheckResult {
  const checked: Record<Level, number> = { National: 0, Regional: 0, 'Local authority': 0 };
  const mismatches: RateMismatch[] = [];
  for (const row of readCsv(sourceDir, spec.file)) {
    if (spec.where && !Object.entries(spec.where).every(([k, v]) => row[k] === v)) continue;
    const count = parseCell(row[spec.count]);
    const published = parseCell(row[spec.rate]);
    const year = parseYear(row['time_period'] ?? '');
    const area = areaKey(row);
    const pop = population.get(`${area}|${year - 1}`);
    if (typeof count !== 'number' || typeof published !== 'number' || pop === undefined) continue;
    const level = row['geographic_level'] as Level;
    checked[level]++;
    const computed = ratePer10k(count, pop, spec.dp);
    if (computed !== published) {
      mismatches.push({
        file: spec.file,
        column: spec.rate,
        level,
        area,
        name: row['la_name'] || row['region_name'] || 'England',
        year,
        count,
        population: pop,
        published,
        computed,
      });
    }
  }
  return { file: spec.file, column: spec.rate + (spec.where ? ` [${Object.values(spec.where).join(', ')}]` : ''), populationFile, checked, mismatches };
}

export interface RateCheckReport {
  cla: RateCheckResult[];
  /** 2024-release CIN rates against the population issued with that release (unrevised mid-2022/23). */
  cin2024Unrevised: RateCheckResult[];
  /** The same rates against the 2025-release population (revised mid-2022/23) used for this reference data. */
  cin2024Revised: RateCheckResult[];
}

export function runRateChecks(sourceDir: string): RateCheckReport {
  const revised = readPopulation(sourceDir, SOURCE_FILES.ons);
  const unrevised = readPopulation(sourceDir, SOURCE_FILES.onsCin2024);
  return {
    cla: CLA_RATE_SPECS.map((s) => checkRates(sourceDir, s, revised, SOURCE_FILES.ons)),
    cin2024Unrevised: CIN_2024_RATE_SPECS.map((s) => checkRates(sourceDir, s, unrevised, SOURCE_FILES.onsCin2024)),
    cin2024Revised: CIN_2024_RATE_SPECS.map((s) => checkRates(sourceDir, s, revised, SOURCE_FILES.ons)),
  };
}

export function summariseRateChecks(report: RateCheckReport): string {
  const lines: string[] = [];
  const section = (title: string, results: RateCheckResult[]): void => {
    lines.push(title);
    for (const r of results) {
      const byLevel = (l: Level): string => `${r.mismatches.filter((m) => m.level === l).length}/${r.checked[l]}`;
      const years = [...new Set(r.mismatches.filter((m) => m.level === 'Local authority').map((m) => m.year))].sort();
      lines.push(
        `  ${r.column}: mismatches LA ${byLevel('Local authority')}, regional ${byLevel('Regional')}, national ${byLevel('National')}` +
          (years.length ? ` (LA mismatch years: ${years.join(', ')})` : ''),
      );
    }
  };
  section('CLA 2025 release rates vs ONS mid-(Y−1), 2025 vintage:', report.cla);
  section('CIN 2024 release rates vs ONS mid-(Y−1), 2024-release vintage (unrevised):', report.cin2024Unrevised);
  section('CIN 2024 release rates vs ONS mid-(Y−1), 2025 vintage (revised mid-2022/23):', report.cin2024Revised);
  return lines.join('\n');
}
