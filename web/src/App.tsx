import { SignInGate } from './auth/SignInGate.js';
import { Layout } from './layout/Layout.js';
import { PAGES, type PageDef } from './layout/pages.js';
import { useRouter } from './router/router.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { ChildProtectionPage } from './pages/ChildProtectionPage.js';
import { ChildrenInCarePage } from './pages/ChildrenInCarePage.js';
import { CaseloadsPage } from './pages/CaseloadsPage.js';
import { DataPage } from './pages/DataPage.js';
import { ChildrenListPage } from './pages/ChildrenListPage.js';
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './components/Status.js';

// Planning pages load on first visit: the overview people open every morning does not carry them.
const ForecastsPage = lazy(async () => ({ default: (await import('./pages/ForecastsPage.js')).ForecastsPage }));
const ReportsPage = lazy(async () => ({ default: (await import('./pages/ReportsPage.js')).ReportsPage }));

const COMPONENTS: Record<string, ComponentType> = {
  '/': OverviewPage,
  '/child-protection': ChildProtectionPage,
  '/children-in-care': ChildrenInCarePage,
  '/caseloads': CaseloadsPage,
  '/forecasts': ForecastsPage,
  '/reports': ReportsPage,
  '/data': DataPage,
  '/children': ChildrenListPage,
};

const EXTRA_PAGES: PageDef[] = [{ path: '/children', title: 'Children behind an indicator', filters: null }];

export function App() {
  const { location } = useRouter();
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const page = [...PAGES, ...EXTRA_PAGES].find((p) => p.path === path);
  const Component = page ? COMPONENTS[page.path] : undefined;
  return (
    <SignInGate>
      <Layout page={page}>
        {Component ? (
          <Suspense fallback={<Loading what="the page" />}>
            <Component />
          </Suspense>
        ) : (
          <p>There is no page at this address. Use the navigation above.</p>
        )}
      </Layout>
    </SignInGate>
  );
}
