// Service units through the API: the tree built, renamed, moved (never into a cycle) and archived;
// items, tickets and customers assigned through their own update endpoints and on ingest; a unit
// of another workspace refused wherever it is named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { newId } from '../../platform/ids.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import type { ServiceUnit, ServiceUnitTree } from '../../contracts/service-units.js';
import { serviceUnits } from './service-units.tables.js';
import { importFile } from '../../collect/import/import-file.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';

let t: TestApp;
let s: SignedInApp;
let foreignUnitId: string;
const units: Record<string, string> = {};

const asOwner = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) => s.api(method, url, body, { cookie: s.owner.cookie });
async function create(name: string, kind: string, parent?: string, externalCode?: string) {
  const res = await asOwner('POST', '/api/v1/service-units', { name, kind, parentId: parent ? units[parent] : null, externalCode });
  expect(res.statusCode).toBe(201);
  units[name] = res.json<ServiceUnit>().id;
  return res.json<ServiceUnit>();
}
const names = (nodes: ServiceUnit[]): unknown[] => nodes.map((n) => (n.children.length ? { [n.name]: names(n.children) } : n.name));

beforeAll(async () => {
  s = await signedInApp({
    scopes: ['feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'tickets:read', 'tickets:write', 'workspace:read'],
  });
  t = s.t;
  const other = await s.otherWorkspace(['feedback:read']);
  foreignUnitId = newId();
  await t.database.db
    .insert(serviceUnits)
    .values({ id: foreignUnitId, workspaceId: other.workspace.id, kind: 'store', name: 'Elsewhere', externalCode: 'X-1' });
});

afterAll(async () => t?.close());

describe('service units', () => {
  it('are built as a tree of any depth and listed as one', async () => {
    await create('North', 'region');
    await create('South', 'region');
    await create('Tabriz', 'branch', 'North');
    await create('Shiraz', 'branch', 'South');
    await create('Tabriz Bazaar', 'store', 'Tabriz', 'TB-1');
    await create('Shiraz Zand', 'store', 'Shiraz', 'SZ-1');
    const res = await s.api('GET', '/api/v1/service-units');
    expect(res.statusCode).toBe(200);
    expect(names(res.json<ServiceUnitTree>().data)).toEqual([
      { North: [{ Tabriz: ['Tabriz Bazaar'] }] },
      { South: [{ Shiraz: ['Shiraz Zand'] }] },
    ]);
  });

  it('are shaped by admins only: an API key may read them, not change them', async () => {
    expect((await s.api('POST', '/api/v1/service-units', { name: 'West', kind: 'region' })).statusCode).toBe(403);
    expect((await s.api('PATCH', `/api/v1/service-units/${units.North}`, { name: 'N' })).statusCode).toBe(403);
  });

  it('are renamed and moved with their subtree, never under themselves or a descendant', async () => {
    expect((await asOwner('PATCH', `/api/v1/service-units/${units.Tabriz}`, { name: 'تبریز' })).json()).toMatchObject({ name: 'تبریز' });
    const cycle = await asOwner('PATCH', `/api/v1/service-units/${units.North}`, { parentId: units['Tabriz Bazaar'] });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error).toMatchObject({ code: 'service_unit_cycle', field: 'parentId' });
    const self = await asOwner('PATCH', `/api/v1/service-units/${units.North}`, { parentId: units.North });
    expect(self.json().error).toMatchObject({ field: 'parentId' });
    const moved = await asOwner('PATCH', `/api/v1/service-units/${units.Shiraz}`, { parentId: units.North });
    expect(moved.statusCode).toBe(200);
    const tree = (await s.api('GET', '/api/v1/service-units')).json<ServiceUnitTree>().data;
    expect(names(tree)).toEqual([{ North: [{ Shiraz: ['Shiraz Zand'] }, { تبریز: ['Tabriz Bazaar'] }] }, 'South']);
    // Put back for the tests below.
    await asOwner('PATCH', `/api/v1/service-units/${units.Shiraz}`, { parentId: units.South });
  });

  it('refuse a parent of another workspace and a taken external code, naming the field', async () => {
    const foreign = await asOwner('POST', '/api/v1/service-units', { name: 'Spy', kind: 'store', parentId: foreignUnitId });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error).toMatchObject({ code: 'unknown_service_unit', field: 'parentId' });
    const moveAway = await asOwner('PATCH', `/api/v1/service-units/${units.Tabriz}`, { parentId: foreignUnitId });
    expect(moveAway.json().error).toMatchObject({ field: 'parentId' });
    const taken = await asOwner('POST', '/api/v1/service-units', { name: 'Copy', kind: 'store', externalCode: 'TB-1' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ field: 'externalCode' });
    expect((await asOwner('PATCH', `/api/v1/service-units/${foreignUnitId}`, { name: 'Mine now' })).statusCode).toBe(404);
  });

  it('are set on items, tickets and customers through their update endpoints; a foreign unit is refused', async () => {
    const item = (await s.api('POST', '/api/v1/feedback', { channel: 'email', text: 'Fine', nps: 8 })).json<{ id: string }>();
    const ticket = (await s.api('POST', '/api/v1/tickets', { subject: 'Broken box' })).json<{ id: string }>();
    const customer = (await s.api('POST', '/api/v1/feedback', { channel: 'email', text: 'x', customer: { externalId: 'k-1' } })).json<{
      customerId: string;
    }>();
    for (const [url, field] of [
      [`/api/v1/feedback/${item.id}`, 'serviceUnitId'],
      [`/api/v1/tickets/${ticket.id}`, 'serviceUnitId'],
      [`/api/v1/customers/${customer.customerId}`, 'serviceUnitId'],
    ] as const) {
      const refused = await s.api('PATCH', url, { serviceUnitId: foreignUnitId });
      expect(refused.statusCode, url).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'unknown_service_unit', field });
      const set = await s.api('PATCH', url, { serviceUnitId: units['Shiraz Zand'] });
      expect(set.statusCode, url).toBe(200);
      expect(set.json().serviceUnitId).toBe(units['Shiraz Zand']);
      expect((await s.api('PATCH', url, { serviceUnitId: null })).json().serviceUnitId).toBeNull();
    }
  });

  it('are taken at ingest by id or external code; an item naming none takes its customer’s unit', async () => {
    const byCode = await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'Quick service', serviceUnitCode: 'TB-1' });
    expect(byCode.statusCode).toBe(201);
    expect(byCode.json().serviceUnitId).toBe(units['Tabriz Bazaar']);
    const byId = await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'Slow', serviceUnitId: units.Shiraz });
    expect(byId.json().serviceUnitId).toBe(units.Shiraz);
    const customerId = (await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'first', customer: { externalId: 'k-2' } })).json()
      .customerId as string;
    await s.api('PATCH', `/api/v1/customers/${customerId}`, { serviceUnitId: units['Shiraz Zand'] });
    const inherited = await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'again', customer: { externalId: 'k-2' } });
    expect(inherited.json().serviceUnitId).toBe(units['Shiraz Zand']);
    const [stored] = await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.id, inherited.json().id));
    expect(stored!.serviceUnitId).toBe(units['Shiraz Zand']);
    // Its own unit wins over the customer's.
    const own = await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'own', customerId, serviceUnitCode: 'TB-1' });
    expect(own.json().serviceUnitId).toBe(units['Tabriz Bazaar']);

    for (const body of [{ serviceUnitId: foreignUnitId }, { serviceUnitCode: 'X-1' }]) {
      const refused = await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'spy', ...body });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.field).toBe(Object.keys(body)[0]);
    }
    const bulk = await s.api('POST', '/api/v1/feedback/bulk', {
      mode: 'partial',
      items: [
        { channel: 'api', text: 'ok', serviceUnitCode: 'SZ-1' },
        { channel: 'api', text: 'no', serviceUnitCode: 'nope' },
      ],
    });
    expect(bulk.statusCode).toBeLessThan(300);
    expect(JSON.stringify(bulk.json())).toContain('serviceUnitCode');
  });

  it('pass to the customer a merge keeps, when it has none of its own', async () => {
    const customerOf = async (externalId: string) =>
      (await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'hello', customer: { externalId } })).json().customerId as string;
    const target = await customerOf('m-target');
    const source = await customerOf('m-source');
    await s.api('PATCH', `/api/v1/customers/${source}`, { serviceUnitId: units['Tabriz Bazaar'] });
    expect((await s.api('POST', '/api/v1/customers/merge', { targetId: target, sourceId: source })).statusCode).toBe(200);
    expect((await s.api('GET', `/api/v1/customers/${target}`)).json().serviceUnitId).toBe(units['Tabriz Bazaar']);
  });

  it('are read from an import file’s "service unit" column, by external code', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-units-')), 'branches.csv');
    fs.writeFileSync(file, ['Comment,Service unit,Store', 'Quick and kind,TB-1,Bazaar', 'Nobody answered,NOPE,Somewhere'].join('\n'));
    const rejects: string[] = [];
    const summary = await importFile(new WorkspaceScope(t.database, s.workspace.id), file, {
      mapping: {},
      channel: 'import',
      onReject: (r) => rejects.push(`${r.row}:${r.field}`),
    });
    expect(summary).toMatchObject({ imported: 1, rejected: 1 });
    expect(rejects).toEqual(['2:serviceUnitCode']);
    const [row] = await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.text, 'Quick and kind'));
    // The unit column is read; a plain "Store" column stays metadata.
    expect(row).toMatchObject({ serviceUnitId: units['Tabriz Bazaar'], metadata: { Store: 'Bazaar' } });
  });

  it('are archived with their descendants; nothing new is assigned to an archived unit', async () => {
    const res = await asOwner('PATCH', `/api/v1/service-units/${units.South}`, { archived: true });
    expect(res.json()).toMatchObject({ archived: true });
    const tree = (await s.api('GET', '/api/v1/service-units')).json<ServiceUnitTree>().data;
    const south = tree.find((u) => u.name === 'South')!;
    expect(south.children[0]).toMatchObject({ name: 'Shiraz', archived: true, children: [{ name: 'Shiraz Zand', archived: true }] });
    const refused = await s.api('POST', '/api/v1/feedback', { channel: 'api', text: 'late', serviceUnitCode: 'SZ-1' });
    expect(refused.json().error).toMatchObject({ code: 'service_unit_archived', field: 'serviceUnitCode' });
    const child = await asOwner('PATCH', `/api/v1/service-units/${units.Shiraz}`, { archived: false });
    expect(child.json().error).toMatchObject({ field: 'archived' });
    expect((await asOwner('PATCH', `/api/v1/service-units/${units.South}`, { archived: false })).json()).toMatchObject({ archived: false });
  });
});
