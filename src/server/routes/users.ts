import { z } from 'zod';
import { ROLES } from '../access/roles.js';
import { createUser, getUser, listUsers, setUserActive, UserInputError } from '../auth/users.js';
import { badRequest, notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { idText, laCodeParam } from './common.js';

/** User administration for an authority's administrators. Every change is audited. */
export function registerUserRoutes(app: ApiApp, context: ServerContext): void {
  const rule = { access: 'roles' as const, roles: ['administrator' as const], authorityParam: true };

  app.get('/api/authorities/:laCode/users', { config: { rule }, schema: { tags: ['users'], params: laCodeParam } }, async (request) => {
    return { items: await listUsers(context.db, request.params.laCode) };
  });

  app.post('/api/authorities/:laCode/users', {
    config: { rule },
    schema: {
      tags: ['users'], params: laCodeParam,
      body: z.object({
        email: z.string().max(320), displayName: z.string().min(1).max(200), role: z.enum(ROLES), password: z.string().max(256).optional(),
        workerId: idText.optional(), teamId: idText.optional(), service: z.string().max(200).optional(), poolAuthorities: z.array(z.string().regex(/^[0-9]{3}$/)).max(50).optional(),
      }),
    },
  }, async (request, reply) => {
    const { principal } = sessionOf(request);
    try {
      const user = await createUser(context.db, { ...request.body, laCode: request.params.laCode, createdBy: principal.userId });
      await request.audit({ laCode: user.laCode, action: 'create', resource: 'user', resourceId: user.userId, outcome: 'allowed', details: { email: user.email, role: user.role, poolAuthorities: user.poolAuthorities } });
      return reply.code(201).send(user);
    } catch (error) {
      if (error instanceof UserInputError) throw badRequest(error.message);
      throw error;
    }
  });

  app.patch('/api/authorities/:laCode/users/:userId', {
    config: { rule },
    schema: { tags: ['users'], params: laCodeParam.extend({ userId: z.string().uuid() }), body: z.object({ active: z.boolean() }) },
  }, async (request) => {
    const { laCode, userId } = request.params;
    const before = await getUser(context.db, laCode, userId);
    if (!before) throw notFound(`User ${userId}`);
    if (userId === sessionOf(request).principal.userId && !request.body.active) throw badRequest('You cannot disable your own account.');
    await setUserActive(context.db, laCode, userId, request.body.active);
    context.sessions.forgetUser(laCode, userId);
    await request.audit({ laCode, action: 'update', resource: 'user', resourceId: userId, outcome: 'allowed', details: { active: { from: before.active, to: request.body.active } } });
    return (await getUser(context.db, laCode, userId))!;
  });
}
