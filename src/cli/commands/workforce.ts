import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  capacityPlanAt, loadStandards, loadUnitCosts, overrideHistory, PARAMETERS, permanentCost, agencyCost, postsForDemand, setCaseloadStandard,
  setParameter, setUnitCost, toCsv, writeXlsx, type PlanAt, type ProjectedDemand, type Sheet,
} from '../../workload/index.js';
import { printTable, UserError, withDatabase } from '../context.js';

// ---------------------------------------------------------------------------------------------
// Output shared with `csc caseload`: table, CSV, XLSX or JSON.
// ---------------------------------------------------------------------------------------------
export type Format = 'table' | 'csv' | 'xlsx' | 'json';
const FORMATS: readonly Format[] = ['table', 'csv', 'xlsx', 'json'];

export function parseFormat(value: string | undefined): Format {
  const format = (value ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new UserError(`--format ${JSON.stringify(value)} is not one of ${FORMATS.join(', ')}.`);
  return format;
}

function parseNumber(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min) throw new UserError(`--${name} ${JSON.stringify(value)} must be a number ≥ ${min}.`);
  return n;
}

function required(name: string, value: string | undefined): string {
  if (value === undefined) throw new UserError(`--${name} is required.`);
  return value;
}

/** Prints the sheets (table: each under its name; csv: the first) or writes them to --out; JSON prints `json`. */
export async function emit(sheets: Sheet[], format: Format, json: unknown, out?: string): Promise<void> {
  if (format === 'xlsx') {
    if (!out) throw new UserError('--format xlsx needs --out <file.xlsx>.');
    await writeXlsx(sheets, out);
    console.log(`Wrote ${out} (${sheets.map((s) => `${s.name}: ${s.rows.length} rows`).join(', ')}).`);
    return;
  }
  const text = format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : format === 'csv' ? toCsv(sheets[0]!) : null;
  if (text !== null) {
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return;
  }
  for (const sheet of sheets) {
    if (sheets.length > 1) console.log(`\n${sheet.name}`);
    printTable(sheet.rows, sheet.columns);
  }
}

const rows = (items: readonly object[]): Record<string, unknown>[] => items as unknown as Record<string, unknown>[];

// ---------------------------------------------------------------------------------------------
// csc workforce plan
// ---------------------------------------------------------------------------------------------
interface PlanOptions {
  la: string;
  date: string;
  projectedCp?: string;
  projectedCin?: string;
  projectedCla?: string;
  projectedCareLeavers?: string;
  format?: string;
  out?: string;
}

function demandSheet(result: PlanAt, demand: ProjectedDemand): { sheet: Sheet; json: unknown } {
  const posts = postsForDemand(demand, result.standards);
  const fte = (roles: string[]) => Math.round(result.summary.workers.filter((w) => roles.includes(w.role)).reduce((s, w) => s + w.fte, 0) * 100) / 100;
  const line = (role: string, inPost: number, need: { exact: number; posts: number }) => ({ role, inPostFte: inPost, neededExact: need.exact, neededPosts: need.posts, gap: Math.round((need.posts - inPost) * 100) / 100 });
  const lines = [
    line('case-holding social workers', fte(result.standards.caseHoldingRoles), posts.socialWorkers),
    line('team managers', fte(['team_manager']), posts.teamManagers),
    line('IROs', fte(['iro']), posts.iros),
    line('personal advisers', fte(['personal_adviser']), posts.personalAdvisers),
  ];
  return { sheet: { name: 'Posts for demand', rows: lines }, json: { demand, posts, lines } };
}

