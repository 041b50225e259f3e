/** The app's pages, declared once: navigation, routing and tests all read this list. */
export interface PageDef {
  path: string;
  title: string;
  /** Which filters the page uses: authority only (live data), or authority and collection year. */
  filters: 'authority' | 'authority-year' | null;
}

export const PAGES: readonly PageDef[] = [
  { path: '/', title: 'Overview', filters: 'authority-year' },
  { path: '/child-protection', title: 'Child protection', filters: 'authority-year' },
  { path: '/children-in-care', title: 'Children in care', filters: 'authority-year' },
  { path: '/caseloads', title: 'Caseloads & workforce', filters: 'authority' },
  { path: '/forecasts', title: 'Forecasts', filters: 'authority' },
  { path: '/reports', title: 'Reports', filters: 'authority' },
  { path: '/data', title: 'Data', filters: 'authority' },
];
