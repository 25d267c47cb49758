import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { setupTeam } from '../../platform/testing/team.js';
import { newId } from '../../platform/ids.js';

let t: TestApp;
let owner: string;
let viewer: string;
let agentId: string;
let strangerId: string;
let otherOwner: string;
let customerId: string;
let itemIds: string[];

type Method = 'GET' | 'POST' | 'PATCH';
const call = (method: Method, url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, payload });
const ownerCall = (method: Method, url: string, payload?: object) => call(method, url, owner, payload);

beforeAll(async () => {
  t = await createTestApp();
  const team = await setupTeam(t);
  ({
    owner,
    viewer: { cookie: viewer },
    agent: { id: agentId },
    stranger: { id: strangerId, cookie: otherOwner },
  } = team);
  customerId = (
    await ownerCall('POST', '/api/v1/customers/identify', { externalId: 'c-1', email: 'sara@example.com', locale: 'fa' })
  ).json().id;
  const created = await ownerCall('POST', '/api/v1/feedback/bulk', {
    items: [
      { channel: 'email', text: 'بسته دیر رسید و جعبه پاره بود', customerId },
      { channel: 'chat', text: 'هنوز جوابی نگرفتم', customerId },
      { channel: 'chat', text: 'The price went up again' },
      { channel: 'chat', text: 'The app crashes at checkout', customer: { externalId: 'c-3' } },
    ],
  });
  itemIds = created.json().results.map((r: { id: string }) => r.id);
});
afterAll(() => t.close());

