import type { Command } from 'commander';
import { openMigrated } from '../../db/index.js';
import { buildServer } from '../../server/index.js';
import { UserError, type GlobalOptions } from '../context.js';

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
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port "${options.port}" is not a port number.`);
      const globals = command.optsWithGlobals<GlobalOptions>();
      const handle = await openMigrated({ dataDir: globals.dataDir, url: globals.databaseUrl });
      const app = await buildServer({ db: handle.db, staticDir: options.static, secureCookies: !options.insecureCookies, trustProxy: options.trustProxy ?? false, logger: true });
      const stop = async () => {
        await app.close();
        await handle.close();
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      const address = await app.listen({ port, host: options.host });
      console.log(`CSC Workbench API at ${address}/api (OpenAPI: ${address}/api/docs/json), database ${handle.kind} at ${handle.location}.`);
    });
}
