import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import type { Role } from '../access/roles.js';

/** The signed-in user, as every route and rule sees them. */
export interface Principal {
  laCode: string;
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  workerId: string | null;
  teamId: string | null;
  service: string | null;
  /** Other authorities this user may see pseudonymised (regional pool); empty for most users. */
  poolAuthorities: string[];
}

export async function loadPrincipal(db: Kysely<Database>, laCode: string, userId: string): Promise<Principal | undefined> {
  const user = await db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('user_id', '=', userId).where('active', '=', true).executeTakeFirst();
  if (!user) return undefined;
  const pool = await db.selectFrom('user_pool_membership').select('member_la_code').where('la_code', '=', laCode).where('user_id', '=', userId).execute();
  return {
    laCode: user.la_code, userId: user.user_id, email: user.email, displayName: user.display_name, role: user.role as Role,
    workerId: user.worker_id, teamId: user.team_id, service: user.service, poolAuthorities: pool.map((p) => p.member_la_code).sort(),
  };
}

/** The authorities whose data this user may query: their own first, then any pool members. */
export function entitledAuthorities(principal: Principal): string[] {
  return [principal.laCode, ...principal.poolAuthorities];
}
