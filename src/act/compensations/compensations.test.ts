// Compensations through the API: the approval step (an agent's above the workspace's limit for
// its currency waits for an owner or admin), who approved it and when, and the customer's timeline.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { setupTeam } from '../../platform/testing/team.js';
import { newId } from '../../platform/ids.js';
import type { Compensation } from '../../contracts/act.js';

let t: TestApp;
let owner: string;
let agent: string;
let agentId: string;
let ownerId: string;
let stranger: string;
let customerId: string;

type Method = 'GET' | 'POST' | 'PUT';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload || method !== 'GET' ? { payload: payload ?? {} } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  const team = await setupTeam(t);
  owner = team.owner;
  ({ cookie: agent, id: agentId } = team.agent);
  stranger = team.stranger.cookie;
  ownerId = (await call(owner, 'GET', '/api/v1/me')).json().user.id;
  customerId = (await call(owner, 'POST', '/api/v1/customers/identify', { externalId: 'c-1', name: 'Sara', locale: 'fa' })).json().id;
});
afterAll(() => t.close());

describe('compensations', () => {
  it("holds an agent's compensation above the currency's limit for an owner's or admin's approval", async () => {
    expect((await call(owner, 'GET', '/api/v1/compensations/approval-limits')).json()).toEqual({ limits: [] });
    // Only owners and admins set limits; a bad currency or a second limit for one is refused.
    expect((await call(agent, 'PUT', '/api/v1/compensations/approval-limits', { limits: [] })).statusCode).toBe(403);
    const badCurrency = await call(owner, 'PUT', '/api/v1/compensations/approval-limits', { limits: [{ currency: 'usd', maxAmount: 5 }] });
    expect(badCurrency.statusCode).toBe(400);
    expect(badCurrency.json().error.field).toBe('limits.0.currency');
    const twice = await call(owner, 'PUT', '/api/v1/compensations/approval-limits', {
      limits: [
        { currency: 'USD', maxAmount: 5 },
        { currency: 'USD', maxAmount: 6 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.field).toBe('limits');
    const set = await call(owner, 'PUT', '/api/v1/compensations/approval-limits', {
      limits: [
        { currency: 'USD', maxAmount: 50 },
        { currency: 'IRR', maxAmount: '۵۰۰۰۰۰۰' },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().limits).toEqual([
      { currency: 'IRR', maxAmount: 5_000_000 },
      { currency: 'USD', maxAmount: 50 },
    ]);

    const give = (cookie: string, amount: number, currency: string) =>
      call(cookie, 'POST', '/api/v1/compensations', { customerId, kind: 'credit', amount, currency, note: 'Late delivery' });
    const big = (await give(agent, 80, 'USD')).json() as Compensation;
    expect(big).toMatchObject({ status: 'pending_approval', approvedBy: null, approvedAt: null, createdBy: agentId });
    const small = (await give(agent, 20, 'USD')).json() as Compensation;
    expect(small).toMatchObject({ status: 'approved', approvedBy: agentId, createdBy: agentId });
    expect(small.approvedAt).toBeTruthy();
    // No limit for this currency: given at once.
    expect((await give(agent, 900, 'SAR')).json()).toMatchObject({ status: 'approved' });
    // An owner's own is approved at once, whatever the amount.
    expect((await give(owner, 5000, 'USD')).json()).toMatchObject({ status: 'approved', approvedBy: ownerId });

    const pending = (await call(owner, 'GET', '/api/v1/compensations?status=pending_approval')).json().data as Compensation[];
    expect(pending.map((c) => c.id)).toEqual([big.id]);

    // Agents cannot approve; another workspace's owner finds nothing.
    expect((await call(agent, 'POST', `/api/v1/compensations/${big.id}/approve`)).statusCode).toBe(403);
    expect((await call(stranger, 'POST', `/api/v1/compensations/${big.id}/approve`)).statusCode).toBe(404);
    expect((await call(owner, 'POST', `/api/v1/compensations/${newId()}/approve`)).statusCode).toBe(404);
    const approved = await call(owner, 'POST', `/api/v1/compensations/${big.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: ownerId });
    // Approving twice keeps the first approval.
    const again = await call(owner, 'POST', `/api/v1/compensations/${big.id}/approve`);
    expect(again.json().approvedAt).toBe(approved.json().approvedAt);

    // The customer's history shows each with who approved it.
    const timeline = (await call(owner, 'GET', `/api/v1/customers/${customerId}/timeline`)).json().data as Array<Record<string, unknown>>;
    const entry = timeline.find((e) => e.id === big.id)!;
    expect(entry).toMatchObject({ kind: 'compensation', status: 'approved', approvedBy: ownerId, amount: 80, currency: 'USD' });
    expect(new Date(entry.approvedAt as string).toISOString()).toBe(approved.json().approvedAt);
  });
});