function registerPlan(workforce: Command): void {
  workforce.command('plan')
    .description('Posts needed to bring every team within standard, their cost, the agency saving; with --projected-* the posts for next year')
    .requiredOption('--la <code>', 'authority code')
    .requiredOption('--date <date>', 'snapshot date (YYYY-MM-DD)')
    .option('--projected-cp <n>', 'projected children on CP plans')
    .option('--projected-cin <n>', 'projected children in need other than CP and CLA')
    .option('--projected-cla <n>', 'projected children looked after')
    .option('--projected-care-leavers <n>', 'projected care leavers entitled to a personal adviser')
    .option('--format <format>', 'table, csv, xlsx or json', 'table')
    .option('--out <file>', 'write to a file (required for xlsx)')
    .addHelpText('after', `
Examples:
  csc workforce plan --la 931 --date 2024-09-30
  csc workforce plan --la 931 --date 2024-09-30 --projected-cla 700 --projected-cp 500 --projected-cin 1200
  csc workforce plan --la 931 --date 2024-09-30 --format xlsx --out plan.xlsx`)
    .action(async (options: PlanOptions, command: Command) => {
      const format = parseFormat(options.format);
      const projected = {
        cp: parseNumber('projected-cp', options.projectedCp),
        cin: parseNumber('projected-cin', options.projectedCin),
        cla: parseNumber('projected-cla', options.projectedCla),
        careLeavers: parseNumber('projected-care-leavers', options.projectedCareLeavers),
      };
      const withDemand = Object.values(projected).some((v) => v !== undefined);
      await withDatabase(command, async ({ db }) => {
        const result = await capacityPlanAt(db, options.la, options.date);
        const { plan } = result;
        const sheets: Sheet[] = [
          { name: 'Capacity plan', rows: rows(plan.lines), columns: ['scope', 'role', 'reason', 'currentFte', 'neededFte', 'postsExact', 'posts', 'annualCost'] },
          { name: 'Agency replacement', rows: [plan.agency as unknown as Record<string, unknown>] },
        ];
        let demand: unknown = null;
        if (withDemand) {
          const d = demandSheet(result, { cp: projected.cp ?? 0, cin: projected.cin ?? 0, cla: projected.cla ?? 0, careLeavers: projected.careLeavers ?? 0 });
          sheets.push(d.sheet);
          demand = d.json;
        }
        if (format === 'table') {
          console.log(`Capacity plan for ${plan.laCode} on ${plan.date} (${result.standards.title}; costs: ${result.costs.name}).`);
        }
        await emit(format === 'csv' ? [sheets[0]!] : sheets, format, { ...plan, demand }, options.out);
        if (format === 'table') {
          console.log(`\nTotal: ${plan.totalPosts} posts, £${plan.totalAnnualCost.toLocaleString('en-GB')} a year. Replacing ${plan.agency.agencyFte} agency FTE with permanent staff saves £${plan.agency.annualSaving.toLocaleString('en-GB')} a year.`);
        }
      });
    });
}

// ---------------------------------------------------------------------------------------------
// csc workforce standards / costs
// ---------------------------------------------------------------------------------------------
interface StandardsSetOptions {
  la: string;
  role?: string;
  teamType?: string;
  min?: string;
  max?: string;
  param?: string;
  value?: string;
  from: string;
  source: string;
}

