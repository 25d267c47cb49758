// Assignment through the API: topic owners, round-robin within a team (also under concurrent
// creates), least-loaded, the workspace's automatic assignment, and the inbox's queues.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { addMember } from '../../platform/testing/members.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

let t: TestApp;
let owner: { cookie: string; id: string };
const agents: Array<{ cookie: string; id: string }> = [];
let viewer: { cookie: string; id: string };

type Method = 'GET' | 'POST' | 'PATCH';
const as = (who: { cookie: string }) => (method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
const api = (method: Method, url: string, payload?: object) => as(owner)(method, url, payload);
const create = async (body: object) => {
  const res = await api('POST', '/api/v1/tickets', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  const setup = await setupOwner(t);
  owner = { cookie: setup.cookie, id: setup.body.user.id };
  const [workspace] = await t.database.db.select().from(workspaces);
  for (const name of ['a', 'b', 'c']) agents.push(await addMember(t, workspace.id, `${name}@example.com`, 'agent'));
  viewer = await addMember(t, workspace.id, 'viewer@example.com', 'viewer');
});
afterAll(() => t.close());

describe('assignment', () => {
  it('leaves new tickets unassigned until the workspace turns it on, then goes round the team in turn', async () => {
    expect((await create({ subject: 'before' })).assigneeId).toBeNull();
    const team = await api('POST', '/api/v1/teams', { name: 'Support', memberIds: [agents[0].id, agents[1].id] });
    expect(team.statusCode, team.body).toBe(201);
    expect((await as(agents[0])('PATCH', '/api/v1/assignment', { mode: 'round_robin' })).statusCode).toBe(403);
    const bad = await api('PATCH', '/api/v1/assignment', { mode: 'round_robin', teamId: '0190f000-0000-7000-8000-000000000000' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('teamId');
    expect((await api('GET', '/api/v1/assignment')).json().mode).toBe('off');

    await api('PATCH', '/api/v1/assignment', { mode: 'round_robin', teamId: team.json().id });
    const order = [...team.json().memberIds].sort();
    const turns = [];
    for (let i = 0; i < 3; i++) turns.push((await create({ subject: `rr ${i}` })).assigneeId);
    expect(turns).toEqual([order[0], order[1], order[0]]);
    // Several at once still take turns: the rotation is kept in the database, under a row lock.
    const together = await Promise.all([1, 2, 3, 4].map((i) => create({ subject: `together ${i}` })));
    const counts = new Map<string, number>();
    for (const tk of together) counts.set(tk.assigneeId, (counts.get(tk.assigneeId) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2]);
    // Asking for nobody explicitly is respected.
    expect((await create({ subject: 'nobody', assigneeId: null })).assigneeId).toBeNull();
  });

  it('gives a topic to its owner, a topic owned by a team to its members in turn, and the rest round-robin', async () => {
    const bad = await api('PATCH', '/api/v1/assignment', { topicOwners: [{ topic: 'no-such-topic', userId: agents[2].id }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('topicOwners.0.topic');
    const both = await api('PATCH', '/api/v1/assignment', { topicOwners: [{ topic: 'delivery', userId: agents[2].id, teamId: null }] });
    expect(both.statusCode, both.body).toBe(200);
    const saved = await api('PATCH', '/api/v1/assignment', {
      mode: 'topic',
      topicOwners: [{ topic: 'delivery', userId: agents[2].id }],
    });
    expect(saved.json()).toMatchObject({ mode: 'topic', topicOwners: [{ topic: 'delivery', userId: agents[2].id, teamId: null }] });
    const delivery = await create({ subject: 'late parcel', topic: 'delivery' });
    expect(delivery.assigneeId).toBe(agents[2].id);
    expect(delivery.topic).toBe('delivery');
    const unknown = await api('POST', '/api/v1/tickets', { subject: 'x', topic: 'nope' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.field).toBe('topic');
    // No owner for this topic: round-robin within the workspace's team.
    const other = await create({ subject: 'price', topic: 'price' });
    expect([agents[0].id, agents[1].id]).toContain(other.assigneeId);
  });

  it('gives a new ticket to whoever has the fewest open tickets', async () => {
    await api('PATCH', '/api/v1/assignment', { mode: 'least_loaded', teamId: null });
    // c has one open ticket (delivery); a and b several; the owner has none.
    const next = await create({ subject: 'least loaded' });
    expect(next.assigneeId).toBe(owner.id);
    const then = await create({ subject: 'least loaded again' });
    expect([owner.id, agents[2].id]).toContain(then.assigneeId);
    await api('PATCH', '/api/v1/assignment', { mode: 'off' });
  });
});

describe('inbox queues', () => {
  it('lists mine, unassigned and breaching soon, and refuses "mine" to an API key', async () => {
    const mine = (await as(agents[2])('GET', '/api/v1/tickets?queue=mine')).json().data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((tk: { assigneeId: string }) => tk.assigneeId === agents[2].id)).toBe(true);
    const unassigned = (await api('GET', '/api/v1/tickets?queue=unassigned&limit=100')).json().data;
    expect(unassigned.map((tk: { subject: string }) => tk.subject).sort()).toEqual(['before', 'nobody']);

    const urgent = await create({ subject: 'urgent one', priority: 'urgent' });
    const low = await create({ subject: 'low one', priority: 'low' });
    const breaching = (await api('GET', '/api/v1/tickets?queue=breaching&limit=100')).json().data;
    const position = (id: string) => breaching.findIndex((tk: { id: string }) => tk.id === id);
    expect(position(urgent.id)).toBe(0);
    expect(position(low.id)).toBe(breaching.length - 1);
    expect(breaching[0].dueAt).not.toBeNull();
    // Pending on the customer: off the clock, out of the queue.
    await api('PATCH', `/api/v1/tickets/${urgent.id}`, { status: 'pending' });
    expect((await api('GET', '/api/v1/tickets?queue=breaching&limit=100')).json().data.map((tk: { id: string }) => tk.id)).not.toContain(
      urgent.id,
    );

    const key = (await api('POST', '/api/v1/api-keys', { name: 'k', scopes: ['tickets:read'] })).json().key;
    const byKey = await t.app.inject({ method: 'GET', url: '/api/v1/tickets?queue=mine', headers: { authorization: `Bearer ${key}` } });
    expect(byKey.statusCode).toBe(422);
    expect(byKey.json().error.field).toBe('queue');
    expect((await as(viewer)('GET', '/api/v1/tickets?queue=unassigned')).statusCode).toBe(200);
  });

  it('keeps tags and a team on a ticket and filters by them', async () => {
    const team = (await api('GET', '/api/v1/teams')).json().data[0];
    const tk = await create({ subject: 'tagged', tags: ['vip', 'refund', 'vip'], teamId: team.id });
    expect(tk.tags).toEqual(['vip', 'refund']);
    const changed = await api('PATCH', `/api/v1/tickets/${tk.id}`, { tags: ['refund'], teamId: null });
    expect(changed.json()).toMatchObject({ tags: ['refund'], teamId: null });
    expect((await api('GET', '/api/v1/tickets?tag=refund')).json().data.map((r: { id: string }) => r.id)).toEqual([tk.id]);
    const badTeam = await api('PATCH', `/api/v1/tickets/${tk.id}`, { teamId: '0190f000-0000-7000-8000-000000000000' });
    expect(badTeam.statusCode).toBe(422);
    expect(badTeam.json().error.field).toBe('teamId');
  });
});