describe('tickets', () => {
  let ticketId: string;

  it('opens a ticket from feedback items, numbered per workspace, with their customer', async () => {
    const res = await ownerCall('POST', '/api/v1/tickets', {
      subject: 'Late, torn parcel',
      priority: 'high',
      assigneeId: agentId,
      feedbackIds: itemIds.slice(0, 2),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      number: 1,
      subject: 'Late, torn parcel',
      status: 'new',
      priority: 'high',
      customerId,
      assigneeId: agentId,
      feedbackCount: 2,
    });
    ticketId = res.json().id;
    const item = (await ownerCall('GET', `/api/v1/feedback/${itemIds[0]}`)).json();
    expect(item.links.ticketId).toBe(ticketId);
    const withTicket = (await ownerCall('GET', '/api/v1/feedback?has_ticket=true')).json().data.map((i: { id: string }) => i.id);
    expect(withTicket.sort()).toEqual(itemIds.slice(0, 2).sort());
    // Items of different customers (or none): no customer is guessed.
    const mixed = await ownerCall('POST', '/api/v1/tickets', { subject: 'Mixed', feedbackIds: [itemIds[2], itemIds[3]] });
    expect(mixed.json()).toMatchObject({ number: 2, customerId: null });
  });

  it('never gives two concurrent tickets the same number', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => ownerCall('POST', '/api/v1/tickets', { subject: `Parallel ${i}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.json().number)).size).toBe(6);
  });

  it('resolves and reopens, with the resolution time kept in step', async () => {
    const resolved = (await ownerCall('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'resolved' })).json();
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await ownerCall('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'closed' })).json().resolvedAt).toBe(resolved.resolvedAt);
    expect((await ownerCall('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'open' })).json().resolvedAt).toBeNull();
    // New tickets start "new"; the reopened one is open again.
    expect((await ownerCall('GET', '/api/v1/tickets?status=open')).json().data.map((x: { id: string }) => x.id)).toEqual([ticketId]);
    const list = (await ownerCall('GET', '/api/v1/tickets?status=new&limit=2')).json();
    expect(list.data).toHaveLength(2);
    expect(list.nextCursor).toBeTruthy();
    const next = (await ownerCall('GET', `/api/v1/tickets?status=new&limit=50&cursor=${list.nextCursor}`)).json();
    expect(new Set([...list.data, ...next.data].map((x: { id: string }) => x.id)).size).toBe(list.data.length + next.data.length);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const bad = async (payload: object, field: string, status = 400) => {
      const res = await ownerCall('POST', '/api/v1/tickets', payload);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.field).toBe(field);
    };
    const before = (await ownerCall('GET', '/api/v1/tickets?limit=100')).json().data.length;
    await bad({ subject: '' }, 'subject');
    await bad({ subject: 'x', priority: 'asap' }, 'priority');
    await bad({ subject: 'x', tenant: 'other' }, 'tenant');
    await bad({ subject: 'x', feedbackIds: [newId()] }, 'feedbackIds', 422);
    await bad({ subject: 'x', assigneeId: strangerId }, 'assigneeId', 422);
    await bad({ subject: 'x', customerId: newId() }, 'customerId', 422);
    expect((await ownerCall('GET', '/api/v1/tickets?limit=100')).json().data.length).toBe(before);
    const link = await ownerCall('POST', '/api/v1/feedback', { channel: 'api', text: 'x', links: { ticketId: newId() } });
    expect(link.statusCode).toBe(422);
    expect(link.json().error.field).toBe('links.ticketId');
  });

  it('lets viewers read but not write, and keeps workspaces apart', async () => {
    expect((await call('GET', '/api/v1/tickets', viewer)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/tickets', viewer, { subject: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/tickets/${ticketId}`, viewer, { status: 'closed' })).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/tickets/${ticketId}`, otherOwner)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/tickets', otherOwner)).json().data).toEqual([]);
    const key = await createKey(t, owner, ['feedback:read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: bearer(key) })).statusCode).toBe(403);
  });

  it("gathers tasks and compensations on the ticket and the customer's timeline", async () => {
    const task = await ownerCall('POST', '/api/v1/tasks', {
      title: 'Call Sara back',
      feedbackId: itemIds[0],
      ticketId,
      dueAt: '2026-12-01T09:00:00Z',
      assigneeId: agentId,
    });
    expect(task.statusCode).toBe(201);
    expect(task.json()).toMatchObject({ customerId, status: 'open', dueAt: '2026-12-01T09:00:00.000Z' });
    const done = (await ownerCall('PATCH', `/api/v1/tasks/${task.json().id}`, { status: 'done' })).json();
    expect(done.completedAt).not.toBeNull();
    expect((await ownerCall('GET', '/api/v1/tasks?status=done')).json().data.map((x: { id: string }) => x.id)).toEqual([task.json().id]);

    // Persian digits in the amount are read as numbers.
    const comp = await ownerCall('POST', '/api/v1/compensations', {
      customerId,
      kind: 'discount_code',
      code: 'SORRY20',
      amount: '۲۰۰۰۰۰',
      currency: 'IRR',
      ticketId,
      note: '<b>sorry</b>',
    });
    expect(comp.statusCode).toBe(201);
    expect(comp.json()).toMatchObject({ amount: 200000, currency: 'IRR', code: 'SORRY20', note: '<b>sorry</b>' });
    const noCode = await ownerCall('POST', '/api/v1/compensations', { customerId, kind: 'discount_code' });
    expect(noCode.json().error.field).toBe('code');
    const noCurrency = await ownerCall('POST', '/api/v1/compensations', { customerId, kind: 'credit', amount: 5 });
    expect(noCurrency.json().error.field).toBe('currency');

    const ticket = (await ownerCall('GET', `/api/v1/tickets/${ticketId}`)).json();
    expect(ticket.feedback.map((f: { id: string }) => f.id).sort()).toEqual(itemIds.slice(0, 2).sort());
    expect(ticket.tasks.map((x: { title: string }) => x.title)).toEqual(['Call Sara back']);
    expect(ticket.compensations.map((x: { kind: string }) => x.kind)).toEqual(['discount_code']);

    const timeline = (await ownerCall('GET', `/api/v1/customers/${customerId}/timeline`)).json().data as Array<{ kind: string }>;
    // Resolving the ticket recorded the customer's "ticket_resolved" event.
    expect(new Set(timeline.map((e) => e.kind))).toEqual(new Set(['feedback', 'ticket', 'task', 'compensation', 'event']));
    expect(timeline.find((e) => e.kind === 'compensation')).toMatchObject({
      compensationKind: 'discount_code',
      amount: 200000,
      currency: 'IRR',
    });
  });

  it('shows the messages sent to the customer (survey invitations) as notifications', async () => {
    const survey = (await ownerCall('POST', '/api/v1/surveys', { template: 'customer_service' })).json();
    const published = await ownerCall('POST', `/api/v1/surveys/${survey.id}/publish`, {});
    expect(published.json(), published.body).toMatchObject({ status: 'live' });
    expect((await ownerCall('POST', `/api/v1/surveys/${survey.id}/send`, { customerIds: [customerId] })).statusCode).toBe(202);
    const timeline = (await ownerCall('GET', `/api/v1/customers/${customerId}/timeline`)).json().data as Array<{ kind: string }>;
    expect(timeline.find((e) => e.kind === 'notification')).toMatchObject({
      channel: 'email',
      purpose: 'survey_invitation',
      surveyId: survey.id,
      status: 'queued',
      language: 'fa',
    });
  });

  it('moves tickets, tasks and compensations when customers merge', async () => {
    const target = (await ownerCall('POST', '/api/v1/customers/identify', { externalId: 'c-2', email: 'sara.k@example.com' })).json().id;
    const preview = (await ownerCall('POST', '/api/v1/customers/merge', { targetId: target, sourceId: customerId, preview: true })).json();
    expect(preview.moves).toMatchObject({ tickets: 1, tasks: 1, compensations: 1 });
    expect((await ownerCall('POST', '/api/v1/customers/merge', { targetId: target, sourceId: customerId })).statusCode).toBe(200);
    expect((await ownerCall('GET', `/api/v1/tickets?customerId=${target}`)).json().data).toHaveLength(1);
    expect((await ownerCall('GET', `/api/v1/compensations?customerId=${target}`)).json().data).toHaveLength(1);
    // A task for the old record lands on the surviving one.
    expect((await ownerCall('POST', '/api/v1/tasks', { title: 'Follow up', customerId })).json().customerId).toBe(target);
  });
});
