import type { ApiApp } from '../context.js';

/** OpenAPI 3 description (JSON) and a minimal page pointing at it (no UI package is installed). */
export function registerDocsRoutes(app: ApiApp): void {
  app.get('/api/docs/json', { config: { rule: { access: 'public' } }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { config: { rule: { access: 'public' } }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSC Workbench API</title></head>' +
        '<body><h1>CSC Workbench API</h1><p>The OpenAPI 3 description is at <a href="/api/docs/json">/api/docs/json</a>. ' +
        'Load it into any OpenAPI viewer. See docs/api.md for sign-in, roles and errors.</p></body></html>',
    ));
}
