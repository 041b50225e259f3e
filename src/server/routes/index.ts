import type { ApiApp, ServerContext } from '../context.js';
import { registerAuditRoutes } from './audit.js';
import { registerAuthRoutes } from './auth.js';
import { registerAuthorityRoutes } from './authorities.js';
import { registerCaseloadRoutes } from './caseloads.js';
import { registerChildRoutes } from './children.js';
import { registerDocsRoutes } from './docs.js';
import { registerImportRoutes } from './imports.js';
import { registerSummaryRoutes } from './summary.js';
import { registerUserRoutes } from './users.js';
import { registerIndicatorRoutes } from './indicators.js';
import { registerWorkloadRoutes } from './workload.js';
import { registerForecastRoutes } from './forecasts.js';
import { registerReportRoutes } from './reports.js';
import { registerReturnRoutes } from './returns.js';

/**
 * One file per capability. Each declares its routes with a `config.rule`; the server refuses to
 * start if any /api route lacks one, and test/server/permission-matrix.test.ts must list it.
 * Wired: indicators (src/metrics), caseloads and capacity plans (src/workload), imports
 * (src/ingest). Not yet wired: forecasts (src/forecast), return exports (src/export), reports.
 */
export function registerRoutes(app: ApiApp, context: ServerContext): void {
  registerDocsRoutes(app);
  registerAuthRoutes(app, context);
  registerAuthorityRoutes(app, context);
  registerSummaryRoutes(app, context);
  registerChildRoutes(app, context);
  registerCaseloadRoutes(app, context);
  registerImportRoutes(app, context);
  registerAuditRoutes(app, context);
  registerUserRoutes(app, context);
  registerIndicatorRoutes(app, context);
  registerWorkloadRoutes(app, context);
  registerReturnRoutes(app, context);
  registerForecastRoutes(app, context);
  registerReportRoutes(app, context);
}
