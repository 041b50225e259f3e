import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

const program = buildProgram().exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message}`);
    if (process.env.CSC_DEBUG) console.error(error);
    process.exitCode = 1;
  }
}
