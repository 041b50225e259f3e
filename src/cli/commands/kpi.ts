import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import {
  BREAKDOWNS, computeIndicatorsForAuthorities, DEFAULT_SUPPRESSION, FLAT_COLUMNS, flattenResults, getIndicator, listIndicators, readEthnicPopulationCsv, suppress, trendTable,
  type Breakdown, type FlatRow,
} from '../../metrics/index.js';
import { listAuthorities } from '../../db/index.js';
import { printTable, UserError, withDatabase } from '../context.js';
import { terminalProgress } from '../progress.js';

type Format = 'table' | 'csv' | 'json' | 'xlsx';

interface KpiOptions {
  la?: string;
  year?: string;
  from?: string;
  to?: string;
  indicator?: string[];
  breakdown?: string[];
  format: Format;
  out?: string;
  publishable?: boolean;
  threshold?: string;
  trend?: boolean;
  list?: boolean;
  ethnicPopulation?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function registerKpiCommand(program: Command): void {
  program.command('kpi')
    .description('Performance indicators for an authority and year: values, rates per 10,000, breakdowns, trends and benchmarks')
    .option('--la <code>', '3-digit DfE authority code, e.g. 931; several comma-separated; or "all" for every authority holding children')
    .option('--year <year>', 'reporting year by its end: 2024 = 1 April 2023 to 31 March 2024')
    .option('--from <date>', 'start of a local period (YYYY-MM-DD), with --to instead of --year')
    .option('--to <date>', 'end of a local period (YYYY-MM-DD)')
    .option('--indicator <ids>', 'indicator ids, comma-separated or repeated (default: all)', collect)
    .option('--breakdown <names>', `breakdowns: ${BREAKDOWNS.join(', ')}`, collect)
    .option('--format <format>', 'table, csv, json or xlsx', 'table')
    .option('--out <file>', 'write to a file instead of the terminal (required for xlsx)')
    .option('--publishable', `suppress small counts with secondary suppression (threshold ${DEFAULT_SUPPRESSION.threshold})`)
    .option('--threshold <n>', 'smallest count shown when --publishable (counts 1 to n-1 are withheld)')
    .option('--trend', 'trend table: 6 years, 1- and 5-year change, England / region / statistical neighbours')
    .option('--list', 'list the indicator catalogue')
    .option('--ethnic-population <file>', 'CSV with header ethnicity,population (children 0-17 by ethnic group) for the disproportionality indicators EQ-01..03')
    .addHelpText('after', `
Examples:
  csc kpi --list
  csc kpi --la 931 --year 2024
  csc kpi --la 931 --year 2024 --indicator REF-01,ASM-02 --breakdown age_band,team
  csc kpi --la 931 --year 2024 --indicator EQ-01 --ethnic-population population-by-ethnicity.csv
  csc kpi --la 931 --year 2024 --trend --format csv --out trend.csv
  csc kpi --la 931 --year 2024 --publishable --format xlsx --out kpi-2024.xlsx
  csc kpi --la all --year 2024 --format csv --out england-2024.csv`)
    .action(async (options: KpiOptions, command: Command) => {
      if (!['table', 'csv', 'json', 'xlsx'].includes(options.format)) throw new UserError(`--format must be table, csv, json or xlsx (got "${options.format}")`);
      if (options.format === 'xlsx' && !options.out) throw new UserError('--format xlsx needs --out FILE');
      if (options.list) return emit(catalogueRows(options.format !== 'table'), options, 'indicators');
      const { la, year, period, indicators, breakdowns } = checkOptions(options);
      const ethnicPopulation = options.ethnicPopulation ? readEthnicPopulationCsv(options.ethnicPopulation) : undefined;
      await withDatabase(command, async ({ db }) => {
        if (options.trend) {
          if (year === undefined) throw new UserError('--trend needs --year');
          const rows = await trendTable(db, { laCode: la, year, ...(indicators ? { indicators } : {}) });
          if (options.format === 'json') return emit(rows, options, 'trend');
          return emit(rows.map((r) => ({
            indicator: r.id, title: r.title, measured_as: r.measuredAs,
            ...Object.fromEntries(r.years.map((y) => [String(y.year), y.value])),
            change_1y_pct: r.change1y, change_5y_pct: r.change5y,
            england: r.comparators?.england ?? null, region: r.comparators?.region ?? null, stat_neighbours: r.comparators?.statisticalNeighbours ?? null,
          })), options, 'trend');
        }
        const what = { ...(period ? { period } : { year: year! }), ...(indicators ? { indicators } : {}), ...(breakdowns ? { breakdowns } : {}), ...(ethnicPopulation ? { ethnicPopulation } : {}) };
        const laCodes = la === 'all' ? (await listAuthorities(db)).filter((a) => a.children > 0).map((a) => a.laCode) : la.split(',');
        if (laCodes.length === 0) throw new UserError('--la all: no authority in the database holds children');
        const progress = terminalProgress('kpi');
        const results = await computeIndicatorsForAuthorities(db, { laCodes, ...what, onAuthority: (code, done, total) => progress.update(`authority ${code}`, done, total) })
          .finally(() => progress.stop());
        const threshold = options.threshold === undefined ? DEFAULT_SUPPRESSION.threshold : Number(options.threshold);
        if (options.threshold !== undefined && (!Number.isInteger(threshold) || threshold < 1)) throw new UserError(`--threshold must be a whole number of at least 1 (got "${options.threshold}")`);
        const output = options.publishable ? suppress(results, { threshold }) : results;
        if (options.format === 'json') return emit(output, options, 'kpi');
        const columns = laCodes.length === 1 ? FLAT_COLUMNS : ['la' as const, ...FLAT_COLUMNS];
        return emit(flattenResults(output) as unknown as Record<string, unknown>[], options, 'kpi', columns as string[]);
      });
    });
}

function checkOptions(options: KpiOptions) {
  if (!options.la || !(options.la === 'all' || /^[0-9]{3}(,[0-9]{3})*$/.test(options.la))) {
    throw new UserError(`--la must be a 3-digit DfE code such as 931, several separated by commas, or "all" (got "${options.la ?? ''}")`);
  }
  if (options.trend && !/^[0-9]{3}$/.test(options.la)) throw new UserError('--trend is for one authority at a time');
  let year: number | undefined;
  let period: { start: string; end: string } | undefined;
  if (options.from || options.to) {
    if (!options.from || !options.to) throw new UserError('--from and --to go together');
    period = { start: options.from, end: options.to };
  } else {
    year = Number(options.year);
    if (!options.year || !Number.isInteger(year) || year < 1990 || year > 2100) throw new UserError(`--year must be a reporting year such as 2024 (got "${options.year ?? ''}")`);
  }
  const indicators = options.indicator?.map((id) => {
    const def = getIndicator(id);
    if (!def) throw new UserError(`unknown indicator "${id}" (see csc kpi --list)`);
    return def.id;
  });
  const breakdowns = options.breakdown?.map((b) => {
    if (!(BREAKDOWNS as readonly string[]).includes(b)) throw new UserError(`unknown breakdown "${b}": use ${BREAKDOWNS.join(', ')}`);
    return b as Breakdown;
  });
  return { la: options.la, year, period, indicators, breakdowns };
}

function catalogueRows(full: boolean): Record<string, unknown>[] {
  return listIndicators().map((d) => ({
    id: d.id, title: d.title, unit: d.unit, polarity: d.polarity, period: d.period, source: d.source, basis: d.basis,
    breakdowns: d.breakdowns.join(' '), reference: d.rateReference ?? d.reference ?? '',
    ...(full ? { definition: d.definition, numerator: d.numerator, denominator: d.denominator ?? '', source_detail: d.sourceDetail, notes: d.notes ?? '' } : {}),
  }));
}

async function emit(rows: unknown, options: KpiOptions, sheet: string, columns?: string[]): Promise<void> {
  if (options.format === 'json') return write(JSON.stringify(rows, null, 2) + '\n', options);
  const list = rows as Record<string, unknown>[] | FlatRow[];
  const records = list as Record<string, unknown>[];
  const keys = columns ?? (records[0] ? Object.keys(records[0]) : []);
  if (options.format === 'csv') return write(stringify(records, { header: true, columns: keys, cast: { boolean: (b) => String(b) } }), options);
  if (options.format === 'xlsx') {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(sheet);
    ws.columns = keys.map((k) => ({ header: k, key: k, width: Math.min(60, Math.max(10, k.length + 2)) }));
    for (const r of records) ws.addRow(Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
    ws.getRow(1).font = { bold: true };
    await book.xlsx.writeFile(options.out!);
    console.log(`Wrote ${records.length} rows to ${options.out}.`);
    return;
  }
  if (options.out) return write(stringify(records, { header: true, columns: keys }), options);
  printTable(records, keys.filter((k) => k !== 'period' && k !== 'note'));
}

function write(text: string, options: KpiOptions): void {
  if (options.out) {
    writeFileSync(options.out, text);
    console.log(`Wrote ${options.out}.`);
  } else process.stdout.write(text);
}
