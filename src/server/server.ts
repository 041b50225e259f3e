import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import './tables.js';
import { AggregateCache } from './cache.js';
import { Pseudonymiser } from './access/pseudonyms.js';
import { entitledAuthorities } from './auth/principal.js';
import { DEFAULT_SESSION_POLICY, SessionStore, type SessionPolicy } from './auth/sessions.js';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from './auth/login.js';
import { SYSTEM_CHAIN } from './audit/audit-log.js';
import { AuditQueue } from './audit/audit-queue.js';
import { ImportJobs } from './import-jobs.js';
import type { RouteRule } from './access/route-rules.js';
import { ApiError, unauthenticated, type ApiErrorBody } from './errors.js';
import type { ApiApp, ServerContext } from './context.js';
import type { ImportService } from './imports.js';
import { ingestImportService } from './ingest-service.js';
import { registerRoutes } from './routes/index.js';
import { SECURITY_HEADERS } from './security-headers.js';

export interface ServerOptions {
  db: Kysely<Database>;
  /** Built web app to serve at / with single-page-app fallback to index.html (e.g. web/dist). */
  staticDir?: string | undefined;
  sessionPolicy?: Partial<SessionPolicy> | undefined;
  lockout?: Partial<LockoutPolicy> | undefined;
  /** Requests per client (session, else IP) per minute; sign-in has its own stricter limit. */
  rateLimitPerMinute?: number | undefined;
  loginRateLimitPerMinute?: number | undefined;
  /** Largest file accepted in an import upload. */
  maxUploadBytes?: number | undefined;
  /** Set false only behind plain HTTP on a non-localhost address (cookies then lose `Secure`). */
  secureCookies?: boolean | undefined;
  /** HMAC key for analysts' pseudonymous child references (default $CSC_PSEUDONYM_KEY). */
  pseudonymKey?: string | undefined;
  uploadDir?: string | undefined;
  /** Behind POST /api/authorities/:laCode/imports: src/ingest by default; null turns uploads off (501). */
  importer?: ImportService | null | undefined;
  aggregateCacheMs?: number | undefined;
  /** How long an audit entry waits to be written with others (one transaction per batch). */
  auditFlushMs?: number | undefined;
  logger?: boolean | undefined;
  trustProxy?: boolean | undefined;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'csc_session';

/** Builds the HTTP API (and optionally the web app). Call `.ready()` or `.listen()` on the result. */
export async function buildServer(options: ServerOptions): Promise<ApiApp & { context: ServerContext }> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    exposeHeadRoutes: false,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const importer = options.importer === null ? undefined : (options.importer ?? ingestImportService(options.db));
  const auditQueue = new AuditQueue(options.db, options.auditFlushMs ?? 2);
  const cache = new AggregateCache(options.aggregateCacheMs ?? 60_000);
  const context: ServerContext = {
    db: options.db,
    sessions: new SessionStore(options.db, { ...DEFAULT_SESSION_POLICY, ...options.sessionPolicy }),
    cache,
    auditQueue,
    pseudonyms: new Pseudonymiser(options.pseudonymKey ?? process.env.CSC_PSEUDONYM_KEY),
    lockout: { ...DEFAULT_LOCKOUT_POLICY, ...options.lockout },
    cookieName: SESSION_COOKIE,
    secureCookies: options.secureCookies ?? true,
    maxUploadBytes: options.maxUploadBytes ?? 50 * 1024 * 1024,
    uploadDir: options.uploadDir ?? join(tmpdir(), 'csc-uploads'),
    importer,
    importJobs: importer ? new ImportJobs(options.db, importer, { onSuccess: (laCode) => cache.invalidate(laCode), audit: auditQueue, log: (error) => app.log.error(error) }) : undefined,
    audited: new WeakSet(),
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 20,
    routes: [],
  };
  app.decorate('context', context);
  // Finish running imports and write queued audit entries before the database is closed.
  app.addHook('onClose', async () => {
    await context.importJobs?.idle();
    await auditQueue.drain();
  });

