import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { listAuthorities, migrateToLatest, migrationStatus, openDatabase } from '../../db/index.js';
import type { GlobalOptions } from '../context.js';

/** `npm start`: prepare the embedded database and report what it holds. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Prepare the database and start CSC Workbench (the demo authority and web app)')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const handle = await openDatabase({ dataDir: options.dataDir, url: options.databaseUrl });
      try {
        await migrateToLatest(handle.db as unknown as Kysely<unknown>);
        const states = await migrationStatus(handle.db as unknown as Kysely<unknown>);
        const authorities = await listAuthorities(handle.db);
        console.log(`CSC Workbench: database ${handle.kind} at ${handle.location}, schema ${states.at(-1)?.name ?? 'empty'}.`);
        console.log(`${authorities.length} authorit${authorities.length === 1 ? 'y' : 'ies'} loaded.`);
      } finally {
        await handle.close();
      }
    });
}
