/**
 * Shared by the browser tests, scripts/screenshots.ts and bench/web.bench.ts: build the web app,
 * start the real API server on a database with demo users (one per role), drive Debian's
 * Chromium, and check accessibility with axe-core.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../../src/db/index.js';
import { buildServer, createUser, type Role } from '../../src/server/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The app's pages (as web/src/layout/pages.ts) with a heading each must show. */
export const WEB_PAGES = [
  { path: '/', heading: 'Overview' },
  { path: '/child-protection', heading: 'Child protection' },
  { path: '/children-in-care', heading: 'Children in care' },
  { path: '/caseloads', heading: 'Caseloads & workforce' },
  { path: '/forecasts', heading: 'Forecasts' },
  { path: '/reports', heading: 'Reports' },
  { path: '/data', heading: 'Data' },
] as const;

export interface DemoUser {
  role: Role;
  email: string;
  password: string;
  displayName: string;
}

const PASSWORD = 'demo-password-2024';

/** One user per role; case roles are tied to the fixture's workers, team and service. */
export function demoUsers(la: string, links: { worker: string; iroWorker: string; team: string; service: string }): (DemoUser & { workerId?: string; teamId?: string; service?: string })[] {
  const user = (role: Role, name: string, extra: { workerId?: string; teamId?: string; service?: string } = {}) => ({
    role, email: `${role.replace(/_/g, '.')}@${la}.demo.csc`, password: PASSWORD, displayName: name, ...extra,
  });
  return [
    user('social_worker', 'Sam Social-Worker', { workerId: links.worker }),
    user('team_manager', 'Tara Team-Manager', { teamId: links.team }),
    user('service_manager', 'Sid Service-Manager', { service: links.service }),
    user('iro', 'Ira Reviewing-Officer', { workerId: links.iroWorker }),
    user('performance_analyst', 'Pat Analyst'),
    user('finance', 'Fin Finance'),
    user('administrator', 'Ada Administrator'),
  ];
}

export async function createDemoUsers(db: Kysely<Database>, la: string, users: ReturnType<typeof demoUsers>): Promise<void> {
  for (const u of users) {
    await createUser(db, { laCode: la, email: u.email, displayName: u.displayName, role: u.role, password: u.password, workerId: u.workerId, teamId: u.teamId, service: u.service });
  }
}

/** Newest modification time of the web app's sources (to skip rebuilding an up-to-date dist). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `vite build web` into web/dist (about 3 s), unless web/dist is newer than every source file. */
export async function buildWebApp(options: { force?: boolean } = {}): Promise<void> {
  const index = `${WEB_DIST}index.html`;
  if (!options.force && existsSync(index) && statSync(index).mtimeMs > newestSource(join(ROOT, 'web'))) return;
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  await promisify(execFile)(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT });
  if (!existsSync(`${WEB_DIST}index.html`)) throw new Error('vite build did not produce web/dist/index.html');
}

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real API server with the built web app, on a free loopback port. */
export async function startApp(db: Kysely<Database>): Promise<RunningApp> {
  const app = await buildServer({ db, staticDir: WEB_DIST, rateLimitPerMinute: 100_000, loginRateLimitPerMinute: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // "localhost" so that Chromium treats the origin as secure and keeps the Secure session cookie.
  return { baseUrl: `http://localhost:${port}`, close: () => app.close() };
}

/** Chromium, or the reason it cannot run here. */
export async function launchBrowser(): Promise<{ browser: Browser } | { reason: string }> {
  if (!existsSync(CHROMIUM_PATH)) return { reason: `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)` };
  return { browser: await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) };
}

export async function signIn(page: Page, baseUrl: string, user: DemoUser, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Waits until no "Loading…" message is left on the page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.loading') && document.querySelector('main h1') !== null, undefined, { timeout: 15_000 });
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}
