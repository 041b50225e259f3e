import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { listAuthorities } from '../../reference/index.js';
import { calibrationReport, loadSyntheticAuthority, simulateAuthority, type CalibrationReport, type SyntheticAuthority } from '../../synth/index.js';
import { printTable, UserError, withDatabase } from '../context.js';

interface SynthCliOptions {
  la: string;
  from: string;
  to: string;
  seed: string;
  passes: string;
  report?: boolean;
  visits: boolean;
  replace?: boolean;
  dryRun?: boolean;
  export?: string;
}

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('Generate a synthetic authority (calibrated microsimulation) and load it into the database')
    .requiredOption('--la <code>', 'DfE LA code (e.g. 931), or "all" for every current authority')
    .option('--from <year>', 'first collection year (2025 = 2024/25)', '2021')
    .option('--to <year>', 'last collection year', '2025')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .option('--passes <n>', 'calibration passes before the final run', '4')
    .option('--report', 'print generated vs published DfE figures per year and measure')
    .option('--no-visits', 'leave out statutory visits and core groups (fewer rows, faster)')
    .option('--replace', 'delete the authority\'s existing records first')
    .option('--dry-run', 'simulate and report without writing to the database')
    .option('--export <dir>', 'also write statutory files (needs the exporters in src/export; not available yet)')
    .addHelpText('after', '\nExamples:\n  csc synth --la 931 --from 2015 --to 2025 --seed 7 --report\n  csc synth --la all --from 2021 --to 2025 --no-visits')
    .action(async (options: SynthCliOptions, command: Command) => {
      const from = parseYear(options.from, '--from');
      const to = parseYear(options.to, '--to');
      const seed = Number(options.seed);
      const passes = Number(options.passes);
      if (!Number.isInteger(seed)) throw new UserError(`--seed must be a whole number (got ${JSON.stringify(options.seed)}).`);
      if (!Number.isInteger(passes) || passes < 0 || passes > 10) throw new UserError(`--passes must be a whole number from 0 to 10 (got ${JSON.stringify(options.passes)}).`);
      if (options.export) throw new UserError('--export needs the statutory file exporters (src/export), which are not available yet; run without --export.');
      const codes = options.la === 'all' ? listAuthorities().map((a) => a.code) : [options.la];
      const bar = new cliProgress.SingleBar({ format: ' {bar} {percentage}% | {la} {stage} | {duration_formatted}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      const stepsPer = passes + 2 + 29;
      bar.start(codes.length * stepsPer, 0, { la: codes[0], stage: 'starting' });
      const summary: Record<string, unknown>[] = [];
      const reports: CalibrationReport[] = [];
      const run = async (code: string, index: number, load: (a: { laCode: string }) => Promise<{ authority: SyntheticAuthority; rowCounts: Record<string, number> }>) => {
        const started = performance.now();
        const { authority, rowCounts } = await load({ laCode: code });
        const rows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
        const report = calibrationReport(authority);
        reports.push(report);
        const last = authority.world;
        summary.push({
          la: code, name: authority.name, years: `${from}-${to}`, children: last.children.length, referrals: last.referrals.length, cp_plans: last.cpPlans.length,
          care_periods: last.carePeriods.length, workers: last.workers.length, rows, within_tolerance: `${report.lines.length - report.failures.length}/${report.lines.length}`,
          seconds: Math.round((performance.now() - started) / 100) / 10,
        });
        bar.update((index + 1) * stepsPer, { la: code, stage: 'done' });
      };
      const progress = (index: number, code: string) => (stage: string, done: number, total: number) =>
        bar.update(index * stepsPer + (stage.startsWith('load') ? passes + 2 + done : Math.min(done, passes + 2)), { la: code, stage: total ? stage : stage });
      try {
        if (options.dryRun) {
          for (const [i, code] of codes.entries()) {
            await run(code, i, async () => {
              const authority = simulateAuthority({ laCode: code, from, to, seed, calibrationPasses: passes, visits: options.visits, onProgress: progress(i, code) });
              const rowCounts = Object.fromEntries(Object.entries(authority.rows).map(([t, r]) => [t, r!.length]));
              return { authority, rowCounts };
            });
          }
        } else {
          await withDatabase(command, async ({ db }) => {
            for (const [i, code] of codes.entries()) {
              await run(code, i, () => loadSyntheticAuthority(db, { laCode: code, from, to, seed, calibrationPasses: passes, visits: options.visits, replace: options.replace, onProgress: progress(i, code) }));
            }
          });
        }
      } finally {
        bar.stop();
      }
      printTable(summary);
      if (options.report) {
        for (const report of reports) {
          console.log(`\nCalibration report for ${report.laCode}: generated vs published DfE figures (tolerance: 10%, or 5 children where the published count is under 50)`);
          printTable(report.lines.map((l) => ({ year: l.year, measure: l.measure, generated: l.generated, published: l.published, error_pct: Math.round(l.error * 1000) / 10, ok: l.ok ? 'yes' : 'NO' })));
        }
      }
    });
}

function parseYear(value: string, option: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2014 || year > 2026) throw new UserError(`${option} must be a collection year from 2014 to 2026 (got ${JSON.stringify(value)}).`);
  return year;
}
