import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { ROLE_DEFINITIONS } from './roles.js';

const CASE_HOLDING = ['allocated_worker', 'personal_adviser'];

/** Today as an ISO date (UTC), the day on which allocations must be live. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The SQL condition "child `c` is within this user's need-to-know scope" (table alias `c`),
 * derived from live allocations: own cases, the team's, the service's, or the children one
 * reviews as IRO. Values are bound parameters; only the alias is fixed text.
 */
export function childInScope(principal: Principal, asOf: string = today()): RawBuilder<boolean> {
  const live = sql`a.la_code = c.la_code AND a.child_id = c.child_id AND a.start_date <= ${asOf}::date AND (a.end_date IS NULL OR a.end_date >= ${asOf}::date)`;
  switch (ROLE_DEFINITIONS[principal.role].childScope) {
    case 'authority':
      return sql<boolean>`true`;
    case 'own_allocations':
      return sql<boolean>`EXISTS (SELECT 1 FROM allocation a WHERE ${live} AND a.worker_id = ${principal.workerId ?? ''} AND a.allocation_role IN (${sql.join(CASE_HOLDING)}))`;
    case 'reviewed':
      return sql<boolean>`EXISTS (SELECT 1 FROM allocation a WHERE ${live} AND a.worker_id = ${principal.workerId ?? ''} AND a.allocation_role = 'iro')`;
    case 'team':
      return sql<boolean>`EXISTS (SELECT 1 FROM allocation a JOIN worker w ON w.la_code = a.la_code AND w.worker_id = a.worker_id
        WHERE ${live} AND a.allocation_role IN (${sql.join(CASE_HOLDING)}) AND w.team_id = ${principal.teamId ?? ''})`;
    case 'service':
      return sql<boolean>`EXISTS (SELECT 1 FROM allocation a JOIN worker w ON w.la_code = a.la_code AND w.worker_id = a.worker_id
        JOIN team t ON t.la_code = w.la_code AND t.team_id = w.team_id
        WHERE ${live} AND a.allocation_role IN (${sql.join(CASE_HOLDING)}) AND t.service = ${principal.service ?? ''})`;
    case 'none':
      return sql<boolean>`false`;
  }
}

/**
 * The SQL condition "worker `w` is one whose caseload this user may see": themselves, their
 * team's workers (team manager) or their service's (service manager).
 */
export function workerInScope(principal: Principal): RawBuilder<boolean> {
  switch (principal.role) {
    case 'social_worker':
    case 'iro':
      return sql<boolean>`w.worker_id = ${principal.workerId ?? ''}`;
    case 'team_manager':
      return sql<boolean>`w.team_id = ${principal.teamId ?? ''}`;
    case 'service_manager':
      return sql<boolean>`EXISTS (SELECT 1 FROM team t WHERE t.la_code = w.la_code AND t.team_id = w.team_id AND t.service = ${principal.service ?? ''})`;
    default:
      return sql<boolean>`false`;
  }
}