  // Every /api route must carry a rule: refuse to start otherwise.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const rule = route.config?.rule as RouteRule | undefined;
    if (!route.url.startsWith('/api')) return;
    if (!rule) throw new Error(`Route ${methods.join(',')} ${route.url} has no access rule: add config.rule (see src/server/access/route-rules.ts).`);
    for (const method of methods) context.routes.push({ method, url: route.url, rule });
  });

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    keyGenerator: (request) => request.cookies?.[SESSION_COOKIE] ? `s:${request.cookies[SESSION_COOKIE]}` : `ip:${request.ip}`,
    errorResponseBuilder: (_request, limit) => new ApiError(429, 'rate_limited', `Too many requests: try again in ${Math.ceil(limit.ttl / 1000)} s.`),
  });
  // preservePath: see the client's full file name, so a path in it is refused rather than silently cut.
  await app.register(multipart, { preservePath: true, limits: { fileSize: context.maxUploadBytes, files: 20, fields: 20, fieldSize: 10_000, parts: 40 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'CSC Workbench API', version: '0.1.0', description: 'Sign in with POST /api/auth/login; send the CSRF token in the x-csrf-token header on unsafe methods.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('session', null);
  app.decorateRequest('audit', async function (this: FastifyRequest, entry) {
    await auditQueue.append({
      ...entry,
      userLaCode: this.session?.principal.laCode ?? null,
      userId: this.session?.principal.userId ?? null,
      role: this.session?.principal.role ?? null,
      ip: this.ip,
    });
  });

  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config.rule;
    if (!rule) return; // not an API route: the web app's static files
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await context.sessions.lookup(token) : null;
    if (rule.access === 'public') return;
    if (!request.session) throw unauthenticated();
    if (UNSAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], request.session.csrfToken)) {
      throw new ApiError(403, 'csrf_failed', `This request needs the session's CSRF token in the ${CSRF_HEADER} header (GET /api/auth/csrf).`);
    }
    if (rule.access === 'roles') {
      const { principal } = request.session;
      if (!rule.roles.includes(principal.role)) throw new ApiError(403, 'role_not_permitted', `The ${principal.role} role may not use this endpoint.`);
      if (rule.authorityParam) {
        const laCode = (request.params as { laCode?: string }).laCode ?? '';
        const allowed = rule.pool ? entitledAuthorities(principal) : [principal.laCode];
        if (!allowed.includes(laCode)) throw new ApiError(403, 'authority_not_permitted', `You are not entitled to data of ${/^[0-9]{3}$/.test(laCode) ? `authority ${laCode}` : 'that authority'}.`);
      }
    }
  });

  app.setErrorHandler(async (error: FastifyError | ApiError, request, reply) => {
    const body = toErrorBody(error);
    const status = error instanceof ApiError ? error.status : statusOf(error);
    if (status >= 500) request.log.error(error);
    if (status >= 400 && request.routeOptions.config?.rule && !context.audited.has(request)) await auditRefusal(request, status, body).catch((e) => request.log.error(e));
    return sendError(reply, status, body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi && request.method === 'GET' && options.staticDir && existsSync(join(options.staticDir, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, 404, { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}.`, details: {} });
  });

  async function auditRefusal(request: FastifyRequest, status: number, body: ApiErrorBody): Promise<void> {
    const principal = request.session?.principal;
    const laCode = (request.params as { laCode?: string } | undefined)?.laCode;
    const chain = principal ? principal.laCode : SYSTEM_CHAIN;
    await auditQueue.append({
      laCode: chain,
      userLaCode: principal?.laCode ?? null,
      userId: principal?.userId ?? null,
      role: principal?.role ?? null,
      action: 'refused',
      resource: `${request.method} ${request.routeOptions.url ?? ''}`,
      resourceId: typeof laCode === 'string' ? laCode.slice(0, 50) : null,
      outcome: 'refused',
      ip: request.ip,
      details: { status, code: body.code, url: request.url.slice(0, 500) },
    });
  }

  if (options.staticDir) {
    await app.register(fastifyStatic, { root: resolve(options.staticDir), wildcard: true, index: 'index.html' });
  }

  await app.register(async (api) => registerRoutes(api as unknown as ApiApp, context));
  return app as unknown as ApiApp & { context: ServerContext };
}

function sameToken(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function statusOf(error: FastifyError): number {
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) return 400;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

function toErrorBody(error: FastifyError | ApiError): ApiErrorBody {
  if (error instanceof ApiError) return { code: error.code, message: error.message, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    const issues = (error.validation ?? []).map((v) => ({ path: v.instancePath || (v.params as { issue?: { path?: unknown } })?.issue?.path || '', message: v.message }));
    return { code: 'invalid_request', message: `The request is not valid: ${issues.map((i) => `${String(i.path) || error.validationContext} ${i.message}`).join('; ')}`.slice(0, 1000), details: { issues } };
  }
  const status = statusOf(error);
  if (status >= 500) return { code: 'internal_error', message: 'Something went wrong on the server; it has been logged.', details: {} };
  const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'too_large' : (error.code ?? 'bad_request').toLowerCase();
  return { code, message: error.message, details: {} };
}

function sendError(reply: FastifyReply, status: number, body: ApiErrorBody) {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

