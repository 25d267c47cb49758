import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { setupTeam } from '../../platform/testing/team.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { tickets } from '../tickets/tickets.tables.js';
import { ticketFirstResponse } from '../tickets/ticket-lifecycle.js';
import { ticketSla } from './sla.tables.js';
import { scanSlaClocks } from './sla-scan.js';

let t: TestApp;
let owner: string;
let agent: string;
let workspaceId: string;
let vipId: string;
let regularId: string;
let vipSegment: string;
let stranger: string;

type Method = 'GET' | 'PUT' | 'POST' | 'PATCH';
const call = (method: Method, url: string, payload?: object, cookie = owner) => t.app.inject({ method, url, headers: { cookie }, payload });
const MINUTE = 60_000;

const POLICIES = () => [
  { priority: 'high', segmentId: null, firstResponseMinutes: 60, resolutionMinutes: 480, warnPercent: 80 },
  { priority: 'high', segmentId: vipSegment, firstResponseMinutes: 30, resolutionMinutes: 240, warnPercent: 80 },
  { priority: 'normal', segmentId: null, firstResponseMinutes: 100, resolutionMinutes: 1000, warnPercent: 80 },
];

const openTicket = async (priority: string, customerId: string) =>
  (await call('POST', '/api/v1/tickets', { subject: 'Parcel late', priority, customerId })).json().id as string;
const sla = async (id: string) => (await call('GET', `/api/v1/tickets/${id}/sla`, undefined, agent)).json();
/** As if the clock had been running for `minutes` already. */
const backdate = (id: string, minutes: number) =>
  t.database.db
    .update(ticketSla)
    .set({ startedAt: new Date(Date.now() - minutes * MINUTE), runningSince: new Date(Date.now() - minutes * MINUTE) })
    .where(eq(ticketSla.ticketId, id));

beforeAll(async () => {
  t = await createTestApp();
  const team = await setupTeam(t);
  owner = team.owner;
  agent = team.agent.cookie;
  workspaceId = team.workspace.id;
  stranger = team.stranger.cookie;
  vipId = (await call('POST', '/api/v1/customers/identify', { externalId: 'v-1', attributes: { plan: 'vip' } })).json().id;
  regularId = (await call('POST', '/api/v1/customers/identify', { externalId: 'r-1', attributes: { plan: 'free' } })).json().id;
  vipSegment = (
    await call('POST', '/api/v1/segments', {
      name: 'VIP',
      definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'vip' }] },
    })
  ).json().id;
});
afterAll(() => t.close());

