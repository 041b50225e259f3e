import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addYears, collectionYearBounds, collectionYearOf, isIsoDate, toDayNumber } from '../../calendar/index.js';
import {
  backtest, fanChartSvg, lastCareDate, loadCareRows, loadPlacementCosts, loadPlanRows, namedScenario, NAMED_SCENARIOS,
  parseScenario, runForecast, toCsv, toJson, toXlsx, type Distribution, type ForecastReport, type Scenario, type Table,
} from '../../forecast/index.js';
import { printTable, UserError, withDatabase } from '../context.js';

interface ForecastOptions {
  la?: string;
  years: string;
  runs: string;
  seed: string;
  start?: string;
  windowYears: string;
  scenario: string[];
  backtest?: boolean;
  origins?: string;
  format: string;
  out?: string;
  table?: string;
  chart?: string;
  inflation?: string;
  standards: string;
  workers?: string;
  listScenarios?: boolean;
}

export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description('Forecast children in care, CP and CIN demand, placement spend and posts, with uncertainty and scenarios')
    .option('--la <codes>', 'authority code(s), comma-separated to pool several, e.g. 931')
    .option('--years <n>', 'years ahead, 1 to 5', '3')
    .option('--runs <n>', 'Monte Carlo runs', '1000')
    .option('--seed <n>', 'random seed (same seed, same answer)', '1')
    .option('--start <date>', 'forecast start (stock on this day); default: the end of the last collection year in the data')
    .option('--window-years <n>', 'years of history used for the rates', '1')
    .option('--scenario <file|name>', 'scenario JSON file or named scenario; repeat to compare several', collect, [])
    .option('--backtest', 'fit on earlier years, forecast a year already known, report error and interval coverage')
    .option('--origins <dates>', 'backtest origins, comma-separated ISO dates (default: each 31 March with a known year after it, up to 5)')
    .option('--format <format>', 'table, csv, json or xlsx', 'table')
    .option('--out <file>', 'write to a file instead of the terminal (required for xlsx)')
    .option('--table <name>', 'with --format csv: which table (children, year ends, flows, spend, costs, rates, posts, ...)', 'children')
    .option('--chart <file.svg>', 'also write a fan chart of children in care (SVG)')
    .option('--inflation <rate>', 'annual placement price inflation, e.g. 0.03')
    .option('--standards <name>', 'caseload standards preset for posts', 'csc-default')
    .option('--workers <n>', 'worker threads (default: cores)')
    .option('--list-scenarios', 'list the named scenarios and exit')
    .addHelpText(
      'after',
      `
Examples:
  csc forecast --la 931 --years 3 --runs 1000
  csc forecast --la 931 --scenario new-homes --scenario step-down-15
  csc forecast --la 931 --scenario my-scenario.json --format xlsx --out forecast.xlsx
  csc forecast --la 931 --backtest
  csc forecast --la 931 --format csv --table children --out fan.csv`,
    )
    .action(async (options: ForecastOptions, command: Command) => {
      if (options.listScenarios) {
        printTable(NAMED_SCENARIOS.map((s) => ({ name: s.name, description: s.description })));
        return;
      }
      if (!options.la) throw new UserError('--la is required, e.g. --la 931');
      const laCodes = options.la.split(',').map((s) => s.trim()).filter(Boolean);
      const years = integer(options.years, '--years', 1, 5);
      const runs = integer(options.runs, '--runs', 10, 100_000);
      const seed = integer(options.seed, '--seed', 0, 2 ** 31);
      const windowYears = integer(options.windowYears, '--window-years', 1, 10);
      const workers = options.workers === undefined ? undefined : integer(options.workers, '--workers', 0, 64);
      const inflation = options.inflation === undefined ? undefined : number(options.inflation, '--inflation', -0.5, 1);
      if (!['table', 'csv', 'json', 'xlsx'].includes(options.format)) throw new UserError(`--format must be table, csv, json or xlsx (got '${options.format}')`);
      if (options.format === 'xlsx' && !options.out) throw new UserError('--format xlsx needs --out FILE.xlsx');
      const scenarios = options.scenario.map(loadScenario);
      const progress = progressPrinter();

      await withDatabase(command, async ({ db }) => {
        const last = await lastCareDate(db, laCodes);
        if (!last) throw new UserError(`no care episodes for ${laCodes.join(', ')}: load an SSDA903 return or a synthetic authority first`);
        const dataEnd = collectionYearBounds(collectionYearOf(last)).end;
        const care = await loadCareRows(db, laCodes);
        const model = { dataEnd };

        if (options.backtest) {
          const origins = options.origins ? options.origins.split(',').map((d) => date(d.trim(), '--origins')) : defaultOrigins(care.episodes, dataEnd, windowYears);
          if (origins.length === 0) throw new UserError(`not enough history for a backtest: need ${windowYears + 1} years of data before ${dataEnd}`);
          const result = await backtest(care.episodes, care.children, { origins, runs, seed, workers, windowYears, model, onProgress: progress });
          progress.done();
          const tables: Table[] = [
            { name: 'backtest summary', rows: result.summary },
            { name: 'backtest', rows: result.rows },
            { name: 'backtest overall', rows: [result.overall] },
          ];
          await output(tables, options, () => {
            console.log(`Backtest: fit on ${windowYears} year(s) before each origin, forecast 1 year, ${runs} runs. Origins: ${origins.join(', ')}`);
            printTable(result.summary.filter((s) => s.level !== 'state').map((s) => ({
              series: s.series, origins: s.origins, 'MAPE %': pct(s.mape), 'in 50%': pct(s.coverage50), 'in 80%': pct(s.coverage80), 'in 90%': pct(s.coverage90), 'in 95%': pct(s.coverage95),
            })));
            const o = result.overall;
            console.log(`\nAcross ${o.pairs} (age band × placement, origin) pairs: 50% interval held the outcome ${pct(o.coverage50)}%, 80% ${pct(o.coverage80)}%, 90% ${pct(o.coverage90)}%, 95% ${pct(o.coverage95)}%.`);
          });
          return;
        }

        const origin = options.start ? date(options.start, '--start') : dataEnd;
        const cp = await loadPlanRows(db, laCodes, 'cp');
        const cin = await loadPlanRows(db, laCodes, 'cin');
        const placementCosts = laCodes.length === 1 ? await loadPlacementCosts(db, laCodes[0]!) : undefined;
        const report = await runForecast(
          { episodes: care.episodes, children: care.children, cp, cin, placementCosts },
          { origin, years, runs, seed, workers, windowYears, scenarios, inflation, standards: options.standards, model, onProgress: progress },
        );
        progress.done();
        if (options.chart) {
          const rows = report.tables.find((t) => t.name === 'children')!.rows as Parameters<typeof fanChartSvg>[0];
          writeFileSync(options.chart, fanChartSvg(rows.filter((r) => r.series === 'total'), { title: `Children in care, ${laCodes.join(', ')}: median and 50/80/95% intervals` }));
        }
        await output(report.tables, options, () => printReport(report, laCodes));
      });
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function loadScenario(value: string): Scenario {
  const named = namedScenario(value);
  if (named) return named;
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    throw new UserError(`--scenario '${value}' is neither a named scenario (${NAMED_SCENARIOS.map((s) => s.name).join(', ')}) nor a readable file`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${value}: not valid JSON (${(error as Error).message})`);
  }
  return parseScenario(data, value);
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  return n;
}

function number(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UserError(`${name} must be a number from ${min} to ${max} (got '${value}')`);
  return n;
}

function date(value: string, name: string): string {
  if (!isIsoDate(value)) throw new UserError(`${name}: '${value}' is not an ISO date (YYYY-MM-DD)`);
  return value;
}

/** Each 31 March with a full year of data after it and the reference window before it (latest 5). */
function defaultOrigins(episodes: readonly { decom: string }[], dataEnd: string, windowYears: number): string[] {
  const first = episodes.reduce((min, e) => (e.decom < min ? e.decom : min), dataEnd);
  const origins: string[] = [];
  for (let y = collectionYearOf(dataEnd) - 1; origins.length < 5; y--) {
    const origin = `${y}-03-31`;
    if (toDayNumber(addYears(origin, -windowYears)) < toDayNumber(first)) break;
    origins.unshift(origin);
  }
  return origins;
}

function pct(x: number | null): string {
  return x === null || Number.isNaN(x) ? '' : (x * 100).toFixed(1);
}

const whole = (d: Distribution) => `${Math.round(d.p50)} (${Math.round(d.p10)}–${Math.round(d.p90)})`;
const money = (x: number) => `£${(x / 1e6).toFixed(2)}m`;
const moneyRange = (d: Distribution) => `${money(d.p50)} (${money(d.p10)}–${money(d.p90)})`;

function printReport(report: ForecastReport, laCodes: string[]): void {
  const m = report.model;
  console.log(`Forecast for ${laCodes.join(', ')} from ${report.origin}: ${report.baseline.stockSize} children in care, ${report.baseline.outputs.runs} runs.`);
  console.log(`Rates from ${m.windowStart} to ${m.windowEnd} (exclusive): ${m.children} children observed. Figures: median (80% interval).\n`);
  const yearEnds = report.tables.find((t) => t.name === 'year ends')!.rows as (Distribution & { date: string; series: string })[];
  const dates = [...new Set(yearEnds.map((r) => r.date))];
  printTable([...m.categories, 'total'].map((series) => ({
    series,
    ...Object.fromEntries(dates.map((d) => [d, whole(yearEnds.find((r) => r.date === d && r.series === series)!)])),
  })));
  console.log('\nPlacement spend per year (uprated by inflation):');
  const spendRows = report.tables.find((t) => t.name === 'spend')!.rows as (Distribution & { year: string })[];
  printTable(spendRows.map((r) => ({ year: r.year, spend: moneyRange(r), '95% interval': `${money(r.p025)}–${money(r.p975)}` })));
  if (report.cp || report.cin) {
    console.log('\nChildren on plans at year ends:');
    const rows: Record<string, string>[] = [];
    for (const name of ['cp plans', 'cin plans']) {
      const t = report.tables.find((x) => x.name === name);
      if (!t) continue;
      const r = t.rows as (Distribution & { date: string })[];
      rows.push({ demand: name, ...Object.fromEntries(dates.map((d) => [d, r.find((x) => x.date === d) ? whole(r.find((x) => x.date === d)!) : ''])) });
    }
    printTable(rows);
  }
  console.log('\nPosts implied (full-time equivalents):');
  printTable(dates.map((d) => ({
    date: d,
    ...Object.fromEntries(report.posts.filter((p) => p.date === d).map((p) => [p.role, `${p.posts.p50.toFixed(1)} (${p.posts.p10.toFixed(1)}–${p.posts.p90.toFixed(1)})`])),
  })));
  if (report.posts[0]) console.log(`Standards: ${report.posts[0].standard}`);
  for (const s of report.scenarios) {
    console.log(`\nScenario '${s.scenario.name}': ${s.scenario.description}`);
    for (const line of s.projection.compiled.explanations) console.log(`  - ${line}`);
    printTable(s.comparison.filter((r) => r.measure === 'children: total' || r.measure.startsWith('placement spend')).map((r) => {
      const fmt = r.measure.startsWith('placement') ? moneyRange : whole;
      return { measure: r.measure, when: r.when, baseline: fmt(r.baseline), scenario: fmt(r.scenario), difference: fmt(r.difference) };
    }));
  }
  const notes = m.quality.length;
  if (notes > 0) console.log(`\nData quality: ${notes} note(s) (see the 'data quality' table with --format json or xlsx).`);
}

async function output(tables: Table[], options: ForecastOptions, printText: () => void): Promise<void> {
  if (options.format === 'table') {
    if (options.out) throw new UserError('--out needs --format csv, json or xlsx');
    printText();
    return;
  }
  let content: string | Buffer;
  if (options.format === 'json') content = toJson(tables);
  else if (options.format === 'xlsx') content = await toXlsx(tables);
  else {
    const wanted = options.table ?? 'children';
    const table = tables.find((t) => t.name === wanted) ?? (tables.length === 1 || wanted === 'children' ? tables[0] : undefined);
    if (!table) throw new UserError(`--table '${wanted}' not found; tables: ${tables.map((t) => t.name).join(', ')}`);
    content = toCsv(table);
  }
  if (options.out) {
    writeFileSync(options.out, content);
    console.error(`Wrote ${options.out}`);
  } else process.stdout.write(content);
}

function progressPrinter(): ((done: number, total: number, stage: string) => void) & { done: () => void } {
  let lastStage = '';
  let lastPrinted = 0;
  const tty = process.stderr.isTTY;
  const fn = (done: number, total: number, stage: string) => {
    const now = Date.now();
    if (stage === lastStage && done < total && now - lastPrinted < 250) return;
    lastPrinted = now;
    const line = `${stage}: ${done}/${total} runs`;
    if (tty) process.stderr.write(`\r${line.padEnd(60)}`);
    else if (stage !== lastStage || done === total) process.stderr.write(`${line}\n`);
    lastStage = stage;
  };
  return Object.assign(fn, { done: () => (tty ? process.stderr.write('\r'.padEnd(62) + '\r') : undefined) });
}
