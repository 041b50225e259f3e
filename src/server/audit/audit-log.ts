import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { canonicalJson } from './canonical-json.js';

/** The first link of every authority's chain. */
export const GENESIS_HASH = '0'.repeat(64);
/** Chain for events that belong to no authority (unknown e-mail at sign-in, no session). */
export const SYSTEM_CHAIN = '000';

export type AuditOutcome = 'allowed' | 'refused' | 'break_glass' | 'failed';

export interface AuditEntry {
  /** The authority whose chain records the event (the data's authority, else the user's). */
  laCode: string;
  userLaCode?: string | null;
  userId?: string | null;
  role?: string | null;
  /** What was done: 'read', 'list', 'export', 'create', 'update', 'login', 'logout', 'refused'... */
  action: string;
  /** What it was done to: 'child', 'caseload', 'user', 'import', 'session', a route... */
  resource: string;
  resourceId?: string | null;
  childIds?: string[];
  outcome: AuditOutcome;
  /** Why: the break-glass reason, or the purpose given for an export. */
  reason?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface HashedFields {
  la_code: string;
  seq: number;
  occurred_at: string;
  user_la_code: string | null;
  user_id: string | null;
  role: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  child_ids: string[];
  outcome: AuditOutcome;
  reason: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
}

/** hash = SHA-256(previous hash ‖ canonical JSON of the entry): any edit or deletion breaks the chain. */
export function entryHash(fields: HashedFields): string {
  return createHash('sha256').update(fields.prev_hash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** The hashed fields of an entry at a position in its chain. */
export function toFields(entry: AuditEntry, seq: number, prevHash: string, occurredAt = new Date()): HashedFields {
  return {
    la_code: entry.laCode,
    seq,
    occurred_at: occurredAt.toISOString(),
    user_la_code: entry.userLaCode ?? null,
    user_id: entry.userId ?? null,
    role: entry.role ?? null,
    action: entry.action,
    resource: entry.resource,
    resource_id: entry.resourceId ?? null,
    child_ids: entry.childIds ?? [],
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
    prev_hash: prevHash,
  };
}

/**
 * Appends one entry to its authority's chain. Pass a transaction to record a change in the same
 * transaction as the change itself; reads call this before returning data (fail closed).
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const work = async (trx: Kysely<Database>) => {
    await sql`INSERT INTO audit_chain_head (la_code, last_seq, last_hash) VALUES (${entry.laCode}, 0, ${GENESIS_HASH})
      ON CONFLICT (la_code) DO NOTHING`.execute(trx);
    const head = await trx.selectFrom('audit_chain_head').selectAll().where('la_code', '=', entry.laCode).forUpdate().executeTakeFirstOrThrow();
    const fields = toFields(entry, Number(head.last_seq) + 1, head.last_hash);
    const hash = entryHash(fields);
    await trx
      .insertInto('audit_log')
      .values({ ...fields, child_ids: JSON.stringify(fields.child_ids), details: JSON.stringify(fields.details), hash })
      .execute();
    await trx.updateTable('audit_chain_head').set({ last_seq: fields.seq, last_hash: hash }).where('la_code', '=', entry.laCode).execute();
    return { seq: fields.seq, hash };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
