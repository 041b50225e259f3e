import type { FastifyInstance } from 'fastify';
import type { CscDatabase } from '../db/index.js';
import { UserError } from './context.js';

/** A --port option as a number, or a UserError naming the value. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port "${value}" is not a port number.`);
  return port;
}

/**
 * Listen until SIGINT/SIGTERM, then close the server before the database so in-flight requests
 * finish against an open database (shared by `csc serve` and `csc start`). Returns the address.
 */
export async function serveUntilStopped(app: FastifyInstance, database: Pick<CscDatabase, 'close'>, listen: { port: number; host: string }): Promise<string> {
  const stop = async (): Promise<void> => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return app.listen(listen);
}
