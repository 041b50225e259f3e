import { ALL_ROLES } from '../access/roles.js';
import { entitledAuthorities } from '../auth/principal.js';
import { notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { laCodeParam } from './common.js';

/** Authorities: each user sees only their own (and their regional pool's). */
export function registerAuthorityRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities', { config: { rule: { access: 'signed_in' } }, schema: { tags: ['authorities'] } }, async (request) => {
    const codes = entitledAuthorities(sessionOf(request).principal);
    const rows = await context.cache.get(codes.join(','), 'authorities', () =>
      context.db.selectFrom('local_authority').select(['la_code', 'name', 'region_name']).where('la_code', 'in', codes).orderBy('la_code').execute());
    return { items: rows.map((r) => ({ laCode: r.la_code, name: r.name, regionName: r.region_name, own: r.la_code === codes[0] })) };
  });

  app.get('/api/authorities/:laCode', {
    config: { rule: { access: 'roles', roles: ALL_ROLES, authorityParam: true, pool: true } },
    schema: { tags: ['authorities'], params: laCodeParam },
  }, async (request) => {
    const row = await context.db.selectFrom('local_authority').select(['la_code', 'name', 'region_name']).where('la_code', '=', request.params.laCode).executeTakeFirst();
    if (!row) throw notFound(`Authority ${request.params.laCode}`);
    return { laCode: row.la_code, name: row.name, regionName: row.region_name };
  });
}
