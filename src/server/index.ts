/** Public face of the HTTP API: the server factory and what the CLI and tests need. */
import './tables.js';
export { buildServer, CSRF_HEADER, SESSION_COOKIE, type ServerOptions } from './server.js';
export type { ApiApp, ServerContext } from './context.js';
export type { ImportService, UploadedFile } from './imports.js';
export { ROLES, ROLE_DEFINITIONS, type Role, type RoleDefinition, type ChildScope } from './access/roles.js';
export type { RouteRule, RegisteredRoute } from './access/route-rules.js';
export { createUser, listUsers, setUserActive, UserInputError, type NewUser, type UserSummary } from './auth/users.js';
export type { IdentityProvider, ExternalIdentity } from './auth/identity-provider.js';
export { principalForExternalIdentity } from './auth/identity-provider.js';
export { appendAudit, GENESIS_HASH, SYSTEM_CHAIN, type AuditEntry, type AuditOutcome } from './audit/audit-log.js';
export { verifyAuditChain, type ChainReport, type ChainProblem } from './audit/verify.js';
export { searchAudit, type AuditQuery, type AuditRow } from './audit/search.js';
export { formulaSafe } from './output/spreadsheet-safe.js';
export { AggregateCache } from './cache.js';
export { BREAK_GLASS_HEADER } from './routes/children.js';
export { ingestImportService } from './ingest-service.js';
