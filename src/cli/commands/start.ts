import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { collectionYearOf } from '../../calendar/index.js';
import { openMigrated } from '../../db/index.js';
import { ensureDemo, ensureWebBuild } from '../../demo/index.js';
import { buildServer } from '../../server/index.js';
import type { GlobalOptions } from '../context.js';
import { parsePort, serveUntilStopped } from '../serve-until-stopped.js';
import { terminalProgress } from '../progress.js';

interface StartOptions {
  port: string;
  host: string;
  demo: boolean;
  demoLa: string;
  demoFrom: string;
  demoTo: string;
}

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

/** The last collection year that has ended (the web app opens on it), and ten years of history. */
const latestCompleteYear = collectionYearOf(new Date().toISOString().slice(0, 10)) - 1;

/** `npm start`: database, demo authority and users (once), web app build (when stale), server. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Start CSC Workbench: create the synthetic demo authority once, build the web app, serve on localhost')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--no-demo', 'do not create the synthetic demo authority and demo users')
    .option('--demo-la <code>', 'DfE code of the authority the demo is calibrated to', '931')
    .option('--demo-from <year>', 'first collection year of the demo', String(latestCompleteYear - 9))
    .option('--demo-to <year>', 'last collection year of the demo (years after the published DfE figures follow their trend)', String(latestCompleteYear))
    .addHelpText('after', '\nThe demo data is synthetic (no real child is in it). Demo users and passwords are printed at every start.')
    .action(async (options: StartOptions, command: Command) => {
      const port = parsePort(options.port);
      const globals = command.optsWithGlobals<GlobalOptions>();
      const handle = await openMigrated({ dataDir: globals.dataDir, url: globals.databaseUrl });
      try {
        if (options.demo) {
          const progress = terminalProgress('Creating the synthetic demo authority');
          const demo = await ensureDemo(handle.db, {
            laCode: options.demoLa,
            from: Number(options.demoFrom),
            to: Number(options.demoTo),
            seed: 7,
            stateDir: globals.dataDir ?? './.csc',
            onProgress: progress.update,
          });
          progress.stop();
          console.log(`${demo.created ? 'Created' : 'Using'} demo authority ${demo.laCode} ${demo.name} (synthetic data).`);
          console.log('Demo users (one per role):');
          for (const user of demo.users) console.log(`  ${user.role.padEnd(20)} ${user.email.padEnd(30)} ${user.password}`);
        }
        const web = await ensureWebBuild(join(repoRoot, 'web'));
        if (web.built) console.log('Built the web app.');
        const app = await buildServer({ db: handle.db, staticDir: web.dist });
        const address = await serveUntilStopped(app, handle, { port, host: options.host });
        console.log(`CSC Workbench is running at ${address.replace('127.0.0.1', 'localhost')} (database ${handle.kind} at ${handle.location}). Press Ctrl+C to stop.`);
      } catch (error) {
        await handle.close();
        throw error;
      }
    });
}
