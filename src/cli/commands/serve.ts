import type { Command } from 'commander';
import { openMigrated } from '../../db/index.js';
import { buildServer } from '../../server/index.js';
import type { GlobalOptions } from '../context.js';
import { parsePort, serveUntilStopped } from '../serve-until-stopped.js';

interface ServeOptions {
  port: string;
  host: string;
  static?: string;
  insecureCookies?: boolean;
  trustProxy?: boolean;
}

export function registerServeCommand(program: Command): void {
  program.command('serve')
    .description('Serve the HTTP API (and the built web app with --static) until stopped')
    .option('--port <n>', 'port', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--static <dir>', 'also serve this built web app at / (e.g. web/dist)')
    .option('--insecure-cookies', 'drop the Secure flag from the session cookie (plain HTTP on a non-localhost address only)')
    .option('--trust-proxy', 'trust X-Forwarded-For from a reverse proxy (for client IPs in the audit trail)')
    .addHelpText('after', '\nExample:\n  csc serve --port 8080 --static web/dist')
    .action(async (options: ServeOptions, command: Command) => {
      const port = parsePort(options.port);
      const globals = command.optsWithGlobals<GlobalOptions>();
      const handle = await openMigrated({ dataDir: globals.dataDir, url: globals.databaseUrl });
      const app = await buildServer({ db: handle.db, staticDir: options.static, secureCookies: !options.insecureCookies, trustProxy: options.trustProxy ?? false, logger: true });
      const address = await serveUntilStopped(app, handle, { port, host: options.host });
      console.log(`CSC Workbench API at ${address}/api (OpenAPI: ${address}/api/docs/json), database ${handle.kind} at ${handle.location}.`);
    });
}
