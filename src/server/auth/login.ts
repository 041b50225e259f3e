import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { SYSTEM_CHAIN } from '../audit/audit-log.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { loadPrincipal, type Principal } from './principal.js';

export interface LockoutPolicy {
  /** Failed attempts (since the last success, within the window) that lock the account. */
  maxFailures: number;
  /** How far back failures count, and so how long a lock lasts after the last failure. */
  windowMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

export type LoginResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'invalid' | 'locked' | 'ambiguous'; laCode: string; userId: string | null };

/**
 * Checks a local e-mail and password. Failures are recorded per e-mail in login_attempt; too
 * many lock the account for the window even if the right password then arrives.
 * The same answer ('invalid') is given for an unknown e-mail and a wrong password.
 */
export async function authenticateLocal(
  db: Kysely<Database>,
  credentials: { email: string; password: string; laCode?: string | undefined },
  ip: string | null,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): Promise<LoginResult> {
  const email = credentials.email.trim().toLowerCase();
  let candidates = db.selectFrom('app_user').select(['la_code', 'user_id', 'password_hash', 'active']).where('email', '=', email);
  if (credentials.laCode) candidates = candidates.where('la_code', '=', credentials.laCode);
  const users = await candidates.execute();
  if (users.length > 1) return { ok: false, reason: 'ambiguous', laCode: SYSTEM_CHAIN, userId: null };
  const user = users[0];
  const laCode = user?.la_code ?? SYSTEM_CHAIN;
  const record = (succeeded: boolean) =>
    db.insertInto('login_attempt').values({ la_code: laCode, email, user_id: user?.user_id ?? null, ip, succeeded }).execute();

  if (await isLocked(db, email, policy)) {
    await record(false);
    return { ok: false, reason: 'locked', laCode, userId: user?.user_id ?? null };
  }
  const hash = user?.password_hash ?? (await dummyPasswordHash());
  const passwordOk = await verifyPassword(hash, credentials.password);
  const principal = passwordOk && user?.active && user.password_hash ? await loadPrincipal(db, user.la_code, user.user_id) : undefined;
  await record(principal !== undefined);
  if (!principal) return { ok: false, reason: 'invalid', laCode, userId: user?.user_id ?? null };
  return { ok: true, principal };
}

async function isLocked(db: Kysely<Database>, email: string, policy: LockoutPolicy): Promise<boolean> {
  const since = new Date(Date.now() - policy.windowMs);
  const lastSuccess = await db.selectFrom('login_attempt').select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('email', '=', email).where('succeeded', '=', true).executeTakeFirst();
  const from = lastSuccess?.at && new Date(lastSuccess.at) > since ? new Date(lastSuccess.at) : since;
  const failures = await db.selectFrom('login_attempt').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email).where('succeeded', '=', false).where('attempted_at', '>', from).executeTakeFirstOrThrow();
  return Number(failures.n) >= policy.maxFailures;
}
