import { Command } from 'commander';
import { registerDbCommands } from './commands/db.js';
import { registerLaCommands } from './commands/la.js';
import { registerStartCommand } from './commands/start.js';

export function buildProgram(): Command {
  const program = new Command('csc')
    .description("CSC Workbench: children's social care data, indicators, caseloads and forecasts for English local authorities")
    .option('--data-dir <dir>', 'folder of the embedded database', './.csc')
    .option('--database-url <url>', 'use this PostgreSQL server instead of the embedded database (default: $DATABASE_URL)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  registerStartCommand(program);
  registerDbCommands(program);
  registerLaCommands(program);
  return program;
}
