import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { countMembers } from './segments.service.js';

let t: TestApp;
let api: SignedInApp['api'];
let key: string;
let readKey: string;
let keyB: string;
let workspaceB = '';
const ids: Record<string, string> = {};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, withKey = key) => api(method, url, payload, bearer(withKey));

beforeAll(async () => {
  const s = await signedInApp();
  ({ t, api, key } = s);
  readKey = await s.keyWith(['customers:read']);
  const b = await s.otherWorkspace(['customers:read', 'customers:write', 'events:write']);
  workspaceB = b.workspace.id;
  keyB = b.key;

  const identify = async (externalId: string, extra: object, withKey = key) => {
    ids[externalId] = (await call('POST', '/api/v1/customers/identify', { externalId, ...extra }, withKey)).json().id;
  };
  await identify('u1', { email: 'sara@example.com', locale: 'fa', attributes: { plan: 'pro', age: 30, city: 'Shiraz' } });
  await identify('u2', { locale: 'en', attributes: { plan: 'pro', age: '25' } });
  await identify('u3', { phone: '+989123456789', attributes: { plan: 'free' } });
  await identify('u4', {});
  await identify('b1', { attributes: { plan: 'pro' } }, keyB);
  const order = (externalId: string, customer: string, amount: number, currency: string, placedAt: string, withKey = key) =>
    call('POST', '/api/v1/orders', { customer: { externalId: customer }, externalId, amount, currency, placedAt }, withKey);
  await order('O-1', 'u1', 1_000_000, 'IRR', daysAgo(2));
  await order('O-2', 'u1', 500_000, 'IRR', daysAgo(3));
  await order('O-3', 'u3', 20, 'USD', '2020-01-01T00:00:00Z');
  await order('B-1', 'b1', 99, 'USD', daysAgo(1), keyB);
  for (const occurredAt of [daysAgo(1), daysAgo(2), daysAgo(3)])
    await call('POST', '/api/v1/events', { customer: { externalId: 'u1' }, name: 'login', occurredAt });
  await call('POST', '/api/v1/events', { customer: { externalId: 'u2' }, name: 'login', occurredAt: daysAgo(40) });
  const feedback = (customer: string, nps: number, language: string, createdAt: string) =>
    call('POST', '/api/v1/feedback', { channel: 'survey', text: 'ok', nps, language, customer: { externalId: customer }, createdAt });
  await feedback('u1', 3, 'fa', daysAgo(10));
  await feedback('u1', 10, 'fa', daysAgo(1)); // the latest score decides the group
  await feedback('u2', 5, 'en', daysAgo(1));
});
afterAll(() => t.close());

async function preview(conditions: object[], match: 'all' | 'any' = 'all'): Promise<string[]> {
  const res = await call('POST', '/api/v1/segments/preview', { definition: { match, conditions } });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { count: number; sample: Array<{ id: string }> };
  expect(body.sample.length).toBe(Math.min(body.count, 5));
  const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return body.sample.map((c) => byId[c.id]).sort();
}

