import type { Command } from 'commander';
import { searchAudit, verifyAuditChain } from '../../server/index.js';
import { printTable, UserError, withDatabase } from '../context.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');

  audit.command('verify')
    .description('Recompute every hash chain; exits 1 if an entry was edited or deleted')
    .option('--la <code>', 'only this authority')
    .action(async (options: { la?: string }, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        const reports = await verifyAuditChain(db, options.la);
        for (const report of reports) {
          console.log(`${report.laCode}: ${report.entries} entries, ${report.ok ? 'chain intact' : `${report.problems.length} problem(s)`}`);
          for (const p of report.problems) console.log(`  entry ${p.seq}: ${p.problem}`);
        }
        if (reports.length === 0) console.log('The audit log is empty.');
        const broken = reports.filter((r) => !r.ok).map((r) => r.laCode);
        if (broken.length > 0) throw new UserError(`The audit trail of ${broken.join(', ')} has been tampered with.`);
      });
    });

  audit.command('search')
    .description("Search an authority's audit trail, newest first")
    .requiredOption('--la <code>', 'authority (3-digit DfE code)')
    .option('--user <id>', 'user id')
    .option('--action <action>', 'e.g. read, list, export, login, refused')
    .option('--child <id>', 'entries that touched this child')
    .option('--outcome <outcome>', 'allowed, refused, break_glass or failed')
    .option('--from <date>', 'from this date or time (ISO)')
    .option('--to <date>', 'before this date or time (ISO)')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', '\nExample:\n  csc audit search --la 931 --outcome break_glass --from 2026-11-01')
    .action(async (options: { la: string; user?: string; action?: string; child?: string; outcome?: string; from?: string; to?: string; limit: string; json?: boolean }, command: Command) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UserError(`--limit "${options.limit}" must be a whole number from 1 to 10000.`);
      if (options.outcome && !['allowed', 'refused', 'break_glass', 'failed'].includes(options.outcome)) throw new UserError(`--outcome "${options.outcome}" must be allowed, refused, break_glass or failed.`);
      await withDatabase(command, async ({ db }) => {
        const { total, rows } = await searchAudit(db, {
          laCode: options.la, userId: options.user, action: options.action, childId: options.child, outcome: options.outcome as 'allowed' | undefined,
          from: options.from, to: options.to, limit,
        });
        if (options.json) return console.log(JSON.stringify({ total, rows }, null, 2));
        printTable(rows.map((r) => ({ seq: r.seq, at: r.occurredAt, user: r.userId ?? '', role: r.role ?? '', action: r.action, resource: r.resource, outcome: r.outcome, children: r.childIds.length, reason: r.reason ?? '', ip: r.ip ?? '' })));
        console.log(`${rows.length} of ${total} entries.`);
      });
    });
}
