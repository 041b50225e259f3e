import { readFileSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { formatIssue, importFiles, issuesToCsv, type ImportProgress, type ImportReport, type InputFile } from '../../ingest/index.js';
import { prepareIndicators } from '../../metrics/index.js';
import { UserError, printTable, withDatabase } from '../context.js';
import { terminalProgress } from '../progress.js';

interface ImportCliOptions {
  la: string;
  format: string;
  year?: string;
  dryRun?: boolean;
  errors?: string;
  json?: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Load statutory returns (SSDA903 CSV set, CIN census XML, Annex A workbook or CSV lists, workforce list CSV): all files or none')
    .argument('<files...>', 'files or folders (folders are read recursively)')
    .requiredOption('--la <code>', 'DfE LA code the files belong to, e.g. 931')
    .option('--format <format>', 'auto | 903 | cin | annex-a | workforce', 'auto')
    .option('--year <year>', 'collection year (end year, 2024 = 2023/24) when file names and contents do not say')
    .option('--dry-run', 'check and report what would change, write nothing')
    .option('--errors <file>', 'write every problem to this file (.csv or .json)')
    .option('--json', 'print the full report as JSON')
    .addHelpText('after', '\nExamples:\n  csc import --la 931 returns/2023 returns/2024\n  csc import --la 931 --dry-run --errors problems.csv cin_2024.xml\n  csc import --la 931 annex_a_2025-03-31.xlsx\n')
    .action(async (paths: string[], options: ImportCliOptions, command: Command) => {
      if (!['auto', '903', 'cin', 'workforce', 'annex-a'].includes(options.format)) throw new UserError(`--format must be auto, 903, cin, annex-a or workforce, not ${options.format}`);
      const year = options.year === undefined ? undefined : Number(options.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new UserError(`--year ${options.year} is not a collection year (e.g. 2024 for 2023/24)`);
      const files = collectFiles(paths);
      await withDatabase(command, async ({ db }) => {
        const progress = terminalProgress('Importing');
        const bar = { update: (p: ImportProgress) => progress.update(p.file ? `${p.phase} ${p.file}` : p.phase, p.done, Math.max(1, p.total)), stop: progress.stop };
        const report = await importFiles(db, {
          laCode: options.la, files, format: options.format as '903', dryRun: options.dryRun ?? false,
          importedBy: process.env.USER ?? 'csc', onProgress: bar.update, ...(year === undefined ? {} : { year }),
        }).finally(bar.stop);
        if (report.ok && !report.dryRun && report.batches.some((b) => b.status === 'loaded')) {
          const prep = terminalProgress('Preparing indicators');
          await prepareIndicators(db, { laCode: options.la, onProgress: (done, total) => prep.update('unit tables', done, total) }).finally(prep.stop);
        }
        if (options.errors) writeFileSync(options.errors, options.errors.endsWith('.json') ? JSON.stringify(report.issues, null, 2) + '\n' : issuesToCsv(report.issues));
        if (options.json) console.log(JSON.stringify(report, null, 2));
        else printReport(report);
        if (!report.ok) process.exitCode = 1;
      });
    });
}

function collectFiles(paths: string[]): InputFile[] {
  const files: InputFile[] = [];
  const walk = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UserError(`No such file or folder: ${path}`);
    }
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else if (!/(^|\/)\./.test(path)) files.push({ name: path, data: readFileSync(path) });
  };
  for (const p of paths) walk(p);
  if (!files.length) throw new UserError('No files to import');
  return files;
}

function printReport(report: ImportReport): void {
  const problems = report.issues.filter((i) => i.severity !== 'notice');
  for (const i of report.issues.slice(0, 50)) console.log(formatIssue(i));
  if (report.issues.length > 50) console.log(`... and ${report.issues.length - 50} more (use --errors FILE for all)`);
  printTable(report.batches.map((b) => ({ file: b.file, format: b.format, year: b.year, status: b.status, batch: b.batchId })));
  const counts = Object.entries(report.counts).map(([table, c]) => ({ table, ...c }));
  if (counts.length) printTable(counts);
  if (report.differences.length) {
    console.log(`${report.differences.length} difference(s) between returns:`);
    for (const d of report.differences.slice(0, 20)) {
      console.log(`  ${d.table} ${d.key} ${d.column}: ${String(d.earlier.value)} (${d.earlier.year ?? '?'}) → ${String(d.later.value)} (${d.later.year ?? '?'}): ${d.outcome} [${d.file}]`);
    }
  }
  const errors = problems.filter((i) => i.severity === 'error').length;
  console.log(report.ok ? (report.dryRun ? 'Dry run: nothing was written.' : 'Import complete.') : `Refused: ${errors} error(s); nothing was written.`);
}
