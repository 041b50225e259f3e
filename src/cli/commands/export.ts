import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { exportReturn, type ExportFormat } from '../../export/index.js';
import { UserError, withDatabase } from '../context.js';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write a statutory return from the database (byte-for-byte stable)')
    .requiredOption('--la <code>', 'DfE LA code, e.g. 931')
    .requiredOption('--year <year>', 'collection year (end year, 2024 = 2023/24)')
    .requiredOption('--format <format>', '903 | 903-xml | cin | workforce | annex-a (xlsx) | annex-a-csv')
    .requiredOption('--out <dir>', 'folder to write the files into')
    .option('--as-at <date>', 'Annex A: the extract date, yyyy-mm-dd (default 31 March of --year)')
    .addHelpText('after', '\nExamples:\n  csc export --la 931 --year 2024 --format 903 --out returns/2024\n  csc export --la 931 --year 2025 --format annex-a --as-at 2025-01-15 --out inspection\n')
    .action(async (options: { la: string; year: string; format: string; out: string; asAt?: string }, command: Command) => {
      if (!['903', '903-xml', 'cin', 'workforce', 'annex-a', 'annex-a-csv'].includes(options.format)) throw new UserError(`--format must be 903, 903-xml, cin, workforce, annex-a or annex-a-csv, not ${options.format}`);
      if (options.asAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asAt)) throw new UserError(`--as-at ${options.asAt} is not a date (yyyy-mm-dd)`);
      const year = Number(options.year);
      if (!Number.isInteger(year)) throw new UserError(`--year ${options.year} is not a collection year (e.g. 2024)`);
      await withDatabase(command, async ({ db }) => {
        const known = await db.selectFrom('local_authority').select('la_code').where('la_code', '=', options.la).executeTakeFirst();
        if (!known) throw new UserError(`Authority ${options.la} is not in this database`);
        const result = await exportReturn(db, { laCode: options.la, year, format: options.format as ExportFormat, ...(options.asAt ? { asAt: options.asAt } : {}) });
        mkdirSync(options.out, { recursive: true });
        for (const [name, data] of Object.entries(result.files)) {
          writeFileSync(join(options.out, name), data);
          console.log(`Wrote ${join(options.out, name)} (${data.length} bytes)`);
        }
        for (const w of result.warnings) console.error(`warning: ${w}`);
      });
    });
}
