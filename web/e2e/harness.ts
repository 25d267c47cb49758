// Vitest glue for the browser tests: one server per describe block, one Chromium per test process
// (each test gets its own browser context, so nothing carries over), and every page's problems
// (console errors, exceptions, dialogs, HTTP errors, outside requests) checked after each test.
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createKey, setupOwner, type TestApp } from '../../src/platform/testing/test-app.js';
import { refreshStaleRollups } from '../../src/evaluate/rollups/refresh-rollups.js';
import { until } from '../../src/platform/testing/until.js';

export { until };
import {
  chromiumAvailability,
  launchBrowser,
  openPage,
  startServer,
  type DashboardServer,
  type GuardedPage,
  type PageOptions,
} from './browser.js';

const availability = chromiumAvailability();
if (!availability.available) console.warn(`Skipping the dashboard browser tests. ${availability.reason}`);

/** `describe` that is skipped (with a message above) when Chromium is not installed. */
export const describeBrowser = describe.skipIf(!availability.available);

export interface Dashboard {
  readonly t: TestApp;
  readonly url: string;
  open(options?: PageOptions): Promise<GuardedPage>;
}

let sharedBrowser: Promise<Browser> | undefined;

/**
 * The test process's Chromium, launched by the first file that needs it. Browser files share
 * their worker process (see vitest.config.ts), so later files reuse it instead of launching their
 * own; Playwright closes it when the process exits. A browser that crashed is replaced.
 */
function processBrowser(): Promise<Browser> {
  if (sharedBrowser) {
    const current = sharedBrowser;
    sharedBrowser = current.then((browser) => (browser.isConnected() ? browser : launchBrowser()));
  } else {
    sharedBrowser = launchBrowser();
  }
  sharedBrowser.catch(() => (sharedBrowser = undefined));
  return sharedBrowser;
}

/** Registers the hooks of a describe block and returns its server and page factory. */
export function useDashboard(): Dashboard {
  let server: DashboardServer | undefined;
  let browser: Browser | undefined;
  const pages: GuardedPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), processBrowser()]);
  });
  afterEach(async () => {
    const opened = pages.splice(0);
    const problems = opened.flatMap((p) => p.problems);
    await Promise.all(opened.map((p) => p.close()));
    expect(problems, 'problems seen by the browser').toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
  });

  return {
    get t() {
      if (!server) throw new Error('server not started');
      return server.t;
    },
    get url() {
      if (!server) throw new Error('server not started');
      return server.url;
    },
    async open(options) {
      if (!server || !browser) throw new Error('server not started');
      const guarded = await openPage(browser, server.url, options);
      pages.push(guarded);
      return guarded;
    },
  };
}

/** Waits until the locator's text satisfies the test. */
export function untilText(locator: Locator, accept: (text: string) => boolean, what: string): Promise<string> {
  return until(async () => (await locator.textContent({ timeout: 1000 })) ?? '', accept, what);
}

/** The texts of the feedback rows currently shown. */
export function rowTexts(page: Page): Promise<string[]> {
  return page.getByTestId('feedback-row').locator('.row-text').allTextContents();
}

/** Waits until the list shows exactly these texts (in any order). */
export function untilRows(page: Page, expected: string[], what: string): Promise<string[]> {
  const want = [...expected].sort().join('\n');
  return until(
    async () => (await rowTexts(page)).sort(),
    (texts) => texts.join('\n') === want,
    what,
  );
}

/** `<html>`'s dir and lang attributes. */
export async function documentDirection(page: Page): Promise<{ dir: string | null; lang: string | null }> {
  return page.evaluate(() => ({ dir: document.documentElement.getAttribute('dir'), lang: document.documentElement.getAttribute('lang') }));
}

export interface SeedItem {
  text: string;
  language?: string;
  channel?: string;
  nps?: number;
  csat?: number;
  rating?: number;
  customer?: { externalId: string; name?: string };
  createdAt?: string;
}

/** First-run setup over the API; returns the owner's session cookie. */
export async function signedInOwner(t: TestApp, locale: 'en' | 'fa' | 'ar' | 'zh' = 'en'): Promise<string> {
  const { cookie } = await setupOwner(t, { locale });
  return cookie;
}

/** Stores feedback through the public API (with a new API key), runs the analysis jobs and refreshes the rollups. */
export async function seedFeedback(t: TestApp, cookie: string, items: SeedItem[]): Promise<void> {
  const key = await createKey(t, cookie, ['feedback:write']);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback/bulk',
    headers: { authorization: `Bearer ${key}` },
    payload: { items: items.map((item) => ({ channel: 'api', ...item })) },
  });
  if (res.statusCode !== 201) throw new Error(`seeding failed: ${res.statusCode} ${res.body}`);
  await t.drainJobs();
  // The overview and metrics read the daily rollups, which the refresh schedule keeps current.
  await refreshStaleRollups(t.database);
}
