// The widget's public API: keys, origins (CORS), write-only access, limits and bot defences.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHmac } from 'node:crypto';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';

const SHOP = 'https://shop.example.com';
let t: TestApp;
let cookie: string;
let apiKey: string;
let publicKey: string;
let keyId: string;
let identitySecret: string;

const widget = (path: string, payload: object, origin: string | null = SHOP, key = publicKey) =>
  t.app.inject({ method: 'POST', url: `/api/v1/widget/${key}/${path}`, headers: origin ? { origin } : {}, payload });
const FORM = { kind: 'bug', text: 'The checkout button does nothing', pageUrl: `${SHOP}/cart`, elapsedMs: 9_000 };

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await setupOwner(t));
  apiKey = await createKey(t, cookie, ['feedback:read', 'customers:read']);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/widget-keys',
    headers: { cookie },
    payload: { name: 'Shop', allowedOrigins: [SHOP, 'http://localhost:8080/'] },
  });
  expect(res.statusCode, res.body).toBe(201);
  ({ publicKey, id: keyId, identitySecret } = res.json());
});
afterAll(() => t.close());

describe('widget keys', () => {
  it('are public 128-bit keys with normalised origins, and refuse paths as origins', async () => {
    expect(publicKey).toMatch(/^pk_[A-Za-z0-9_-]{22}$/);
    const keys = (await t.app.inject({ method: 'GET', url: '/api/v1/widget-keys', headers: { cookie } })).json().data;
    expect(keys[0].allowedOrigins).toEqual([SHOP, 'http://localhost:8080']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/widget-keys',
      headers: { cookie },
      payload: { name: 'x', allowedOrigins: ['https://shop.example.com/path'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('allowedOrigins.0');
  });
});

describe('widget public API', () => {
  it('answers the CORS preflight only for allowed origins', async () => {
    const ok = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/widget/${publicKey}/feedback`,
      headers: { origin: SHOP, 'access-control-request-method': 'POST' },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(SHOP);
    expect(ok.headers['access-control-allow-headers']).toBe('content-type, idempotency-key');
    const evil = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/widget/${publicKey}/feedback`,
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('stores a bug report as widget feedback, with the text kept as text', async () => {
    const res = await widget('feedback', {
      ...FORM,
      text: 'Broken <img src=x onerror=alert(1)>',
      email: 'visitor@example.com',
      language: 'en',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/${res.json().id}`, headers: bearer(apiKey) })).json();
    expect(item).toMatchObject({
      channel: 'widget',
      text: 'Broken <img src=x onerror=alert(1)>',
      metadata: { widget_kind: 'bug', page_url: `${SHOP}/cart`, identity: 'unverified', claimed_email: 'visitor@example.com' },
    });
    // An email the page claims is not proof: no customer is found or made from it.
    expect(item.customerId).toBeNull();
    // Write-only: the answer carries the new id and nothing else.
    expect(Object.keys(res.json()).sort()).toEqual(['accepted', 'id']);
  });

  it('refuses wrong and revoked keys, missing or foreign origins, bad and oversized bodies, naming the problem', async () => {
    expect((await widget('feedback', FORM, SHOP, 'pk_doesnotexistdoesnotexist')).json().error.code).toBe('unknown_widget_key');
    const foreign = await widget('feedback', FORM, 'https://evil.example');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.field).toBe('origin');
    expect((await widget('feedback', FORM, null)).statusCode).toBe(403);
    const empty = await widget('feedback', { ...FORM, text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('text');
    expect((await widget('feedback', { ...FORM, workspaceId: 'x' })).json().error.field).toBe('workspaceId');
    expect((await widget('feedback', { ...FORM, text: 'x'.repeat(40_000) })).statusCode).toBe(413);
    // The public key opens no read route.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feedback', headers: bearer(publicKey) })).statusCode).toBe(401);
  });

  it('drops bot submissions quietly (honeypot, too fast) and stores events only for verified visitors', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback?channel=widget', headers: bearer(apiKey) })).json().data
      .length;
    expect((await widget('feedback', { ...FORM, website: 'http://spam.example' })).statusCode).toBe(202);
    expect((await widget('feedback', { ...FORM, elapsedMs: 200 })).statusCode).toBe(202);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/feedback?channel=widget', headers: bearer(apiKey) })).json().data.length,
    ).toBe(before);

    expect((await widget('events', { anonymousId: 'anon-12345678', events: [{ name: 'page_view' }] })).json()).toEqual({ stored: 0 });
    expect((await widget('events', { externalId: 'cust-9', events: [{ name: 'page_view' }] })).json()).toEqual({ stored: 0 });
    const userHash = createHmac('sha256', identitySecret).update('cust-9').digest('hex');
    const stored = await widget('events', {
      externalId: 'cust-9',
      userHash,
      events: [{ name: 'cart abandoned', properties: { value: 30 } }, { name: 'page_view' }],
    });
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toEqual({ stored: 2 });
    expect((await widget('events', { externalId: 'cust-9', userHash, events: [] })).json().error.field).toBe('events');
  });

  it('limits each visitor and stops working the moment the key is revoked', async () => {
    let limited = null;
    for (let i = 0; i < 130 && !limited; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/widget/${publicKey}/events`,
        headers: { origin: SHOP, 'x-forwarded-for': `10.0.0.${i}` },
        payload: { anonymousId: 'anon-12345678', events: [{ name: 'x' }] },
      });
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.headers['retry-after']).toBeTruthy();
    await t.app.inject({ method: 'DELETE', url: `/api/v1/widget-keys/${keyId}`, headers: { cookie } });
    const fromElsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/v1/widget/${publicKey}/feedback`,
      headers: { origin: SHOP },
      payload: FORM,
      remoteAddress: '192.0.2.7',
    });
    expect(fromElsewhere.json().error.code).toBe('widget_key_revoked');
  });
});
