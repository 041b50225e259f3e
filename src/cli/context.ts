import type { Command } from 'commander';
import { openMigrated, type CscDatabase } from '../db/index.js';

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** Opens (and migrates) the database chosen by the global options, runs `work`, closes it. */
export async function withDatabase<T>(command: Command, work: (handle: CscDatabase) => Promise<T>): Promise<T> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const handle = await openMigrated({ dataDir: options.dataDir, url: options.databaseUrl });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** A user-facing failure: printed as one sentence, exit code 1, no stack trace. */
export class UserError extends Error {}

export function printTable(rows: Record<string, unknown>[], columns?: string[]): void {
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const keys = columns ?? Object.keys(rows[0]!);
  const cells = rows.map((row) => keys.map((k) => formatCell(row[k])));
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i]!.length)));
  const numeric = keys.map((_, i) => rows.every((row) => typeof row[keys[i]!] === 'number' || row[keys[i]!] == null));
  const line = (values: string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(keys));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().replace('T', ' ').slice(0, 19);
  return String(value);
}
