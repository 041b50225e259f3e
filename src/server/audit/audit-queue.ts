import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { entryHash, GENESIS_HASH, toFields, type AuditEntry } from './audit-log.js';

interface Pending {
  entry: AuditEntry;
  /** When the request asked for the entry (not when its batch was written). */
  at: Date;
  resolve: (value: { seq: number; hash: string }) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches audit writes: entries from concurrent requests wait a few milliseconds and are then
 * written together, one transaction per batch, one chain-head lock per authority, one multi-row
 * insert. Each request still waits for its own entry to be committed before data leaves (fail
 * closed), and the hash chain is the same as one-by-one appends (entries are chained in arrival order).
 */
export class AuditQueue {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>, private readonly flushMs = 2, private readonly maxBatch = 500) {}

  append(entry: AuditEntry): Promise<{ seq: number; hash: string }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, at: new Date(), resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything queued now (server shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.flushing) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      await (this.flushing ?? this.flush());
    }
  }

  private schedule(): void {
    if (this.timer || this.flushing) return; // the running flush reschedules when it ends
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.flushMs);
  }

  private flush(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return Promise.resolve();
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.schedule();
    });
    return this.flushing;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const out = new Map<Pending, { seq: number; hash: string }>();
        const byChain = new Map<string, Pending[]>();
        for (const p of batch) byChain.set(p.entry.laCode, [...(byChain.get(p.entry.laCode) ?? []), p]);
        for (const chain of [...byChain.keys()].sort()) { // a fixed lock order: no deadlock with another server process
          await sql`INSERT INTO audit_chain_head (la_code, last_seq, last_hash) VALUES (${chain}, 0, ${GENESIS_HASH}) ON CONFLICT (la_code) DO NOTHING`.execute(trx);
          const head = await trx.selectFrom('audit_chain_head').selectAll().where('la_code', '=', chain).forUpdate().executeTakeFirstOrThrow();
          let seq = Number(head.last_seq);
          let prev = head.last_hash;
          const rows = [];
          for (const p of byChain.get(chain)!) {
            const fields = toFields(p.entry, (seq += 1), prev, p.at);
            const hash = entryHash(fields);
            rows.push({ ...fields, child_ids: JSON.stringify(fields.child_ids), details: JSON.stringify(fields.details), hash });
            out.set(p, { seq, hash });
            prev = hash;
          }
          await trx.insertInto('audit_log').values(rows).execute();
          await trx.updateTable('audit_chain_head').set({ last_seq: seq, last_hash: prev }).where('la_code', '=', chain).execute();
        }
        return out;
      });
      for (const p of batch) p.resolve(results.get(p)!);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
