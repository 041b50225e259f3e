import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import type { AuditOutcome } from './audit-log.js';

export interface AuditQuery {
  laCode: string;
  userId?: string | undefined;
  action?: string | undefined;
  resource?: string | undefined;
  childId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface AuditRow {
  laCode: string;
  seq: number;
  occurredAt: string;
  userLaCode: string | null;
  userId: string | null;
  role: string | null;
  action: string;
  resource: string;
  resourceId: string | null;
  childIds: string[];
  outcome: string;
  reason: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Searches one authority's audit trail, newest first. Every filter is a bound parameter. */
export async function searchAudit(db: Kysely<Database>, query: AuditQuery): Promise<{ total: number; rows: AuditRow[] }> {
  let base = db.selectFrom('audit_log').where('la_code', '=', query.laCode);
  if (query.userId) base = base.where('user_id', '=', query.userId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.resource) base = base.where('resource', '=', query.resource);
  if (query.outcome) base = base.where('outcome', '=', query.outcome);
  if (query.childId) base = base.where(sql<boolean>`child_ids @> ${JSON.stringify([query.childId])}::jsonb`);
  if (query.from) base = base.where('occurred_at', '>=', query.from);
  if (query.to) base = base.where('occurred_at', '<', query.to);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('seq', 'desc').limit(query.limit ?? 100).offset(query.offset ?? 0).execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      laCode: r.la_code, seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), userLaCode: r.user_la_code,
      userId: r.user_id, role: r.role, action: r.action, resource: r.resource, resourceId: r.resource_id, childIds: r.child_ids,
      outcome: r.outcome, reason: r.reason, ip: r.ip, details: r.details,
    })),
  };
}
