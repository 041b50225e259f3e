import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { FIXTURE_LA, loadFixtureAuthority } from './fixture.js';
import { buildWebApp, createDemoUsers, launchBrowser, startApp, type DemoUser, type RunningApp } from './harness.js';

export interface BrowserSuite {
  t: TestDatabase;
  app: RunningApp;
  browser: Browser;
}

/**
 * For a describe block: one database with the fixture authority and these demo users, the web
 * app served on it, and Chromium; set up once before its tests and closed after them.
 */
export function browserSuite(users: readonly DemoUser[]): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    const [, database] = await Promise.all([buildWebApp(), createTestDatabase()]);
    suite.t = database;
    await loadFixtureAuthority(suite.t.db);
    await createDemoUsers(suite.t.db, FIXTURE_LA, [...users]);
    suite.app = await startApp(suite.t.db);
    const launched = await launchBrowser();
    if ('reason' in launched) throw new Error(launched.reason);
    suite.browser = launched.browser;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    await suite.t?.dispose();
  });
  return suite;
}
