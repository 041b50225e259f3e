import type { Command } from 'commander';
import { addAuthority, listAuthorities } from '../../db/index.js';
import { printTable, withDatabase } from '../context.js';

export function registerLaCommands(program: Command): void {
  const la = program.command('la').description('Local authorities held in this database');

  la.command('add')
    .description('Add a local authority by its 3-digit DfE code')
    .argument('<code>', 'DfE LA code, e.g. 931')
    .argument('<name>', 'name, e.g. "Oxfordshire"')
    .option('--region <name>', 'region name, e.g. "South East"')
    .addHelpText('after', '\nExample:\n  csc la add 931 Oxfordshire --region "South East"')
    .action(async (code: string, name: string, options: { region?: string }, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        await addAuthority(db, { laCode: code, name, regionName: options.region ?? null });
        console.log(`Added ${code} ${name}.`);
      });
    });

  la.command('list')
    .description('List the authorities and how many children each holds')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        const rows = await listAuthorities(db);
        if (options.json) console.log(JSON.stringify(rows, null, 2));
        else printTable(rows.map((r) => ({ code: r.laCode, name: r.name, region: r.regionName, children: r.children })));
      });
    });
}
