// Customers added to a segment by hand through the API: listed and counted with those the
// definition matches, added once however often, taken back one by one, refused when unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bearer } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let s: SignedInApp;
let readKey: string;
const ids: Record<string, string> = {};
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => s.api(method, url, payload);
const memberIds = async (segmentId: string) =>
  ((await call('GET', `/api/v1/segments/${segmentId}/customers`)).json().data as Array<{ id: string }>).map((c) => c.id).sort();

beforeAll(async () => {
  s = await signedInApp();
  readKey = await s.keyWith(['customers:read']);
  for (const [externalId, plan] of [
    ['pro-1', 'pro'],
    ['free-1', 'free'],
    ['free-2', 'free'],
  ])
    ids[externalId] = (await call('POST', '/api/v1/customers/identify', { externalId, attributes: { plan } })).json().id;
});
afterAll(() => s.t.close());

describe('segment members added by hand', () => {
  it('adds customers once on top of the definition, and takes an addition back', async () => {
    const segment = (
      await call('POST', '/api/v1/segments', {
        name: 'Pro and friends',
        definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] },
      })
    ).json();
    expect(segment.memberCount).toBe(1);
    const add = await call('POST', `/api/v1/segments/${segment.id}/members`, { customerIds: [ids['free-1'], ids['free-1']] });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toEqual({ added: 1 });
    expect((await call('POST', `/api/v1/segments/${segment.id}/members`, { customerIds: [ids['free-1']] })).json()).toEqual({ added: 0 });
    expect(await memberIds(segment.id)).toEqual([ids['pro-1'], ids['free-1']].sort());
    expect((await call('GET', `/api/v1/segments/${segment.id}`)).json().memberCount).toBe(2);
    const [{ n }] = await s.t.database.rows<{ n: number }>(sql`select count(*)::int as n from segment_members`);
    expect(n).toBe(1);

    expect((await call('DELETE', `/api/v1/segments/${segment.id}/members/${ids['free-1']}`)).statusCode).toBe(204);
    expect(await memberIds(segment.id)).toEqual([ids['pro-1']]);
    // Nothing to take back: the definition's match stays a member.
    const again = await call('DELETE', `/api/v1/segments/${segment.id}/members/${ids['pro-1']}`);
    expect(again.statusCode).toBe(404);
    expect(await memberIds(segment.id)).toEqual([ids['pro-1']]);
  });

  it('refuses unknown customers naming the field, adding nothing, and needs customers:write', async () => {
    const segment = (await call('POST', '/api/v1/segments', { name: 'Hand-picked', definition: { match: 'any', conditions: [] } })).json();
    const other = await s.otherWorkspace(['customers:read', 'customers:write']);
    const theirs = (
      await s.api('POST', '/api/v1/customers/identify', { externalId: 'theirs' }, { authorization: `Bearer ${other.key}` })
    ).json().id;
    const res = await call('POST', `/api/v1/segments/${segment.id}/members`, { customerIds: [ids['free-2'], theirs] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'unknown_customer', field: 'customerIds.1' });
    const bad = await call('POST', `/api/v1/segments/${segment.id}/members`, { customerIds: ['not-an-id'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('customerIds.0');
    const foreignSegment = await s.api(
      'POST',
      `/api/v1/segments/${segment.id}/members`,
      { customerIds: [theirs] },
      { authorization: `Bearer ${other.key}` },
    );
    expect(foreignSegment.statusCode).toBe(404);
    const readOnly = await s.api('POST', `/api/v1/segments/${segment.id}/members`, { customerIds: [ids['free-2']] }, bearer(readKey));
    expect(readOnly.statusCode).toBe(403);
    const [{ n }] = await s.t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from segment_members where segment_id = ${segment.id}`,
    );
    expect(n).toBe(0);
  });
});
