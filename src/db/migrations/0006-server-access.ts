import { sql, type Kysely } from 'kysely';

/**
 * Sign-in, sessions, need-to-know access and the tamper-evident audit trail (src/server).
 * Every table carries la_code in every key. `audit_log` is append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE, even from the owner) and hash-chained per authority; the
 * chain head records the last sequence number and hash so that deleting the newest row shows.
 * la_code '000' is the system chain: events that belong to no authority (an unknown e-mail
 * at sign-in, a request without a session). It has no local_authority row, so the audit
 * and login tables carry no foreign key to local_authority.
 */
const ddl = /* sql */ `
CREATE TABLE app_user (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  user_id        text NOT NULL,
  email          text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role           text NOT NULL CHECK (role IN ('social_worker', 'team_manager', 'service_manager', 'iro',
                   'performance_analyst', 'finance', 'administrator')),
  worker_id      text,
  team_id        text,
  service        text,
  password_hash  text,
  identity_provider text NOT NULL DEFAULT 'local',
  external_subject text,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text,
  PRIMARY KEY (la_code, user_id),
  UNIQUE (la_code, email)
);
CREATE INDEX app_user_email ON app_user (email);

-- A regional pool user: pseudonymised read access to other authorities' data.
-- member_la_code is checked by the application (a foreign key on it could not include la_code).
CREATE TABLE user_pool_membership (
  la_code        text NOT NULL,
  user_id        text NOT NULL,
  member_la_code text NOT NULL CHECK (member_la_code ~ '^[0-9]{3}$'),
  granted_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, user_id, member_la_code),
  FOREIGN KEY (la_code, user_id) REFERENCES app_user (la_code, user_id) ON DELETE CASCADE
);

-- Server-side sessions: the cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE user_session (
  la_code        text NOT NULL,
  session_hash   text NOT NULL,
  user_id        text NOT NULL,
  csrf_token     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  ip             text,
  user_agent     text,
  revoked_at     timestamptz,
  PRIMARY KEY (la_code, session_hash),
  FOREIGN KEY (la_code, user_id) REFERENCES app_user (la_code, user_id) ON DELETE CASCADE
);
CREATE INDEX user_session_hash ON user_session (session_hash);

CREATE TABLE login_attempt (
  la_code        text NOT NULL,
  attempt_id     bigint GENERATED ALWAYS AS IDENTITY,
  email          text NOT NULL,
  user_id        text,
  ip             text,
  succeeded      boolean NOT NULL,
  attempted_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, attempt_id)
);
CREATE INDEX login_attempt_email ON login_attempt (email, attempted_at);

-- Out-of-scope access to one child: a typed reason, time-limited, flagged for review.
CREATE TABLE break_glass_grant (
  la_code        text NOT NULL,
  grant_id       bigint GENERATED ALWAYS AS IDENTITY,
  user_id        text NOT NULL,
  child_id       text NOT NULL,
  reason         text NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
  granted_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  reviewed_by    text,
  reviewed_at    timestamptz,
  PRIMARY KEY (la_code, grant_id),
  FOREIGN KEY (la_code, user_id) REFERENCES app_user (la_code, user_id) ON DELETE CASCADE
);
CREATE INDEX break_glass_user_child ON break_glass_grant (la_code, user_id, child_id, expires_at);

CREATE TABLE audit_chain_head (
  la_code        text NOT NULL PRIMARY KEY,
  last_seq       bigint NOT NULL,
  last_hash      text NOT NULL
);

CREATE TABLE audit_log (
  la_code        text NOT NULL,
  seq            bigint NOT NULL,
  occurred_at    timestamptz NOT NULL,
  user_la_code   text,
  user_id        text,
  role           text,
  action         text NOT NULL,
  resource       text NOT NULL,
  resource_id    text,
  child_ids      jsonb NOT NULL DEFAULT '[]'::jsonb,
  outcome        text NOT NULL CHECK (outcome IN ('allowed', 'refused', 'break_glass', 'failed')),
  reason         text,
  ip             text,
  details        jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  PRIMARY KEY (la_code, seq)
);
CREATE INDEX audit_log_time ON audit_log (la_code, occurred_at);
CREATE INDEX audit_log_user ON audit_log (la_code, user_id, occurred_at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ddl).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'audit_chain_head', 'break_glass_grant', 'login_attempt', 'user_session', 'user_pool_membership', 'app_user']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  }
  await sql.raw('DROP FUNCTION IF EXISTS audit_log_refuse_change()').execute(db);
}
