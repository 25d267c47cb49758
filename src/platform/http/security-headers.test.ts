// Security headers on every kind of answer, HSTS on https, and /metrics behind a token or on an
// address of its own. On PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../testing/test-app.js';
import { spawnServer } from '../testing/spawn-server.js';
import { loadConfig } from '../config.js';
import { ensureWidgetBuilt } from '../../../scripts/build-widget.mjs';

const SHOP = 'https://shop.example.com';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('security headers', () => {
  let t: TestApp;
  let key = '';
  let publicKey = '';
  let surveyPath = '';

  beforeAll(async () => {
    await ensureWidgetBuilt();
    t = await createTestApp();
    const { cookie } = await setupOwner(t);
    key = await createKey(t, cookie, ['feedback:read', 'surveys:manage', 'surveys:read']);
    publicKey = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/widget-keys',
        headers: { cookie },
        payload: { name: 'Shop', allowedOrigins: [SHOP] },
      })
    ).json().publicKey;
    const survey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: bearer(key),
      payload: { template: 'nps', languages: ['en'] },
    });
    surveyPath = (await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.json().id}/publish`, headers: bearer(key) })).json()
      .linkPath;
  }, 300_000); // builds the widget first, slow on a busy machine
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('sends nosniff and the rest of the set on JSON, pages, docs, health, metrics, errors and 404s', async () => {
    const answers: Array<[string, LightMyRequestResponse]> = [
      ['API list', await get('/api/v1/feedback', bearer(key))],
      ['401', await get('/api/v1/feedback')],
      ['403', await get('/api/v1/members', bearer(key))],
      [
        '400',
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/feedback',
          headers: { ...bearer(key), 'content-type': 'application/json' },
          payload: '{',
        }),
      ],
      ['API 404', await get('/api/v1/nothing-here')],
      ['page 404', await get('/no/such.file')],
      ['dashboard', await get('/')],
      ['OpenAPI', await get('/api/openapi.json')],
      ['API docs', await get('/api/docs/')],
      ['health', await get('/healthz')],
      ['metrics', await get('/metrics')],
      ['survey page', await get(surveyPath)],
      ['survey 404 page', await get('/s/unknown-survey-token')],
      ['widget script', await get('/widget/v1/loader.js')],
      ['widget API', await get(`/api/v1/widget/${publicKey}/config?anonymousId=visitor-1`, { origin: SHOP })],
      ['demo shop', await get('/demo/widget')],
    ];
    for (const [what, res] of answers) {
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['x-frame-options'], what).toBeDefined();
      expect(res.headers['referrer-policy'], what).toBeDefined();
      expect(res.headers['content-security-policy'], what).toBeDefined();
      expect(res.headers['strict-transport-security'], `${what}: no HSTS on http`).toBeUndefined();
    }
    const byName = Object.fromEntries(answers);
    expect(byName['API list'].headers['content-security-policy']).toContain("default-src 'none'");
    expect(byName['API list'].headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it("keeps each page's own policy, the widget's cross-origin scripts and its CORS", async () => {
    expect((await get(surveyPath)).headers['content-security-policy']).toContain("form-action 'self'");
    const docs = await get('/api/docs/');
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    const demo = await get('/demo/widget');
    expect(demo.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    // The widget on the demo shop is same-origin: its GETs name the page only in the Referer.
    expect(demo.headers['referrer-policy']).toBe('same-origin');
    const script = await get('/widget/v1/loader.js');
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/widget/${publicKey}/feedback`,
      headers: { origin: SHOP, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SHOP);
  });
});

describe('HSTS and the metrics token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://feedback.example.com', METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('sends HSTS when the public address is https', async () => {
    for (const url of ['/healthz', '/api/v1/me', '/api/openapi.json']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['strict-transport-security']).toBe('max-age=31536000');
    }
  });

  it('answers /metrics only with the token', async () => {
    const scrape = (authorization?: string) =>
      t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    const without = await scrape();
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('unauthenticated');
    expect(without.body).not.toContain('feedloop_');
    expect((await scrape('Bearer wrong-token-0123456789abcdef')).statusCode).toBe(401);
    const scraped = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('feedloop_http_requests_total');
    expect(scraped.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('metrics configuration', () => {
  it('reads METRICS_LISTEN as host:port and refuses a short token', () => {
    expect(loadConfig({ METRICS_LISTEN: '127.0.0.1:9464' }).metricsListen).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ METRICS_LISTEN: '[::1]:9464' }).metricsListen).toEqual({ host: '::1', port: 9464 });
    expect(loadConfig({}).metricsListen).toBeUndefined();
    expect(() => loadConfig({ METRICS_LISTEN: '9464' })).toThrow(/METRICS_LISTEN/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('metrics on an address of their own', () => {
  const dirs: string[] = [];
  let database = '';
  afterAll(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    if (database) {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${database} with (force)`);
      await c.end();
    }
  });

  // A real `feedloop serve`: creating its database takes a minute on a busy machine.
  it('serves /metrics on METRICS_LISTEN only, with the token', { timeout: 300_000 }, async () => {
    let env: Record<string, string>;
    if (process.env.TEST_DATABASE_URL) {
      database = `feedloop_metrics_${randomBytes(5).toString('hex')}`;
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`create database ${database}`);
      await c.end();
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${database}`;
      env = { DATABASE_URL: url.toString() };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-metrics-'));
      dirs.push(dir);
      env = { DATA_DIR: dir };
    }
    const server = await spawnServer({ ...env, WORKERS: 'off', METRICS_LISTEN: '127.0.0.1:0', METRICS_TOKEN });
    try {
      expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
      expect((await fetch(`${server.metricsUrl}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${server.metricsUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await scraped.text()).toContain('feedloop_http_requests_total');
      expect((await fetch(`${server.metricsUrl}/api/v1/me`)).status).toBe(404);
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });
});
