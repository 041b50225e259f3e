import { z } from 'zod';
import { BREAKDOWNS, computeIndicators, listIndicators } from '../../metrics/index.js';
import { AGGREGATE_ROLES } from '../access/roles.js';
import { badRequest } from '../errors.js';
import type { ApiApp, ServerContext } from '../context.js';
import { laCodeParam, sendCachedJson } from './common.js';
import { withContext } from '../indicators/enrich.js';
import { RAG_RULE } from '../indicators/rag-rule.js';

const idList = z.string().max(2000).regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/, 'must be a comma-separated list of ids');

/**
 * Indicators (src/metrics): the catalogue, and values with breakdowns for years (cached per
 * authority), each with its catalogue fields, England / region / statistical-neighbour
 * comparators for the same year and a RAG status (RAG_RULE).
 */
export function registerIndicatorRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/indicators', { config: { rule: { access: 'signed_in' } }, schema: { tags: ['indicators'] } }, async () => ({
    ragRule: RAG_RULE,
    items: listIndicators().map((d) => ({
      id: d.id, title: d.title, area: d.area, definition: d.definition, numerator: d.numerator, denominator: d.denominator, unit: d.unit,
      polarity: d.polarity, higherIsBetter: d.polarity === 'context' ? null : d.polarity === 'up', source: d.source, sourceDetail: d.sourceDetail,
      notes: d.notes ?? null, breakdowns: d.breakdowns, dp: d.dp, reference: d.reference ?? null, rateReference: d.rateReference ?? null,
    })),
  }));

  app.get('/api/authorities/:laCode/indicators', {
    config: { rule: { access: 'roles', roles: AGGREGATE_ROLES, authorityParam: true, pool: true } },
    schema: {
      tags: ['indicators'], params: laCodeParam,
      querystring: z.object({
        years: z.string().regex(/^\d{4}(,\d{4}){0,9}$/, 'must be up to 10 comma-separated years'),
        ids: idList.optional(),
        breakdowns: idList.optional(),
      }),
    },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const years = request.query.years.split(',').map(Number);
    if (years.some((y) => y < 2000 || y > 2100)) throw badRequest('years must be between 2000 and 2100.');
    const ids = request.query.ids?.split(',');
    const known = new Set(listIndicators().map((d) => d.id));
    const unknown = ids?.filter((id) => !known.has(id)) ?? [];
    if (unknown.length > 0) throw badRequest(`Unknown indicator(s): ${unknown.join(', ')}.`, { unknown });
    const breakdowns = request.query.breakdowns?.split(',');
    const badBreakdowns = breakdowns?.filter((b) => !(BREAKDOWNS as readonly string[]).includes(b)) ?? [];
    if (badBreakdowns.length > 0) throw badRequest(`Unknown breakdown(s): ${badBreakdowns.join(', ')}; use ${BREAKDOWNS.join(', ')}.`);
    const key = `indicators:${years.join(',')}:${ids?.join(',') ?? '*'}:${breakdowns?.join(',') ?? '-'}`;
    return sendCachedJson(reply, context.cache, laCode, key, async () => ({
      laCode, years, ragRule: RAG_RULE,
      items: (await computeIndicators(context.db, { laCode, years, ...(ids ? { indicators: ids } : {}), ...(breakdowns ? { breakdowns: breakdowns as (typeof BREAKDOWNS)[number][] } : {}) })).map(withContext),
    }));
  });
}
