/**
 * The website widget, on the embedded database: the gzipped sizes of the loader and the renderer,
 * and the time from the loader's request to the first survey on screen in headless Chromium on a
 * throttled connection (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: a slow 4G phone),
 * for a page on another origin with a survey shown on page view. Each visit is a fresh browser
 * context (nothing cached); the median of the measured visits is reported.
 *
 *   BENCH_ONLY=widget npm run bench
 *
 * BENCH_WIDGET_VISITS (7) changes the number of measured visits.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { onCleanup, repoRoot, startServer } from './processes.js';
import { fmt, table } from './report.js';

export const WIDGET_TARGETS = { loaderKb: 5, rendererKb: 30 };
const VISITS = Number(process.env.BENCH_WIDGET_VISITS ?? 7);
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

export interface WidgetBenchResult {
  loaderGzip: number;
  rendererGzip: number;
  /** ms, per measured visit: loader request start → survey on screen. */
  firstPaint: number[];
  /** ms, medians of the parts: loader downloaded, config answered, renderer downloaded. */
  parts: { loader: number; config: number; renderer: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gzipped = (file: string) => gzipSync(fs.readFileSync(path.join(repoRoot, 'dist', 'widget', file)), { level: 9 }).length;

async function prepareWorkspace(url: string, shopOrigin: string): Promise<string> {
  const json = { 'content-type': 'application/json', origin: url };
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      organizationName: 'Bench Inc',
      workspaceName: 'Bench',
      name: 'Bench Owner',
      email: 'owner@bench.example',
      password: 'bench password 12345',
      locale: 'en',
    }),
  });
  const cookie = setup.headers.get('set-cookie')?.split(';')[0] ?? '';
  const post = async (p: string, body: object) => {
    const res = await fetch(`${url}${p}`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`POST ${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, string>>;
  };
  const survey = await post('/api/v1/surveys', {
    template: 'nps',
    settings: { widget: { triggers: [{ type: 'page_view' }], display: 'every_n_days', everyDays: 1 } },
  });
  await post(`/api/v1/surveys/${survey.id}/publish`, {});
  return (await post('/api/v1/widget-keys', { name: 'Bench shop', allowedOrigins: [shopOrigin] })).publicKey;
}

export async function benchWidget(): Promise<WidgetBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-bench-widget-'));
  onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  onCleanup(() => server.stop());
  let page = '';
  const shop = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => shop.close(() => resolve())));
  const shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
  const key = await prepareWorkspace(server.url, shopUrl);
  page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script src="${server.url}/widget/v1/loader.js" data-key="${key}" async></script></body></html>`;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  onCleanup(() => browser.close());
  const visits: Array<{ total: number; loader: number; config: number; renderer: number }> = [];
  for (let i = 0; i <= VISITS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    await tab.goto(shopUrl);
    const shownAt = await tab.waitForFunction(
      () => {
        for (const host of Array.from(document.querySelectorAll('feedloop-widget'))) {
          if (host.shadowRoot?.querySelector('[role=dialog]')) return performance.now();
        }
        return 0;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const timings = await tab.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    );
    const entry = (part: string) => timings.find((t) => t.name.includes(part))!;
    const loader = entry('/widget/v1/loader.js');
    // The first visit warms the server up; it is not counted.
    if (i > 0) {
      visits.push({
        total: (await shownAt.jsonValue()) - loader.start,
        loader: loader.end - loader.start,
        config: entry('/config').end - entry('/config').start,
        renderer: entry('/widget/v1/renderer.js').end - entry('/widget/v1/renderer.js').start,
      });
    }
    await context.close();
  }
  return {
    loaderGzip: gzipped('loader.js'),
    rendererGzip: gzipped('renderer.js'),
    firstPaint: visits.map((v) => v.total),
    parts: {
      loader: median(visits.map((v) => v.loader)),
      config: median(visits.map((v) => v.config)),
      renderer: median(visits.map((v) => v.renderer)),
    },
  };
}

export function widgetReport(r: WidgetBenchResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return table(
    ['measure', 'value', 'target'],
    [
      [
        'loader, gzipped',
        kb(r.loaderGzip),
        `≤ ${WIDGET_TARGETS.loaderKb} KB ${r.loaderGzip <= WIDGET_TARGETS.loaderKb * 1024 ? '(met)' : '(NOT met)'}`,
      ],
      [
        'renderer, gzipped (loaded only when something is shown)',
        kb(r.rendererGzip),
        `≤ ${WIDGET_TARGETS.rendererKb} KB ${r.rendererGzip <= WIDGET_TARGETS.rendererKb * 1024 ? '(met)' : '(NOT met)'}`,
      ],
      [
        `loader request → first survey on screen, slow 4G (median of ${r.firstPaint.length})`,
        `${fmt.ms(median(r.firstPaint))} (${fmt.ms(Math.min(...r.firstPaint))}–${fmt.ms(Math.max(...r.firstPaint))})`,
        '—',
      ],
      [
        '  of which: loader download / config request / renderer download (medians)',
        `${fmt.ms(r.parts.loader)} / ${fmt.ms(r.parts.config)} / ${fmt.ms(r.parts.renderer)}`,
        '',
      ],
    ],
  );
}