function registerStandards(workforce: Command): void {
  const standards = workforce.command('standards').description('Caseload standards in force for an authority, and its overrides');
  standards.command('list')
    .description('The standards in force on a date, and every override recorded')
    .requiredOption('--la <code>', 'authority code')
    .option('--date <date>', 'date (default today)', new Date().toISOString().slice(0, 10))
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { la: string; date: string; format?: string }, command: Command) => {
      const format = parseFormat(options.format);
      await withDatabase(command, async ({ db }) => {
        const s = await loadStandards(db, options.la, options.date);
        const history = await overrideHistory(db, options.la);
        if (format === 'json') {
          console.log(JSON.stringify({ standards: s, history }, null, 2));
          return;
        }
        console.log(`${s.title} on ${options.date}. Span ${s.managerSpan.min}-${s.managerSpan.max} direct reports; IROs ${s.iroIncludesCp ? 'include' : 'exclude'} CP; FTE-adjusted ${s.fteAdjusted}; weights ${s.weights.enabled ? 'on' : 'off'}; posts rounded to ${s.postStep}.`);
        printTable(s.rules.map((r) => ({ role: r.role, teamType: r.teamType, min: r.min, max: r.max, basis: r.basis, source: r.source })));
        console.log(`\nProtection factors: ${Object.entries(s.protectionFactors).map(([r, f]) => `${r} ${f}`).join(', ') || 'none'}`);
        console.log(`\nCaseload ranges recorded for ${options.la} (all versions):`);
        printTable(rows(history.rules));
        console.log(`\nParameters recorded for ${options.la} (all versions):`);
        printTable(rows(history.parameters));
        console.log(`\nParameters you can set: ${PARAMETERS.map((p) => p.name).join(', ')}`);
      });
    });
  standards.command('set')
    .description('Record a caseload range for a role (and team type), or a parameter, from a date')
    .requiredOption('--la <code>', 'authority code')
    .option('--role <role>', 'worker role, e.g. social_worker, asye, iro, personal_adviser')
    .option('--team-type <type>', "team type, e.g. looked_after ('*' = any)", '*')
    .option('--min <n>', 'fewest children per FTE')
    .option('--max <n>', 'most children per FTE (the capacity)')
    .option('--param <name>', 'a parameter instead of a range, e.g. manager_span_max, weights_enabled, preset')
    .option('--value <value>', 'the parameter value')
    .requiredOption('--from <date>', 'valid from (YYYY-MM-DD)')
    .requiredOption('--source <text>', 'where the value comes from (e.g. "Cabinet 12 March 2024")')
    .addHelpText('after', `
Examples:
  csc workforce standards set --la 931 --role social_worker --team-type looked_after --min 12 --max 14 --from 2024-04-01 --source "Workforce strategy 2024"
  csc workforce standards set --la 931 --param preset --value leicestershire-2017 --from 2017-07-01 --source "SMT"
  csc workforce standards set --la 931 --param weights_enabled --value true --from 2024-04-01 --source "SMT"`)
    .action(async (o: StandardsSetOptions, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        if (o.param !== undefined) {
          await setParameter(db, { laCode: o.la, name: o.param, value: required('value', o.value), validFrom: o.from, source: o.source });
          console.log(`Set ${o.param} = ${o.value} for ${o.la} from ${o.from}.`);
          return;
        }
        const role = required('role (or --param)', o.role);
        const min = parseNumber('min', required('min', o.min))!;
        const max = parseNumber('max', required('max', o.max))!;
        await setCaseloadStandard(db, { laCode: o.la, role, teamType: o.teamType ?? '*', validFrom: o.from, min, max, source: o.source });
        console.log(`Set ${role}/${o.teamType ?? '*'} = ${min}-${max} children per FTE for ${o.la} from ${o.from}.`);
      });
    });
}

function registerCosts(workforce: Command): void {
  const costs = workforce.command('costs').description('Unit costs per FTE (permanent and agency)');
  costs.command('list')
    .requiredOption('--la <code>', 'authority code')
    .option('--date <date>', 'date (default today)', new Date().toISOString().slice(0, 10))
    .action(async (options: { la: string; date: string }, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        const c = await loadUnitCosts(db, options.la, options.date);
        printTable(c.costs.map((u) => ({
          role: u.role, salary: u.annualSalary, onCosts: u.onCostRate, permanent: Math.round(permanentCost(u)), agency: Math.round(agencyCost(u)), priceYear: u.priceYear, basis: u.basis, source: u.source,
        })));
      });
    });
  costs.command('set')
    .requiredOption('--la <code>', 'authority code')
    .requiredOption('--role <role>', 'worker role')
    .requiredOption('--salary <pounds>', 'annual salary per FTE (or whole unit cost with --on-costs 0)')
    .option('--on-costs <fraction>', 'employer on-costs as a fraction of salary', '0.3')
    .option('--agency-premium <fraction>', 'extra cost of agency cover as a fraction', '0.4')
    .requiredOption('--price-year <year>', 'price year, e.g. 2024/25')
    .requiredOption('--from <date>', 'valid from (YYYY-MM-DD)')
    .requiredOption('--source <text>', 'where the figure comes from')
    .addHelpText('after', '\nExample:\n  csc workforce costs set --la 931 --role iro --salary 50000 --on-costs 0 --price-year 2015/16 --from 2016-04-01 --source "Cabinet 23 Feb 2016"')
    .action(async (o: { la: string; role: string; salary: string; onCosts: string; agencyPremium: string; priceYear: string; from: string; source: string }, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        await setUnitCost(db, {
          laCode: o.la, role: o.role, validFrom: o.from, priceYear: o.priceYear, source: o.source,
          annualSalary: parseNumber('salary', o.salary)!, onCostRate: parseNumber('on-costs', o.onCosts)!, agencyPremiumRate: parseNumber('agency-premium', o.agencyPremium)!,
        });
        console.log(`Set the ${o.role} unit cost for ${o.la} from ${o.from}.`);
      });
    });
}

export function registerWorkforceCommands(program: Command): void {
  const workforce = program.command('workforce').description('Capacity plans, posts and costs; caseload standards and unit costs per authority');
  registerPlan(workforce);
  registerStandards(workforce);
  registerCosts(workforce);
}
