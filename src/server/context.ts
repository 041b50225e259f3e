import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { AggregateCache } from './cache.js';
import type { Pseudonymiser } from './access/pseudonyms.js';
import type { SessionStore, Session } from './auth/sessions.js';
import type { LockoutPolicy } from './auth/login.js';
import type { AuditEntry } from './audit/audit-log.js';
import type { RegisteredRoute } from './access/route-rules.js';
import { unauthenticated } from './errors.js';
import type { ImportService } from './imports.js';
import type { ImportJobs } from './import-jobs.js';
import type { AuditQueue } from './audit/audit-queue.js';

/** What every route module receives: the database and the server's shared services. */
export interface ServerContext {
  db: Kysely<Database>;
  sessions: SessionStore;
  cache: AggregateCache;
  /** Batched, hash-chained audit writes; `request.audit` waits for its entry to be committed. */
  auditQueue: AuditQueue;
  pseudonyms: Pseudonymiser;
  lockout: LockoutPolicy;
  cookieName: string;
  secureCookies: boolean;
  maxUploadBytes: number;
  uploadDir: string;
  /** The import module, when wired; uploads answer 501 without it. */
  importer: ImportService | undefined;
  /** Background import jobs (status, phase, percentage, problem report), when an importer is wired. */
  importJobs: ImportJobs | undefined;
  /** Requests whose refusal the handler has already audited (the error handler skips them). */
  audited: WeakSet<FastifyRequest>;
  /** Sign-in attempts per IP per minute. */
  loginRateLimitPerMinute: number;
  /** Every route registered, with its rule (for docs and the permission matrix). */
  routes: RegisteredRoute[];
}

export type ApiApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    /** Writes an audit entry for this request (user, role and IP filled in) before data leaves. */
    audit(entry: Omit<AuditEntry, 'userLaCode' | 'userId' | 'role' | 'ip'>): Promise<void>;
  }
}

/** The session of a route that the rule hook has already required to be signed in. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw unauthenticated();
  return request.session;
}
