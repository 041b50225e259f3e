import { Command } from 'commander';
import { registerDbCommands } from './commands/db.js';
import { registerLaCommands } from './commands/la.js';
import { registerStartCommand } from './commands/start.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerCaseloadCommand } from './commands/caseload.js';
import { registerWorkforceCommands } from './commands/workforce.js';
import { registerForecastCommand } from './commands/forecast.js';
import { registerImportCommand } from './commands/import.js';
import { registerExportCommand } from './commands/export.js';
import { registerKpiCommand } from './commands/kpi.js';
import { registerSynthCommand } from './commands/synth.js';
import { registerReportCommand } from './commands/report.js';

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
  registerServeCommand(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerCaseloadCommand(program);
  registerWorkforceCommands(program);
  registerForecastCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerKpiCommand(program);
  registerSynthCommand(program);
  registerReportCommand(program);
  return program;
}
