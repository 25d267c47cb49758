import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { setupTeam } from '../../platform/testing/team.js';
import { newId } from '../../platform/ids.js';

let t: TestApp;
let owner: string;
let viewer: string;
let otherOwner: string;
let itemIds: string[];

type Method = 'GET' | 'POST' | 'PATCH';
const call = (method: Method, url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, payload });
const ownerCall = (method: Method, url: string, payload?: object) => call(method, url, owner, payload);

beforeAll(async () => {
  t = await createTestApp();
  ({
    owner,
    viewer: { cookie: viewer },
    stranger: { cookie: otherOwner },
  } = await setupTeam(t));
  const created = await ownerCall('POST', '/api/v1/feedback/bulk', {
    items: [
      { channel: 'widget', text: 'لطفا حالت شب اضافه کنید', customer: { externalId: 'a' } },
      { channel: 'email', text: 'ياريت يكون فيه وضع ليلي', customer: { externalId: 'b' } },
      { channel: 'chat', text: '希望增加夜间模式', customer: { externalId: 'b' } },
      { channel: 'chat', text: 'Please add a dark mode' },
    ],
  });
  itemIds = created.json().results.map((r: { id: string }) => r.id);
});
afterAll(() => t.close());

describe('ideas', () => {
  let ideaId: string;

  it('groups feedback items that ask for the same thing, counting items and customers', async () => {
    const res = await ownerCall('POST', '/api/v1/ideas', {
      title: 'Dark mode',
      description: 'Asked in four languages',
      feedbackIds: itemIds.slice(0, 3),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'Dark mode', status: 'new', feedbackCount: 3, customerCount: 2 });
    ideaId = res.json().id;
    // Linking again is harmless; the new item is counted once.
    expect((await ownerCall('POST', `/api/v1/ideas/${ideaId}/feedback`, { feedbackIds: [itemIds[2], itemIds[3]] })).json()).toEqual({
      linked: 1,
    });
    const idea = (await ownerCall('GET', `/api/v1/ideas/${ideaId}`)).json();
    expect(idea.feedbackCount).toBe(4);
    expect(idea.feedback.map((f: { id: string }) => f.id).sort()).toEqual([...itemIds].sort());
    expect((await ownerCall('POST', `/api/v1/ideas/${ideaId}/feedback/remove`, { feedbackIds: [itemIds[3]] })).json()).toEqual({
      unlinked: 1,
    });
    const [listed] = (await ownerCall('GET', '/api/v1/ideas')).json().data;
    expect(listed).toMatchObject({ id: ideaId, feedbackCount: 3, customerCount: 2 });
  });

  it('moves through its statuses, remembering when the status last changed', async () => {
    const before = (await ownerCall('GET', `/api/v1/ideas/${ideaId}`)).json().statusChangedAt;
    const planned = (await ownerCall('PATCH', `/api/v1/ideas/${ideaId}`, { status: 'planned' })).json();
    expect(planned.status).toBe('planned');
    expect(new Date(planned.statusChangedAt).getTime()).toBeGreaterThanOrEqual(new Date(before).getTime());
    const renamed = (await ownerCall('PATCH', `/api/v1/ideas/${ideaId}`, { title: 'Dark theme' })).json();
    expect(renamed.statusChangedAt).toBe(planned.statusChangedAt);
    expect((await ownerCall('GET', '/api/v1/ideas?status=planned')).json().data.map((i: { id: string }) => i.id)).toEqual([ideaId]);
    expect((await ownerCall('GET', '/api/v1/ideas?status=done')).json().data).toEqual([]);
  });

  it('refuses bad input with the field named', async () => {
    const field = async (res: Promise<{ json(): { error: { field: string } } }>) => (await res).json().error.field;
    expect(await field(ownerCall('POST', '/api/v1/ideas', { title: ' ' }))).toBe('title');
    expect(await field(ownerCall('PATCH', `/api/v1/ideas/${ideaId}`, { status: 'shipped' }))).toBe('status');
    expect(await field(ownerCall('POST', `/api/v1/ideas/${ideaId}/feedback`, { feedbackIds: [newId()] }))).toBe('feedbackIds');
    expect(await field(ownerCall('POST', `/api/v1/ideas/${ideaId}/feedback`, { feedbackIds: [] }))).toBe('feedbackIds');
    expect((await ownerCall('GET', `/api/v1/ideas/${newId()}`)).statusCode).toBe(404);
  });

  it('lets viewers read but not write, and keeps workspaces apart', async () => {
    expect((await call('GET', '/api/v1/ideas', viewer)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/ideas', viewer, { title: 'x' })).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/ideas/${ideaId}`, otherOwner)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/ideas/${ideaId}/feedback`, otherOwner, { feedbackIds: [itemIds[0]] })).statusCode).toBe(404);
    // Another workspace's idea cannot take this workspace's items either.
    const theirs = (await call('POST', '/api/v1/ideas', otherOwner, { title: 'Theirs' })).json().id;
    expect((await call('POST', `/api/v1/ideas/${theirs}/feedback`, otherOwner, { feedbackIds: [itemIds[0]] })).statusCode).toBe(422);
  });
});

describe('explorer bulk actions: ticket and idea', () => {
  const bulk = (payload: object, headers: Record<string, string> = { cookie: owner }) =>
    t.app.inject({ method: 'POST', url: '/api/v1/feedback/bulk-update', headers, payload });

  it('opens one ticket for the selected items and links them to a new or existing idea, in one transaction', async () => {
    const res = await bulk({
      ids: itemIds.slice(1, 3),
      createTicket: { subject: 'Night mode requests', priority: 'low' },
      addToIdea: { title: 'Night mode' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      updated: 2,
      ticket: { number: 1, subject: 'Night mode requests' },
      idea: { title: 'Night mode', status: 'new' },
    });
    const ticket = (await ownerCall('GET', `/api/v1/tickets/${body.ticket.id}`)).json();
    expect(ticket).toMatchObject({ priority: 'low', feedbackCount: 2 });
    expect(ticket.customerId).not.toBeNull(); // both items are customer b's
    const existing = await bulk({ ids: [itemIds[3]], addToIdea: { ideaId: body.idea.id } });
    expect(existing.json().idea.id).toBe(body.idea.id);
    expect((await ownerCall('GET', `/api/v1/ideas/${body.idea.id}`)).json().feedbackCount).toBe(3);
  });

  it('changes nothing when one part fails, and checks the permissions of each action', async () => {
    const tickets = async () => (await ownerCall('GET', '/api/v1/tickets')).json().data.length;
    const before = await tickets();
    const res = await bulk({ ids: [itemIds[0]], createTicket: { subject: 'Rolled back' }, addToIdea: { ideaId: newId() } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toBe('addToIdea.ideaId');
    expect(await tickets()).toBe(before);
    expect((await ownerCall('GET', `/api/v1/feedback/${itemIds[0]}`)).json().links.ticketId).toBeNull();
    const key = await createKey(t, owner, ['feedback:read', 'feedback:write']);
    expect((await bulk({ ids: [itemIds[0]], createTicket: { subject: 'x' } }, bearer(key))).statusCode).toBe(403);
    expect((await bulk({ ids: [itemIds[0]], addToIdea: { title: 'x' } }, bearer(key))).statusCode).toBe(403);
    expect((await bulk({ ids: [itemIds[0]], addTags: ['ok'] }, bearer(key))).statusCode).toBe(200);
  });
});
