import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { isRole, ROLES, type Role } from '../access/roles.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { Principal } from './principal.js';

export interface NewUser {
  laCode: string;
  email: string;
  displayName: string;
  role: Role;
  /** Local password; omit for accounts that sign in through an identity provider. */
  password?: string | undefined;
  workerId?: string | null | undefined;
  teamId?: string | null | undefined;
  service?: string | null | undefined;
  /** Authorities a regional pool analyst may see (pseudonymised). */
  poolAuthorities?: string[] | undefined;
  createdBy?: string | null | undefined;
}

/** A user as an administrator sees them: who they are to the rules, and whether they may sign in. */
export interface UserSummary extends Principal {
  active: boolean;
}

export class UserInputError extends Error {}

/** Creates a user after checking everything that can be checked, so nothing is half-written. */
export async function createUser(db: Kysely<Database>, input: NewUser): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UserInputError(`E-mail "${input.email}" is not a valid address.`);
  if (!isRole(input.role)) throw new UserInputError(`Role "${String(input.role)}" is not known: use one of ${ROLES.join(', ')}.`);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new UserInputError(problem);
  }
  const la = await db.selectFrom('local_authority').select('la_code').where('la_code', '=', input.laCode).executeTakeFirst();
  if (!la) throw new UserInputError(`Authority ${input.laCode} is not in this database (add it with \`csc la add\`).`);
  const existing = await db.selectFrom('app_user').select('user_id').where('la_code', '=', input.laCode).where('email', '=', email).executeTakeFirst();
  if (existing) throw new UserInputError(`A user with e-mail ${email} already exists in authority ${input.laCode}.`);
  if ((input.role === 'social_worker' || input.role === 'iro') && !input.workerId) throw new UserInputError(`A ${input.role} needs --worker (their worker id), which links them to their allocated children.`);
  if (input.role === 'team_manager' && !input.teamId) throw new UserInputError('A team_manager needs --team (their team id).');
  if (input.role === 'service_manager' && !input.service) throw new UserInputError('A service_manager needs --service (the service name on their teams).');
  const pool = [...new Set(input.poolAuthorities ?? [])].filter((code) => code !== input.laCode);
  if (pool.length > 0 && input.role !== 'performance_analyst') throw new UserInputError('Only a performance_analyst can belong to a regional pool (pseudonymised access).');
  for (const code of pool) if (!/^[0-9]{3}$/.test(code)) throw new UserInputError(`Pool authority "${code}" is not a 3-digit DfE code.`);

  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const userId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('app_user').values({
      la_code: input.laCode, user_id: userId, email, display_name: input.displayName.trim() || email, role: input.role,
      worker_id: input.workerId ?? null, team_id: input.teamId ?? null, service: input.service ?? null,
      password_hash: passwordHash, external_subject: null, created_by: input.createdBy ?? null,
    }).execute();
    if (pool.length > 0) {
      await trx.insertInto('user_pool_membership').values(pool.map((code) => ({ la_code: input.laCode, user_id: userId, member_la_code: code }))).execute();
    }
  });
  return (await getUser(db, input.laCode, userId))!;
}

export async function getUser(db: Kysely<Database>, laCode: string, userId: string): Promise<UserSummary | undefined> {
  const users = await listUsers(db, laCode, userId);
  return users[0];
}

export async function listUsers(db: Kysely<Database>, laCode: string, userId?: string): Promise<UserSummary[]> {
  let query = db.selectFrom('app_user').selectAll().where('la_code', '=', laCode);
  if (userId) query = query.where('user_id', '=', userId);
  const rows = await query.orderBy('email').execute();
  const pools = await db.selectFrom('user_pool_membership').select(['user_id', 'member_la_code']).where('la_code', '=', laCode).execute();
  return rows.map((r) => ({
    laCode: r.la_code, userId: r.user_id, email: r.email, displayName: r.display_name, role: r.role as Role,
    workerId: r.worker_id, teamId: r.team_id, service: r.service, active: r.active,
    poolAuthorities: pools.filter((p) => p.user_id === r.user_id).map((p) => p.member_la_code).sort(),
  }));
}

/** Disables or re-enables an account; disabling also ends its sessions. */
export async function setUserActive(db: Kysely<Database>, laCode: string, userId: string, active: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('app_user').set({ active }).where('la_code', '=', laCode).where('user_id', '=', userId).executeTakeFirst();
    if (!active) await trx.updateTable('user_session').set({ revoked_at: new Date() }).where('la_code', '=', laCode).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    return Number(result.numUpdatedRows) > 0;
  });
}
