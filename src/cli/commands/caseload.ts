import type { Command } from 'commander';
import { caseloadSeries, caseloadSummaryAt, loadStandards, type CaseloadSummary, type Sheet } from '../../workload/index.js';
import { UserError, withDatabase } from '../context.js';
import { emit, parseFormat } from './workforce.js';

type View = 'worker' | 'team' | 'service' | 'unallocated';
const VIEWS: readonly View[] = ['team', 'worker', 'service', 'unallocated'];

interface CaseloadOptions {
  la: string;
  date?: string;
  by?: string;
  series?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  weights?: boolean;
}

function sheets(s: CaseloadSummary): Record<View, Sheet> {
  const groupColumns = ['name', 'teamType', 'service', 'locality', 'caseHolders', 'caseHolderFte', 'cases', 'averagePerFte', 'averagePerWorker', 'minPerFte', 'maxPerFte', 'capacity', 'overCapacity', 'workersOver', 'managers', 'directReports', 'agencyFte', 'unallocated'];
  return {
    team: { name: 'Teams', rows: [...s.teams, s.total] as unknown as Record<string, unknown>[], columns: groupColumns },
    worker: {
      name: 'Workers',
      rows: s.workers as unknown as Record<string, unknown>[],
      columns: ['teamName', 'workerId', 'role', 'contract', 'fte', 'cases', 'load', 'casesPerFte', 'standardMin', 'standardMax', 'capacity', 'overCapacity', 'status'],
    },
    service: { name: 'Services', rows: [...s.services, s.total] as unknown as Record<string, unknown>[], columns: groupColumns.filter((c) => !['teamType', 'locality'].includes(c)) },
    unallocated: { name: 'Unallocated', rows: s.unallocated as unknown as Record<string, unknown>[], columns: ['childId', 'caseType', 'needs', 'teamId', 'waitingSince', 'waitingDays'] },
  };
}

export function registerCaseloadCommand(program: Command): void {
  program.command('caseload')
    .description('Caseloads at a date (per worker, team or service) against the standards, unallocated cases, or a monthly series')
    .requiredOption('--la <code>', 'authority code, e.g. 931')
    .option('--date <date>', 'snapshot date (YYYY-MM-DD)')
    .option('--by <view>', `what to list: ${VIEWS.join(', ')}`, 'team')
    .option('--series <period>', 'a series instead of one date (monthly)')
    .option('--from <date>', 'series start')
    .option('--to <date>', 'series end')
    .option('--weights', 'count cases by weight (CP 1.5 etc.) for this run')
    .option('--format <format>', 'table, csv, xlsx or json', 'table')
    .option('--out <file>', 'write to a file (required for xlsx)')
    .addHelpText('after', `
Examples:
  csc caseload --la 931 --date 2024-09-30
  csc caseload --la 931 --date 2024-09-30 --by worker --format csv --out workers.csv
  csc caseload --la 931 --date 2024-09-30 --by unallocated
  csc caseload --la 931 --series monthly --from 2023-10-01 --to 2024-09-30 --format xlsx --out smt.xlsx`)
    .action(async (options: CaseloadOptions, command: Command) => {
      const format = parseFormat(options.format);
      await withDatabase(command, async ({ db }) => {
        if (options.series !== undefined) {
          if (options.series !== 'monthly') throw new UserError(`--series ${JSON.stringify(options.series)}: only monthly is supported.`);
          if (!options.from || !options.to) throw new UserError('--series monthly needs --from and --to.');
          const standards = await loadStandards(db, options.la, options.to);
          const points = await caseloadSeries(db, options.la, options.from, options.to, withWeights(standards, options.weights));
          await emit([{ name: 'Monthly series', rows: points as unknown as Record<string, unknown>[] }], format, points, options.out);
          return;
        }
        if (!options.date) throw new UserError('Give --date YYYY-MM-DD (or --series monthly --from --to).');
        const view = (options.by ?? 'team') as View;
        if (!VIEWS.includes(view)) throw new UserError(`--by ${JSON.stringify(options.by)} is not one of ${VIEWS.join(', ')}.`);
        const standards = withWeights(await loadStandards(db, options.la, options.date), options.weights);
        const summary = await caseloadSummaryAt(db, options.la, options.date, standards);
        const all = sheets(summary);
        const ordered = format === 'xlsx' ? [all[view], ...VIEWS.filter((v) => v !== view).map((v) => all[v])] : [all[view]];
        if (format === 'table') console.log(`Caseloads in ${summary.laCode} on ${summary.date} against ${standards.title}; ${summary.unallocated.length} open cases unallocated.`);
        await emit(ordered, format, summary, options.out);
      });
    });
}

function withWeights<T extends { weights: { enabled: boolean } }>(standards: T, on: boolean | undefined): T {
  return on ? { ...standards, weights: { ...standards.weights, enabled: true } } : standards;
}
