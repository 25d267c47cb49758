// What every route does with hostile request shapes before any of its code runs: JSON nested far
// too deep, and NUL characters in query strings and path parameters. On PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../testing/test-app.js';
import { HTTP_LIMITS } from './limits.js';
import { nestsDeeperThan } from './json-body.js';

const SHOP = 'https://shop.example.com';
let t: TestApp;
let cookie: string;
let key: string;
let publicKey: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await setupOwner(t));
  key = await createKey(t, cookie, ['feedback:read', 'feedback:write', 'customers:read']);
  const widgetKey = await t.app.inject({
    method: 'POST',
    url: '/api/v1/widget-keys',
    headers: { cookie },
    payload: { name: 'Shop', allowedOrigins: [SHOP] },
  });
  publicKey = widgetKey.json().publicKey;
});
afterAll(() => t.close());

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON nesting depth', () => {
  it('refuses 10,000 levels (60 KB) with 400, also on unauthenticated routes', async () => {
    const deep = `{"a":${nested(10_000)}}`;
    for (const [url, headers] of [
      ['/api/v1/auth/logout', {}],
      ['/api/v1/feedback', bearer(key)],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: deep });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'json_too_deep', field: 'body' });
    }
    const widget = await t.app.inject({
      method: 'POST',
      url: `/api/v1/widget/${publicKey}/events`,
      headers: { origin: SHOP, 'content-type': 'application/json' },
      payload: `{"events":${nested(5_000)}}`,
    });
    expect(widget.statusCode).toBe(400);
    expect(widget.json().error.code).toBe('json_too_deep');
  });

  it('accepts nesting up to the limit, and brackets inside strings do not count', async () => {
    const metadata = JSON.parse(`{"m":${'{"a":'.repeat(HTTP_LIMITS.maxJsonDepth - 3)}1${'}'.repeat(HTTP_LIMITS.maxJsonDepth - 3)}}`).m;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: bearer(key),
      payload: { channel: 'api', text: `[[[{{{ "\\" ${'['.repeat(500)}`, metadata },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(nestsDeeperThan(`"${'['.repeat(100)}"`, 2)).toBe(false);
    expect(nestsDeeperThan(`["\\"", [[1]]]`, 2)).toBe(true);
    expect(nestsDeeperThan(`["\\\\", [1]]`, 2)).toBe(false);
  });

  it('keeps the prototype-poisoning protection', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { ...bearer(key), 'content-type': 'application/json; charset=utf-8' },
      payload: '{"channel":"api","text":"x","metadata":{"__proto__":{"admin":true}}}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });
});

describe('NUL characters in query strings and path parameters', () => {
  const get = (url: string, headers: Record<string, string> = bearer(key)) => t.app.inject({ method: 'GET', url, headers });

  it('answer 400 naming the parameter, on every kind of route', async () => {
    const cases: Array<[string, string, Record<string, string>?]> = [
      ['/api/v1/customers?q=a%00b', 'q'],
      ['/api/v1/feedback?tag=a%00b', 'tag'],
      ['/api/v1/feedback?tag=fine,a%00b', 'tag'],
      ['/api/v1/feedback?topic=%00', 'topic'],
      ['/api/v1/feedback?q=%00', 'q'],
      [`/api/v1/widget/${publicKey}/config?anonymousId=visitor-1&externalId=a%00b`, 'externalId', { origin: SHOP }],
      [`/api/v1/widget/${publicKey}/config?anonymousId=visitor-1&email=a%00b%40example.com`, 'email', { origin: SHOP }],
      ['/api/v1/widget/pk_a%00b/config?anonymousId=visitor-1', 'key', { origin: SHOP }],
    ];
    for (const [url, field, headers] of cases) {
      const res = await get(url, headers);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.field, url).toBe(field);
    }
  });

  it('answer 400 on the public survey pages too', async () => {
    const res = await get('/s/abc%00def', {});
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect((await get('/s/abcdef?lang=f%00a', {})).statusCode).toBe(400);
    expect((await get('/s/abcdef?lang=en&lang=f%00a', {})).statusCode).toBe(400);
  });

  it('leave ordinary parameters alone', async () => {
    expect((await get('/api/v1/customers?q=%DB%B9%DB%B1%DB%B2')).statusCode).toBe(200);
    expect((await get('/api/v1/feedback?tag=a,b')).statusCode).toBe(200);
    expect((await get('/s/abcdef?lang=en&lang=fa', {})).statusCode).toBe(404);
  });
});