describe('segment conditions', () => {
  it('combines attribute and order conditions with all / any', async () => {
    const pro = { kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' };
    const ordered = { kind: 'orders', minCount: 1 };
    expect(await preview([pro])).toEqual(['u1', 'u2']);
    expect(await preview([pro, ordered])).toEqual(['u1']);
    expect(await preview([pro, ordered], 'any')).toEqual(['u1', 'u2', 'u3']);
    expect(await preview([])).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('covers every attribute operator, reading Persian digits as numbers', async () => {
    expect(await preview([{ kind: 'attribute', name: 'plan', op: 'in', value: ['free', 'pro'] }])).toEqual(['u1', 'u2', 'u3']);
    expect(await preview([{ kind: 'attribute', name: 'plan', op: 'neq', value: 'pro' }])).toEqual(['u3', 'u4']);
    expect(await preview([{ kind: 'attribute', name: 'age', op: 'gt', value: '۲۶' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'attribute', name: 'age', op: 'lte', value: 30 }])).toEqual(['u1', 'u2']);
    expect(await preview([{ kind: 'attribute', name: 'city', op: 'contains', value: 'shir' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'attribute', name: 'city', op: 'exists' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'attribute', name: 'plan', op: 'notExists' }])).toEqual(['u4']);
  });

  it('covers profile, recency, behaviour, NPS, feedback language and lifetime value', async () => {
    expect(await preview([{ kind: 'profile', field: 'locale', op: 'eq', value: 'fa' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'profile', field: 'email', op: 'exists' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'profile', field: 'phone', op: 'notExists' }])).toEqual(['u1', 'u2', 'u4']);
    expect(await preview([{ kind: 'profile', field: 'orderCount', op: 'gte', value: '٢' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'profile', field: 'feedbackCount', op: 'gt', value: 0 }])).toEqual(['u1', 'u2']);
    expect(await preview([{ kind: 'recency', field: 'createdAt', op: 'within', days: 7 }])).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(await preview([{ kind: 'recency', field: 'lastSeenAt', op: 'notWithin', days: 30 }])).not.toContain('u1');
    expect(await preview([{ kind: 'event', name: 'login', minCount: 3, days: 7 }])).toEqual(['u1']);
    expect(await preview([{ kind: 'event', name: 'login', minCount: 1 }])).toEqual(['u1', 'u2']);
    expect(await preview([{ kind: 'event', name: 'login', minCount: 1, days: 30 }])).toEqual(['u1']);
    expect(await preview([{ kind: 'orders', minTotal: '۱۵۰۰۰۰۰', currency: 'irr', days: 30 }])).toEqual(['u1']);
    expect(await preview([{ kind: 'orders', minTotal: 1_500_001, currency: 'IRR' }])).toEqual([]);
    expect(await preview([{ kind: 'orders', minCount: 1, days: 30 }])).toEqual(['u1']);
    expect(await preview([{ kind: 'nps', group: 'promoter' }])).toEqual(['u1']);
    expect(await preview([{ kind: 'nps', group: 'detractor' }])).toEqual(['u2']);
    expect(await preview([{ kind: 'feedbackLanguage', language: 'en' }])).toEqual(['u2']);
    expect(await preview([{ kind: 'lifetimeValue', currency: 'IRR', op: 'gte', value: 1_500_000 }])).toEqual(['u1']);
    expect(await preview([{ kind: 'lifetimeValue', currency: 'USD', op: 'lt', value: 10 }])).toEqual(['u1', 'u2', 'u4']);
  });
});

describe('validation and SQL injection', () => {
  it('refuses unknown fields and hostile attribute names with 400 naming the field', async () => {
    for (const [condition, field] of [
      [{ kind: 'attribute', name: "plan'; drop table customers; --", op: 'eq', value: 'x' }, 'definition.conditions.0.name'],
      [{ kind: 'attribute', name: 'plan") or true --', op: 'exists' }, 'definition.conditions.0.name'],
      [{ kind: 'profile', field: 'password_hash', op: 'exists' }, 'definition.conditions.0.field'],
      [{ kind: 'attribute', name: 'age', op: 'gt', value: '1 or 1=1' }, 'definition.conditions.0.value'],
      [{ kind: 'orders', minTotal: 5 }, 'definition.conditions.0.currency'],
      [{ kind: 'lifetimeValue', currency: "IRR' --", op: 'gt', value: 1 }, 'definition.conditions.0.currency'],
    ] as const) {
      const res = await call('POST', '/api/v1/segments', { name: 'bad', definition: { match: 'all', conditions: [condition] } });
      expect(res.statusCode, JSON.stringify(condition)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const tooMany = Array.from({ length: 21 }, () => ({ kind: 'nps', group: 'promoter' }));
    expect((await call('POST', '/api/v1/segments/preview', { definition: { match: 'all', conditions: tooMany } })).statusCode).toBe(400);
  });

  it('keeps hostile values as data: stored verbatim, matched literally, never executed', async () => {
    const value = "pro' or '1'='1'; drop table customers; --";
    const definition = {
      match: 'any',
      conditions: [
        { kind: 'attribute', name: 'plan', op: 'eq', value },
        { kind: 'attribute', name: 'plan', op: 'in', value: [value, "') or true --"] },
        { kind: 'event', name: "login' or 1=1 --", minCount: 1 },
      ],
    };
    const res = await call('POST', '/api/v1/segments', { name: 'Robert"); drop table segments; --', definition });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().memberCount).toBe(0);
    const again = (await call('GET', `/api/v1/segments/${res.json().id}`)).json();
    expect(again.name).toBe('Robert"); drop table segments; --');
    expect(again.definition.conditions[0].value).toBe(value);
    expect((await call('GET', '/api/v1/customers?limit=10')).json().data.length).toBe(4);
  });
});

describe('segments API', () => {
  it('creates, lists with counts, renames, changes, pages members and deletes', async () => {
    const definition = { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] };
    const created = await call('POST', '/api/v1/segments', { name: '  Pro plan  ', definition });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({ name: 'Pro plan', memberCount: 2, definition });
    expect((await call('GET', '/api/v1/segments')).json().data.find((s: { id: string }) => s.id === id)).toMatchObject({ memberCount: 2 });

    const page1 = (await call('GET', `/api/v1/segments/${id}/customers?limit=1`)).json();
    const page2 = (await call('GET', `/api/v1/segments/${id}/customers?limit=1&cursor=${page1.nextCursor}`)).json();
    expect([...page1.data, ...page2.data].map((c: { id: string }) => c.id).sort()).toEqual([ids.u1, ids.u2].sort());
    expect(page2.nextCursor).toBeNull();
    expect((await call('GET', `/api/v1/segments/${id}/customers?cursor=nope`)).statusCode).toBe(400);

    const renamed = await call('PATCH', `/api/v1/segments/${id}`, {
      name: 'Pro buyers',
      definition: { ...definition, conditions: [...definition.conditions, { kind: 'orders', minCount: 1 }] },
    });
    expect(renamed.json()).toMatchObject({ name: 'Pro buyers', memberCount: 1 });
    expect((await call('PATCH', `/api/v1/segments/${id}`, { name: '' })).json().error.field).toBe('name');

    expect((await call('DELETE', `/api/v1/segments/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/segments/${id}`)).statusCode).toBe(404);
  });

  it('lets customers:read preview and read, but not write', async () => {
    const definition = { match: 'all', conditions: [] };
    expect((await call('POST', '/api/v1/segments/preview', { definition }, readKey)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/segments', undefined, readKey)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/segments', { name: 'x', definition }, readKey)).statusCode).toBe(403);
    const { id } = (await call('POST', '/api/v1/segments', { name: 'mine', definition })).json();
    expect((await call('PATCH', `/api/v1/segments/${id}`, { name: 'y' }, readKey)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/segments/${id}`, undefined, readKey)).statusCode).toBe(403);
  });

  it("keeps a workspace's segments and customers to itself", async () => {
    const definition = { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] };
    const { id } = (await call('POST', '/api/v1/segments', { name: 'A pro', definition })).json();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/segments/${id}`],
      ['PATCH', `/api/v1/segments/${id}`, { name: 'x' }],
      ['DELETE', `/api/v1/segments/${id}`],
      ['GET', `/api/v1/segments/${id}/customers`],
    ] as Array<[Method, string, object?]>) {
      expect((await call(method, url, payload, keyB)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', '/api/v1/segments', undefined, keyB)).json().data).toEqual([]);
    // B's own preview sees only B's customer; A's SQL never counts B's.
    expect((await call('POST', '/api/v1/segments/preview', { definition }, keyB)).json().count).toBe(1);
    const members = (await call('GET', `/api/v1/segments/${id}/customers`)).json().data.map((c: { id: string }) => c.id);
    expect(members).not.toContain(ids.b1);
    const [wsA] = (await t.database.db.select().from(workspaces)).filter((w) => w.id !== workspaceB);
    const anyOrder = { match: 'all' as const, conditions: [{ kind: 'orders' as const, minCount: 1 }] };
    expect(await countMembers(new WorkspaceScope(t.database, wsA.id), { id: null, definition: anyOrder })).toBe(2);
    expect(await countMembers(new WorkspaceScope(t.database, workspaceB), { id: null, definition: anyOrder })).toBe(1);
  });
});
