import type { ColumnType, Generated } from 'kysely';

/** Kysely types for the tables of migration 0006 (sign-in, sessions, break-glass, audit). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export interface AppUserTable {
  la_code: string;
  user_id: string;
  email: string;
  display_name: string;
  role: string;
  worker_id: string | null;
  team_id: string | null;
  service: string | null;
  password_hash: string | null;
  identity_provider: ColumnType<string, string | undefined, string>;
  external_subject: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface UserPoolMembershipTable {
  la_code: string;
  user_id: string;
  member_la_code: string;
  granted_at: Timestamp;
}

export interface UserSessionTable {
  la_code: string;
  session_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date | string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Date | string | null;
}

export interface LoginAttemptTable {
  la_code: string;
  attempt_id: Generated<number>;
  email: string;
  user_id: string | null;
  ip: string | null;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface BreakGlassGrantTable {
  la_code: string;
  grant_id: Generated<number>;
  user_id: string;
  child_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Date | string;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
}

export interface AuditChainHeadTable {
  la_code: string;
  last_seq: number;
  last_hash: string;
}

export interface AuditLogTable {
  la_code: string;
  seq: number;
  occurred_at: Date | string;
  user_la_code: string | null;
  user_id: string | null;
  role: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  child_ids: Json<string[]>;
  outcome: 'allowed' | 'refused' | 'break_glass' | 'failed';
  reason: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

declare module '../db/schema.js' {
  interface Database {
    app_user: AppUserTable;
    user_pool_membership: UserPoolMembershipTable;
    user_session: UserSessionTable;
    login_attempt: LoginAttemptTable;
    break_glass_grant: BreakGlassGrantTable;
    audit_chain_head: AuditChainHeadTable;
    audit_log: AuditLogTable;
  }
}
