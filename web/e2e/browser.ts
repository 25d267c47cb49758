// Shared setup for the dashboard's browser tests and the screenshot script: a real Feedloop
// server on a random local port (embedded database, built dashboard) and a headless Chromium
// whose pages fail on console errors, uncaught exceptions, dialogs, unexpected HTTP errors and
// any request that leaves the machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/platform/testing/test-app.js';
import { SESSION_COOKIE } from '../../src/platform/auth/limits.js';
import { packageRoot, webDistDir } from '../../src/platform/paths.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing may leave the machine: every request that is not to loopback goes to a proxy that
  // does not exist. (Intercepting requests in the test instead would turn off the HTTP cache and
  // slow every page load.)
  '--proxy-server=http://127.0.0.1:9',
];

export const screenshotDir = path.join(packageRoot, 'test-results', 'screenshots');

/**
 * Whether the browser tests can run here. Without Chromium they are skipped on a developer
 * machine, but on CI a missing browser is an error: it must never pass silently.
 */
export function chromiumAvailability(): { available: boolean; reason: string } {
  if (fs.existsSync(CHROMIUM_PATH)) return { available: true, reason: '' };
  const reason = `Chromium not found at ${CHROMIUM_PATH}: the dashboard browser tests need it (on Debian/Ubuntu: apt-get install chromium).`;
  if (process.env.CI) throw new Error(`${reason} CI must run the browser tests.`);
  return { available: false, reason };
}

// ---------------------------------------------------------------------------------------------
// Dashboard build

// The dashboard's sources, and the contracts it imports from the server's folder.
const WEB_SOURCES = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'src/contracts'];
const BUILD_LOCK = path.join(packageRoot, 'dist', '.web-build.lock');

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function dashboardIsCurrent(): boolean {
  const index = path.join(webDistDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const sources = Math.max(...WEB_SOURCES.map((p) => newestMtime(path.join(packageRoot, p))));
  return fs.statSync(index).mtimeMs >= sources;
}

function runViteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`))));
  });
}

/**
 * Builds the dashboard into dist/web when it is missing or older than its sources. Test files
 * run in parallel, so a lock directory makes sure only one of them builds at a time.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  if (dashboardIsCurrent()) return;
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left behind by a killed run is not respected forever.
      const age = Date.now() - fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })!.mtimeMs;
      if (age > 300_000) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${BUILD_LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (!dashboardIsCurrent()) await runViteBuild();
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Server

export interface DashboardServer {
  t: TestApp;
  /** e.g. `http://127.0.0.1:43127`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** A real Feedloop (API and dashboard) on a fresh embedded database, on a random local port. */
export async function startServer(): Promise<DashboardServer> {
  await ensureDashboardBuilt();
  // The port is only known after listen(); the same-origin check also accepts the Host the
  // browser used, so the origin without a port is enough here.
  const t = await createTestApp({ PUBLIC_URL: 'http://127.0.0.1' });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await t.close();
    throw error;
  }
  const { port } = t.app.server.address() as AddressInfo;
  return { t, url: `http://127.0.0.1:${port}`, close: () => t.close() };
}

// ---------------------------------------------------------------------------------------------
// Browser

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLocalUrl(raw: string): boolean {
  const url = new URL(raw);
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(url.hostname);
}

export interface GuardedPage {
  page: Page;
  context: BrowserContext;
  /** Everything that went wrong so far; a test passes only if this stays empty. */
  problems: string[];
  /** Accepts HTTP errors with this status on this API path (e.g. 401 on a wrong password). */
  allowHttpError(status: number, pathname: string): void;
  close(): Promise<void>;
}

export interface PageOptions {
  /** Browser language (the dashboard's first guess before anyone signs in). */
  locale?: string;
  /** Session cookie header value (`feedloop_session=…`) to start signed in. */
  cookie?: string;
  viewport?: { width: number; height: number };
}

/** A new isolated browser context and page, watched for every kind of failure. */
export async function openPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<GuardedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  if (options.cookie) {
    const [name, ...value] = options.cookie.split('=');
    if (name !== SESSION_COOKIE) throw new Error(`not a session cookie: ${options.cookie}`);
    await context.addCookies([{ name, value: value.join('='), url: baseUrl }]);
  }
  const problems: string[] = [];
  // Being signed out is a normal state: the app asks /me and gets 401.
  const allowed = [{ status: 401, pathname: '/api/v1/me' }];

  // Nothing may leave the machine (the proxy above makes sure): any attempt is a problem.
  context.on('request', (request) => {
    if (!isLocalUrl(request.url())) problems.push(`request to a non-local origin: ${request.method()} ${request.url()}`);
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // HTTP errors are judged by the response listener below, which knows what is expected.
    if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text())) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.stack ?? error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const { pathname } = new URL(response.url());
    if (allowed.some((a) => a.status === response.status() && a.pathname === pathname)) return;
    problems.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
  });

  return {
    page,
    context,
    problems,
    allowHttpError(status, pathname) {
      allowed.push({ status, pathname });
    },
    close: () => context.close(),
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
