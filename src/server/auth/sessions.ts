import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { loadPrincipal, type Principal } from './principal.js';

export interface SessionPolicy {
  /** Sign out after this long without a request. */
  idleTimeoutMs: number;
  /** Sign out this long after sign-in, however active. */
  absoluteTimeoutMs: number;
  /**
   * How long a looked-up session is trusted in memory before the table is read again. Sign-out and
   * disabling through this server take effect at once; changes made elsewhere (another server
   * process, SQL) within this delay.
   */
  cacheMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 8 * 3600_000, cacheMs: 30_000 };

export interface Session {
  principal: Principal;
  sessionHash: string;
  csrfToken: string;
}

const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Server-side sessions with a short in-memory cache so hot dashboard requests skip the database. */
export class SessionStore {
  private readonly cache = new Map<string, { session: Session; lastSeen: number; created: number; cachedAt: number }>();
  private readonly hashes = new Map<string, string>();

  constructor(private readonly db: Kysely<Database>, readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY) {}

  async create(principal: Principal, client: { ip: string | null; userAgent: string | null }): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const sessionHash = hashToken(token);
    const now = Date.now();
    await this.db.insertInto('user_session').values({
      la_code: principal.laCode, session_hash: sessionHash, user_id: principal.userId, csrf_token: csrfToken,
      created_at: new Date(now), last_seen_at: new Date(now), expires_at: new Date(now + this.policy.absoluteTimeoutMs),
      ip: client.ip, user_agent: client.userAgent?.slice(0, 300) ?? null,
    }).execute();
    const session = { principal, sessionHash, csrfToken };
    this.cache.set(sessionHash, { session, lastSeen: now, created: now, cachedAt: now });
    return { token, session };
  }

  /** The live session for a cookie token, or null (unknown, revoked, idle too long, expired, user disabled). */
  async lookup(token: string): Promise<Session | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const sessionHash = this.hashOf(token);
    const now = Date.now();
    const cached = this.cache.get(sessionHash);
    if (cached && now - cached.cachedAt < this.policy.cacheMs && this.alive(cached.created, cached.lastSeen, now)) {
      cached.lastSeen = now;
      return cached.session;
    }
    const row = await this.db.selectFrom('user_session').selectAll().where('session_hash', '=', sessionHash).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) return null;
    const created = new Date(row.created_at).getTime();
    const lastSeen = Math.max(new Date(row.last_seen_at).getTime(), cached?.lastSeen ?? 0);
    if (!this.alive(created, lastSeen, now) || now >= new Date(row.expires_at).getTime()) {
      this.cache.delete(sessionHash);
      return null;
    }
    const principal = await loadPrincipal(this.db, row.la_code, row.user_id);
    if (!principal) return null;
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.db.updateTable('user_session').set({ last_seen_at: new Date(now) }).where('la_code', '=', row.la_code).where('session_hash', '=', sessionHash).execute();
    }
    const session = { principal, sessionHash, csrfToken: row.csrf_token };
    this.cache.set(sessionHash, { session, lastSeen: now, created, cachedAt: now });
    return session;
  }

  async revoke(session: Session): Promise<void> {
    this.cache.delete(session.sessionHash);
    await this.db.updateTable('user_session').set({ revoked_at: new Date() })
      .where('la_code', '=', session.principal.laCode).where('session_hash', '=', session.sessionHash).execute();
  }

  /** Drops cached sessions of a user (after disabling them or changing their role). */
  forgetUser(laCode: string, userId: string): void {
    for (const [key, entry] of this.cache) {
      if (entry.session.principal.laCode === laCode && entry.session.principal.userId === userId) this.cache.delete(key);
    }
  }

  /** SHA-256 of a cookie token, remembered for the tokens seen recently (hashing was 5% of a cached request). */
  private hashOf(token: string): string {
    let hash = this.hashes.get(token);
    if (hash === undefined) {
      hash = hashToken(token);
      if (this.hashes.size >= 10_000) this.hashes.clear();
      this.hashes.set(token, hash);
    }
    return hash;
  }

  private alive(created: number, lastSeen: number, now: number): boolean {
    return now - lastSeen < this.policy.idleTimeoutMs && now - created < this.policy.absoluteTimeoutMs;
  }
}
