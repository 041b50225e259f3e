import { z } from 'zod';
import { authenticateLocal } from '../auth/login.js';
import { ROLE_DEFINITIONS } from '../access/roles.js';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { appendAudit } from '../audit/audit-log.js';

function describeUser(principal: Principal) {
  const role = ROLE_DEFINITIONS[principal.role];
  return {
    laCode: principal.laCode, userId: principal.userId, email: principal.email, displayName: principal.displayName, role: principal.role,
    roleLabel: role.label, childScope: role.childScope, identified: role.identified, poolAuthorities: principal.poolAuthorities,
  };
}

export function registerAuthRoutes(app: ApiApp, context: ServerContext): void {
  app.post('/api/auth/login', {
    config: { rule: { access: 'public' }, rateLimit: { max: context.loginRateLimitPerMinute, timeWindow: 60_000, keyGenerator: (request) => `login:${request.ip}` } },
    schema: {
      tags: ['auth'],
      body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(256), laCode: z.string().regex(/^[0-9]{3}$/).optional() }),
    },
  }, async (request, reply) => {
    const result = await authenticateLocal(context.db, request.body, request.ip, context.lockout);
    if (!result.ok) {
      await appendAudit(context.db, {
        laCode: result.laCode, userLaCode: result.userId ? result.laCode : null, userId: result.userId, action: 'login', resource: 'session',
        outcome: 'refused', ip: request.ip, details: { reason: result.reason, email: request.body.email.slice(0, 320).toLowerCase() },
      });
      context.audited.add(request);
      if (result.reason === 'locked') throw new ApiError(423, 'account_locked', `Too many failed sign-ins: this account is locked for ${Math.round(context.lockout.windowMs / 60_000)} minutes.`);
      if (result.reason === 'ambiguous') throw new ApiError(400, 'authority_required', 'This e-mail has accounts in several authorities: give laCode too.');
      throw new ApiError(401, 'invalid_credentials', 'The e-mail or password is not right.');
    }
    const { token, session } = await context.sessions.create(result.principal, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    await appendAudit(context.db, {
      laCode: result.principal.laCode, userLaCode: result.principal.laCode, userId: result.principal.userId, role: result.principal.role,
      action: 'login', resource: 'session', outcome: 'allowed', ip: request.ip,
    });
    reply.setCookie(context.cookieName, token, {
      httpOnly: true, secure: context.secureCookies, sameSite: 'strict', path: '/', maxAge: Math.floor(context.sessions.policy.absoluteTimeoutMs / 1000),
    });
    return { user: describeUser(result.principal), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { config: { rule: { access: 'signed_in' } }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const session = sessionOf(request);
    await context.sessions.revoke(session);
    await request.audit({ laCode: session.principal.laCode, action: 'logout', resource: 'session', outcome: 'allowed' });
    reply.clearCookie(context.cookieName, { path: '/', httpOnly: true, secure: context.secureCookies, sameSite: 'strict' });
    return { signedOut: true };
  });

  app.get('/api/auth/me', { config: { rule: { access: 'signed_in' } }, schema: { tags: ['auth'] } }, async (request) => describeUser(sessionOf(request).principal));

  app.get('/api/auth/csrf', { config: { rule: { access: 'signed_in' } }, schema: { tags: ['auth'] } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return { csrfToken: sessionOf(request).csrfToken, header: 'x-csrf-token' };
  });
}
