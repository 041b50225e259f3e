/**
 * Every API route the web app reads, in one place, so following a server change is one edit.
 * Each returns JSON as the server sends it; pages pick the fields they show.
 */
import { apiJson, type Query } from './client.js';
import type { Authority } from './types.js';

export const paths = {
  authorities: () => '/authorities',
  indicatorCatalogue: () => '/indicators',
  indicators: (la: string) => `/authorities/${encodeURIComponent(la)}/indicators`,
  children: (la: string) => `/authorities/${encodeURIComponent(la)}/children`,
  summary: (la: string) => `/authorities/${encodeURIComponent(la)}/summary`,
  caseloads: (la: string) => `/authorities/${encodeURIComponent(la)}/caseloads`,
  capacityPlan: (la: string) => `/authorities/${encodeURIComponent(la)}/capacity-plan`,
  forecasts: (la: string) => `/authorities/${encodeURIComponent(la)}/forecasts`,
  scenarios: (la: string) => `/authorities/${encodeURIComponent(la)}/forecasts/scenarios`,
  forecastJob: (la: string, id: string) => `/authorities/${encodeURIComponent(la)}/forecasts/jobs/${encodeURIComponent(id)}`,
  forecastDownload: (la: string, id: string) => `/authorities/${encodeURIComponent(la)}/forecasts/jobs/${encodeURIComponent(id)}/download`,
  placementCosts: (la: string) => `/authorities/${encodeURIComponent(la)}/placement-costs`,
  reports: (la: string) => `/authorities/${encodeURIComponent(la)}/reports`,
  reportJob: (la: string, id: string) => `/authorities/${encodeURIComponent(la)}/reports/jobs/${encodeURIComponent(id)}`,
  reportFile: (la: string, id: string) => `/authorities/${encodeURIComponent(la)}/reports/jobs/${encodeURIComponent(id)}/file`,
  imports: (la: string) => `/authorities/${encodeURIComponent(la)}/imports`,
  importDetail: (la: string, id: string) => `/authorities/${encodeURIComponent(la)}/imports/${encodeURIComponent(id)}`,
};

interface RawAuthority {
  laCode?: string;
  la_code?: string;
  code?: string;
  name?: string;
}

export async function getAuthorities(): Promise<Authority[]> {
  const raw = await apiJson<RawAuthority[] | { authorities?: RawAuthority[]; items?: RawAuthority[] }>(paths.authorities());
  const list = Array.isArray(raw) ? raw : (raw.authorities ?? raw.items ?? []);
  return list.map((a) => {
    const laCode = String(a.laCode ?? a.la_code ?? a.code ?? '');
    return { laCode, name: a.name ?? laCode };
  });
}

export function getJson<T>(path: string, query?: Query): Promise<T> {
  return apiJson<T>(path, { query });
}
