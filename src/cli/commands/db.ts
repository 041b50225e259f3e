import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { migrateToLatest, migrationStatus, openDatabase } from '../../db/index.js';
import { printTable, type GlobalOptions } from '../context.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Create and inspect the database (embedded by default, PostgreSQL with DATABASE_URL)');

  db.command('migrate')
    .description('Create or update the tables to the latest version (safe to run again)')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const handle = await openDatabase({ dataDir: options.dataDir, url: options.databaseUrl });
      try {
        const applied = await migrateToLatest(handle.db as unknown as Kysely<unknown>);
        console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Already up to date.');
        console.log(`Database: ${handle.kind} (${handle.location})`);
      } finally {
        await handle.close();
      }
    });

  db.command('status')
    .description('Show which database is in use and which migrations have been applied')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const handle = await openDatabase({ dataDir: options.dataDir, url: options.databaseUrl });
      try {
        const states = await migrationStatus(handle.db as unknown as Kysely<unknown>);
        console.log(`Database: ${handle.kind} (${handle.location})`);
        printTable(states.map((s) => ({ migration: s.name, applied: s.executedAt ?? 'pending' })));
        const pending = states.filter((s) => !s.executedAt).length;
        console.log(pending ? `${pending} migration(s) pending: run 'csc db migrate'.` : 'Schema is up to date.');
      } finally {
        await handle.close();
      }
    });
}
