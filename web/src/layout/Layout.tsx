import { useEffect, useRef, type ReactNode } from 'react';
import { focusAfterSignIn, useSession } from '../auth/session-context.js';
import { roleLabel } from '../auth/roles.js';
import { Link, useRouter } from '../router/router.js';
import { FilterBar } from './FilterBar.js';
import { withFilters } from './filters.js';
import { PAGES, type PageDef } from './pages.js';

/** Header, navigation, filters and the main landmark; moves focus to the heading on page change. */
export function Layout({ page, children }: { page: PageDef | undefined; children: ReactNode }) {
  const { session, signOut } = useSession();
  const { location } = useRouter();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  const title = page?.title ?? 'Page not found';

  useEffect(() => {
    document.title = `${title} – CSC Workbench`;
  }, [title]);
  useEffect(() => {
    // The sign-in form has gone: put keyboard and screen-reader users at the page's content.
    if (!focusAfterSignIn.pending) return;
    focusAfterSignIn.pending = false;
    mainRef.current?.focus();
  }, []);
  useEffect(() => {
    // After moving to another page, screen readers start at its content; not on first load,
    // where focus belongs to the browser (and the skip link comes first).
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={withFilters('/', location.search)} className="site-header__name">
            CSC Workbench
          </Link>
          <div className="site-header__user">
            <span>
              {session.user.displayName || session.user.email} <span className="role">({roleLabel(session.user.role)})</span>
            </span>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {PAGES.map((item) => (
              <li key={item.path}>
                <Link to={withFilters(item.path, location.search)} aria-current={item.path === page?.path ? 'page' : undefined}>
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <h1>{title}</h1>
        {page?.filters && <FilterBar withYear={page.filters === 'authority-year'} />}
        {children}
      </main>
      <footer className="site-footer">
        <p>
          CSC Workbench. Comparator figures: DfE children's social care statistics. Contains public sector information licensed under the Open Government Licence v3.0.
        </p>
      </footer>
    </>
  );
}
