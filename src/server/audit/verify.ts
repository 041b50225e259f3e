import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { GENESIS_HASH, entryHash } from './audit-log.js';

export interface ChainProblem {
  laCode: string;
  seq: number;
  problem: string;
}

export interface ChainReport {
  laCode: string;
  entries: number;
  ok: boolean;
  problems: ChainProblem[];
}

const PAGE = 5000;

/**
 * Recomputes every authority's chain (or one): each row's hash, the link to the previous row,
 * gap-free sequence numbers and the chain head (which shows a deleted newest row).
 */
export async function verifyAuditChain(db: Kysely<Database>, laCode?: string): Promise<ChainReport[]> {
  let heads = db.selectFrom('audit_chain_head').selectAll().orderBy('la_code');
  if (laCode) heads = heads.where('la_code', '=', laCode);
  const reports: ChainReport[] = [];
  for (const head of await heads.execute()) {
    const problems: ChainProblem[] = [];
    const note = (seq: number, problem: string) => problems.push({ laCode: head.la_code, seq, problem });
    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let entries = 0;
    for (;;) {
      const rows = await db.selectFrom('audit_log').selectAll().where('la_code', '=', head.la_code)
        .where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
      for (const row of rows) {
        const seq = Number(row.seq);
        entries += 1;
        if (seq !== expectedSeq) note(seq, `entries ${expectedSeq}–${seq - 1} are missing (deleted)`);
        if (row.prev_hash !== previousHash) note(seq, 'does not link to the previous entry (an entry before it was deleted or altered)');
        const recomputed = entryHash({
          la_code: row.la_code,
          seq,
          occurred_at: new Date(row.occurred_at).toISOString(),
          user_la_code: row.user_la_code,
          user_id: row.user_id,
          role: row.role,
          action: row.action,
          resource: row.resource,
          resource_id: row.resource_id,
          child_ids: row.child_ids,
          outcome: row.outcome,
          reason: row.reason,
          ip: row.ip,
          details: row.details,
          prev_hash: row.prev_hash,
        });
        if (recomputed !== row.hash) note(seq, 'content does not match its hash (the entry was edited)');
        previousHash = row.hash;
        expectedSeq = seq + 1;
      }
      if (rows.length < PAGE) break;
    }
    const lastSeq = Number(head.last_seq);
    if (expectedSeq - 1 !== lastSeq) note(lastSeq, `the chain head says ${lastSeq} entries but the log ends at ${expectedSeq - 1} (newest entries deleted)`);
    else if (head.last_hash !== previousHash) note(lastSeq, 'the newest entry does not match the chain head');
    reports.push({ laCode: head.la_code, entries, ok: problems.length === 0, problems });
  }
  return reports;
}
