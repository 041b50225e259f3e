import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { Command } from 'commander';
import { formatForPath, generateReport, TEMPLATES } from '../../reports/index.js';
import { UserError, withDatabase } from '../context.js';

interface ReportOptions {
  la?: string;
  year?: string;
  out?: string;
  internal?: boolean;
  threshold?: string;
  list?: boolean;
}

/** Writes next to the target and renames, so a failed run never leaves half a file. */
function writeAtomically(path: string, content: Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    throw error;
  }
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Generate a committee report (HTML, PDF or XLSX annex) for an authority and year')
    .argument('[template]', `report: ${Object.keys(TEMPLATES).join(', ')}`)
    .option('--la <code>', 'DfE 3-digit LA code, e.g. 931')
    .option('--year <year>', 'collection year by its end year (2024 = 2023/24)')
    .option('--out <file>', 'output file; the format follows the extension: .pdf, .html or .xlsx')
    .option('--internal', 'internal report: small-number suppression OFF, with a warning banner')
    .option('--threshold <n>', 'suppress counts from 1 to n in public reports', '5')
    .option('--list', 'list the report templates')
    .addHelpText('after', '\nExamples:\n  csc report annual --la 931 --year 2024 --out report.pdf\n  csc report placements --la 931 --year 2024 --out annex.xlsx\n  csc report workforce --la 931 --year 2024 --out caseloads.html --internal')
    .action(async (template: string | undefined, options: ReportOptions, command: Command) => {
      if (options.list || !template) {
        for (const t of Object.values(TEMPLATES)) console.log(`${t.id.padEnd(11)} ${t.title}: like ${t.modelledOn}`);
        return;
      }
      if (!TEMPLATES[template as keyof typeof TEMPLATES]) throw new UserError(`Unknown report "${template}": choose one of ${Object.keys(TEMPLATES).join(', ')}.`);
      if (!options.la || !/^\d{3}$/.test(options.la)) throw new UserError('Give the authority with --la and its 3-digit DfE code, e.g. --la 931.');
      const year = Number(options.year);
      if (!options.year || !Number.isInteger(year)) throw new UserError('Give the collection year with --year, e.g. --year 2024 for 2023/24.');
      if (!options.out) throw new UserError('Give the output file with --out, e.g. --out report.pdf.');
      const threshold = Number(options.threshold);
      if (!Number.isInteger(threshold) || threshold < 1) throw new UserError(`--threshold must be a whole number of 1 or more (got ${options.threshold}).`);
      let format;
      try {
        format = formatForPath(options.out);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      await withDatabase(command, async ({ db }) => {
        const started = Date.now();
        const report = await generateReport(db, { template, laCode: options.la!, year, format, audience: options.internal ? 'internal' : 'public', threshold });
        writeAtomically(options.out!, report.content);
        for (const p of report.problems) console.warn(`Warning: ${p}`);
        if (options.internal) console.warn('Warning: internal report, small-number suppression is OFF. Do not publish it.');
        console.log(`Wrote ${options.out} (${format.toUpperCase()}, ${report.content.length.toLocaleString('en-GB')} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      });
    });
}