describe('SLA policies', () => {
  it('replaces the set, refusing a foreign segment and a duplicate', async () => {
    const unknown = await call('PUT', '/api/v1/sla/policies', { policies: [{ ...POLICIES()[1], segmentId: newId() }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.field).toBe('policies.0.segmentId');
    const dup = await call('PUT', '/api/v1/sla/policies', { policies: [POLICIES()[0], POLICIES()[0]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.field).toBe('policies.1.priority');
    expect((await call('PUT', '/api/v1/sla/policies', { policies: POLICIES() }, agent)).statusCode).toBe(403);
    const saved = await call('PUT', '/api/v1/sla/policies', { policies: POLICIES() });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().policies.map(({ id: _id, ...p }: { id: string }) => p)).toEqual(POLICIES());
  });

  it('gives a ticket the most specific policy: its customer’s segment before its priority alone', async () => {
    const vip = await sla(await openTicket('high', vipId));
    const regular = await sla(await openTicket('high', regularId));
    expect(vip.firstResponse).toMatchObject({ targetMinutes: 30, breached: false, metAt: null });
    expect(vip.resolution.targetMinutes).toBe(240);
    expect(regular.firstResponse.targetMinutes).toBe(60);
    expect(regular.paused).toBe(false);
    const low = await sla(await openTicket('low', regularId));
    expect(low).toEqual({ policyId: null, paused: false, firstResponse: null, resolution: null });
  });
});

describe('SLA clock', () => {
  it('stands still while the ticket is pending on the customer, and runs on when it is open again', async () => {
    const id = await openTicket('high', regularId);
    await backdate(id, 30);
    await call('PATCH', `/api/v1/tickets/${id}`, { status: 'pending' });
    const paused = await sla(id);
    expect(paused.paused).toBe(true);
    expect(paused.firstResponse.dueAt).toBeNull();
    expect(paused.firstResponse.remainingMinutes).toBeCloseTo(30, 0);
    // Time passes while pending: nothing is counted.
    await t.database.db.update(ticketSla).set({ firstResponseUsed: 30, resolutionUsed: 30 }).where(eq(ticketSla.ticketId, id));
    expect((await sla(id)).firstResponse.remainingMinutes).toBe(30);

    const before = Date.now();
    await call('PATCH', `/api/v1/tickets/${id}`, { status: 'open' });
    const running = await sla(id);
    expect(running.paused).toBe(false);
    const due = Date.parse(running.firstResponse.dueAt);
    expect(due).toBeGreaterThanOrEqual(before + 30 * MINUTE);
    expect(due).toBeLessThan(Date.now() + 30 * MINUTE + 1000);
    expect(Date.parse(running.resolution.dueAt)).toBeGreaterThanOrEqual(before + 450 * MINUTE);
  });

  it('stops at the first response and at resolution, and restarts the resolution clock on reopen', async () => {
    const id = await openTicket('high', regularId);
    await backdate(id, 20);
    const scope = new WorkspaceScope(t.database, workspaceId);
    await scope.transaction(async (tx) => {
      const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, id));
      await ticketFirstResponse(scope, tx, ticket, new Date());
    });
    const answered = await sla(id);
    expect(answered.firstResponse.metAt).not.toBeNull();
    expect(answered.firstResponse.dueAt).toBeNull();
    expect(answered.firstResponse.remainingMinutes).toBeCloseTo(40, 0);
    expect(answered.resolution.dueAt).not.toBeNull();

    await call('PATCH', `/api/v1/tickets/${id}`, { status: 'resolved' });
    const resolved = await sla(id);
    expect(resolved.resolution).toMatchObject({ dueAt: null, breached: false });
    expect(resolved.resolution.metAt).not.toBeNull();
    expect(resolved.paused).toBe(false);

    await call('PATCH', `/api/v1/tickets/${id}`, { status: 'open' });
    const reopened = await sla(id);
    expect(reopened.resolution.metAt).toBeNull();
    expect(reopened.resolution.dueAt).not.toBeNull();
    expect(reopened.resolution.remainingMinutes).toBeCloseTo(460, 0);
    expect(reopened.firstResponse.metAt).toBe(answered.firstResponse.metAt);
  });

  it('records a warning and a breach once each, however often the scan runs', async () => {
    const id = await openTicket('normal', regularId);
    const [{ startedAt }] = await t.database.db.select().from(ticketSla).where(eq(ticketSla.ticketId, id));
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE);
    const mine = async (minutes: number) => (await scanSlaClocks(t.database, at(minutes))).filter((tr) => tr.ticketId === id);

    expect(await mine(79)).toEqual([]);
    expect(await mine(81)).toEqual([{ kind: 'sla_warning', ticketId: id, target: 'first_response' }]);
    expect(await mine(82)).toEqual([]);
    expect(await mine(101)).toEqual([{ kind: 'sla_breached', ticketId: id, target: 'first_response' }]);
    expect(await mine(101)).toEqual([]);
    const state = await sla(id);
    expect(state.firstResponse).toMatchObject({ warned: true, breached: true });
    expect(state.resolution).toMatchObject({ warned: false, breached: false });
  });

  it('records a breach found when the clock stops between two scans, and the scan does not repeat it', async () => {
    const id = await openTicket('normal', regularId);
    await backdate(id, 120);
    await call('PATCH', `/api/v1/tickets/${id}`, { status: 'resolved' });
    const state = await sla(id);
    expect(state.firstResponse).toMatchObject({ breached: true, dueAt: null });
    expect(state.firstResponse.remainingMinutes).toBeCloseTo(-20, 0);
    expect(state.resolution).toMatchObject({ breached: false, dueAt: null });
    const [clock] = await t.database.db.select().from(ticketSla).where(eq(ticketSla.ticketId, id));
    expect(clock.firstResponseBreachedAt).not.toBeNull();
    expect(clock.resolutionBreachedAt).toBeNull();
    expect((await scanSlaClocks(t.database)).filter((tr) => tr.ticketId === id)).toEqual([]);
  });

  it('answers 404 for another workspace’s ticket', async () => {
    const id = await openTicket('high', regularId);
    expect((await call('GET', `/api/v1/tickets/${id}/sla`, undefined, stranger)).statusCode).toBe(404);
  });

  it('works the due times of running clocks out again when the business hours change', async () => {
    const id = await openTicket('high', regularId);
    await backdate(id, 10);
    // Open only 09:00–10:00 UTC on the weekday three days from now: 50 minutes left fall due at 09:50 that day.
    const day = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    const hours = { timeZone: 'UTC', weekStart: 1, weekly: [{ weekday, start: '09:00', end: '10:00' }], holidays: [] };
    expect((await call('PUT', '/api/v1/business-hours', hours)).statusCode).toBe(200);
    const state = await sla(id);
    const expected = Date.parse(`${day.toISOString().slice(0, 10)}T09:50:00Z`);
    expect(Math.abs(Date.parse(state.firstResponse.dueAt) - expected)).toBeLessThan(5000);
  });
});
