import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { openMigrated, type Database } from '../../db/index.js';
import { listAuthorities } from '../../reference/index.js';
import {
  exportSyntheticReturns, refuseIfHoldsChildren, simulateAuthorities, simulateAuthority, summarize, writeSyntheticRows,
  type AuthoritySummary, type SimulatedAuthority, defaultCalibrationPasses,
} from '../../synth/index.js';
import { printTable, UserError, withDatabase } from '../context.js';

interface SynthCliOptions {
  la: string;
  from: string;
  to: string;
  seed: string;
  passes?: string;
  report?: boolean;
  visits: boolean;
  censusFit: boolean;
  replace?: boolean;
  dryRun?: boolean;
  export?: string;
  workers?: string;
}

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('Generate a synthetic authority (calibrated microsimulation) and load it into the database')
    .requiredOption('--la <code>', 'DfE LA code (e.g. 931), several separated by commas, or "all" for every current authority')
    .option('--from <year>', 'first collection year (2025 = 2024/25)', '2021')
    .option('--to <year>', 'last collection year', '2025')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .option('--passes <n>', 'calibration passes, 0 to 20 (default 8 for one authority, 4 for one of over 10,000 referrals a year or for several, to keep each under 10 s and all of England under 10 minutes)')
    .option('--report', 'print generated vs published DfE figures per year and measure')
    .option('--no-visits', 'leave out statutory visits and core groups (fewer rows, faster)')
    .option('--no-census-fit', 'leave dates near each 31 March as simulated (the census fit moves a few so published stocks land in band)')
    .option('--replace', 'delete the authority\'s existing records first')
    .option('--dry-run', 'simulate and report without writing to the database')
    .option('--export <dir>', 'also write the statutory returns (SSDA903 CSVs, CIN census XML, workforce CSV per year; Annex A at the end) into DIR (DIR/<la>/ with --la all)')
    .option('--workers <n>', 'worker threads simulating authorities when there are several (default: one per core)')
    .addHelpText('after', '\nExamples:\n  csc synth --la 931 --from 2015 --to 2025 --seed 7 --report\n  csc synth --la 931 --from 2023 --to 2025 --export returns/931\n  csc synth --la all --from 2021 --to 2025 --no-visits')
    .action(async (options: SynthCliOptions, command: Command) => {
      const from = parseYear(options.from, '--from');
      const to = parseYear(options.to, '--to');
      const seed = Number(options.seed);
      const codes = options.la === 'all' ? listAuthorities().map((a) => a.code) : [...new Set(options.la.split(',').map((c) => c.trim()).filter(Boolean))];
      if (codes.length === 0) throw new UserError('--la needs an LA code, a comma-separated list of codes, or "all".');
      const passes = options.passes === undefined ? defaultCalibrationPasses(codes, to) : Number(options.passes);
      if (!Number.isInteger(seed)) throw new UserError(`--seed must be a whole number (got ${JSON.stringify(options.seed)}).`);
      if (!Number.isInteger(passes) || passes < 0 || passes > 20) throw new UserError(`--passes must be a whole number from 0 to 20 (got ${JSON.stringify(options.passes)}).`);
      if (from > to) throw new UserError(`--from must not be after --to (got ${from} and ${to}).`);
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 32)) throw new UserError(`--workers must be a whole number from 0 to 32 (got ${JSON.stringify(options.workers)}).`);
      // Several authorities go to worker threads and, with --export, to one folder each.
      const all = codes.length > 1;
      const shared = { from, to, seed, calibrationPasses: passes, visits: options.visits, censusFit: options.censusFit };
      const summaries: Done[] = [];

      const bar = new cliProgress.SingleBar({ format: ' {bar} {percentage}% | {la} {stage} | {duration_formatted}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      // With --dry-run and --export the returns come from a throwaway in-memory database.
      const run = async (db: Kysely<Database> | null) => {
        const handle = async (result: SimulatedAuthority, index: number) => {
          const started = performance.now();
          const { summary } = result;
          if (db) {
            bar.update(index, { la: summary.laCode, stage: 'loading' });
            await writeSyntheticRows(db, summary.laCode, summary.name, result.rows, { replace: options.replace });
            if (options.export) {
              bar.update(index, { la: summary.laCode, stage: 'exporting' });
              const dir = all ? join(options.export, summary.laCode) : options.export;
              const { files, warnings } = await exportSyntheticReturns(db, { laCode: summary.laCode, from, to, annexA: true });
              mkdirSync(dir, { recursive: true });
              for (const f of files) writeFileSync(join(dir, f.name), f.data);
              if (warnings.length) console.error(`${summary.laCode}: ${warnings.length} export warnings, e.g. ${warnings[0]}`);
            }
          }
          summaries.push({ ...summary, loadSeconds: (performance.now() - started) / 1000 });
        };
        if (!all) {
          const code = codes[0]!;
          if (db && !options.replace) await refuseIfHoldsChildren(db, code).catch((e: Error) => Promise.reject(new UserError(e.message)));
          bar.start(passes + 3, 0, { la: code, stage: 'starting' });
          const started = performance.now();
          const authority = simulateAuthority({ ...shared, laCode: code, onProgress: (stage, done) => bar.update(done, { la: code, stage }) });
          const summary = summarize(authority, (performance.now() - started) / 1000);
          await handle({ summary, rows: authority.rows }, passes + 2);
          bar.update(passes + 3, { la: code, stage: 'done' });
          return;
        }
        if (db && !options.replace) {
          for (const code of codes) await refuseIfHoldsChildren(db, code).catch((e: Error) => Promise.reject(new UserError(e.message)));
        }
        bar.start(codes.length, 0, { la: '', stage: 'simulating' });
        let done = 0;
        await simulateAuthorities(codes, shared, {
          ...(workers === undefined ? {} : { workers }),
          onAuthority: async (result) => {
            await handle(result, done);
            bar.update(++done, { la: result.summary.laCode, stage: 'done' });
          },
        });
      };
      const started = performance.now();
      try {
        if (!options.dryRun) await withDatabase(command, ({ db }) => run(db));
        else if (options.export) {
          const memory = await openMigrated({ dataDir: 'memory://' });
          try {
            await run(memory.db);
          } finally {
            await memory.close();
          }
        } else await run(null);
      } finally {
        bar.stop();
      }
      printSummary(summaries, from, to);
      if (all) console.log(`\n${summaries.length} authorities, ${summaries.reduce((n, s) => n + s.rows, 0).toLocaleString('en-GB')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (options.export) console.log(`\nStatutory returns written to ${options.export}${all ? '/<la>/' : ''} (${to - from + 1} year${to > from ? 's' : ''} of SSDA903 CSVs, CIN census XML and workforce CSV, and the Annex A workbook at 31 March ${to}).`);
      if (options.report) {
        for (const { report } of summaries) {
          console.log(`\nCalibration report for ${report.laCode}: generated vs published DfE figures (tolerance: 10%, or 5 children where the published count is under 50)`);
          printTable(report.lines.map((l) => ({ year: l.year, measure: l.measure, generated: l.generated, published: l.published, error_pct: Math.round(l.error * 1000) / 10, ok: l.ok ? 'yes' : 'NO' })));
        }
      }
    });
}

/** An authority simulated and (unless --dry-run) loaded, and exported with --export; loadSeconds covers both. */
type Done = AuthoritySummary & { loadSeconds: number };

function printSummary(summaries: Done[], from: number, to: number): void {
  printTable(
    [...summaries].sort((a, b) => (a.laCode < b.laCode ? -1 : 1)).map((s) => ({
      la: s.laCode, name: s.name, years: `${from}-${to}`, children: s.children, referrals: s.referrals, cp_plans: s.cpPlans, care_periods: s.carePeriods, workers: s.workers,
      rows: s.rows, within_tolerance: `${s.report.lines.length - s.report.failures.length}/${s.report.lines.length}`, census_fit_moves: s.censusFitMoves,
      simulate_s: round1(s.simulateSeconds), write_s: round1(s.loadSeconds),
    })),
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function parseYear(value: string, option: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2014 || year > 2026) throw new UserError(`${option} must be a collection year from 2014 to 2026 (got ${JSON.stringify(value)}).`);
  return year;
}
