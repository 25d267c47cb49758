// The explorer's filters (tag, assignee, ticket, survey) and bulk actions.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { analysisCorrections } from '../../analyze/corrections/corrections.tables.js';
import { newId } from '../../platform/ids.js';
import { addMember } from '../../platform/testing/members.js';

let t: TestApp;
let key: string;
let owner: string;
let viewer: string;
let agentId: string;
let strangerId: string;
let ids: string[];

let ticketId: string;
const surveyId = newId();

beforeAll(async () => {
  t = await createTestApp();
  const setup = await setupOwner(t);
  owner = setup.cookie;
  key = await createKey(t, owner);
  const [ws] = await t.database.db.select().from(workspaces);
  ({ cookie: viewer } = await addMember(t, ws.id, 'viewer@example.com', 'viewer'));
  ({ id: agentId } = await addMember(t, ws.id, 'agent@example.com', 'agent'));
  // A user who only belongs to another workspace.
  const other = await createWorkspace(t.database, ws.organizationId, setup.body.user.id, 'Other');
  ({ id: strangerId } = await addMember(t, other.id, 'stranger@example.com', 'agent'));
  ticketId = (
    await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { cookie: owner }, payload: { subject: 'Late parcel' } })
  ).json().id;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback/bulk',
    headers: bearer(key),
    payload: {
      items: [
        {
          channel: 'email',
          text: 'The parcel arrived late',
          createdAt: '2026-01-01T10:00:00Z',
          links: { ticketId },
          customer: { externalId: 'vip-1', locale: 'fa' },
        },
        { channel: 'survey', text: 'Great app', nps: 9, createdAt: '2026-01-02T10:00:00Z', metadata: { survey_id: surveyId } },
        { channel: 'chat', text: 'Price is too high', createdAt: '2026-01-03T10:00:00Z', metadata: { product: 'کفش' } },
      ],
    },
  });
  ids = res.json().results.map((r: { id: string }) => r.id);
});
afterAll(() => t.close());

const list = async (qs: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/feedback?${qs}`, headers: bearer(key) });
  expect(res.statusCode).toBe(200);
  return res.json().data.map((i: { id: string }) => i.id) as string[];
};
const bulkUpdate = (payload: object, headers: Record<string, string> = bearer(key)) =>
  t.app.inject({ method: 'POST', url: '/api/v1/feedback/bulk-update', headers, payload });

describe('bulk update', () => {
  it('adds and removes tags on many items in one call', async () => {
    expect((await bulkUpdate({ ids: ids.slice(0, 2), addTags: ['vip', 'late'] })).json()).toEqual({ updated: 2 });
    expect((await bulkUpdate({ ids: [ids[1]], addTags: ['vip'], removeTags: ['late'] })).statusCode).toBe(200);
    const items = await Promise.all(
      ids.map(async (id) => (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/${id}`, headers: bearer(key) })).json()),
    );
    expect(items.map((i) => i.tags)).toEqual([['late', 'vip'], ['vip'], []]);
  });

  it('adds a topic as a correction that re-analysis keeps', async () => {
    const res = await bulkUpdate({ ids: [ids[0], ids[2]], addTopic: 'delivery' });
    expect(res.statusCode).toBe(200);
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/${ids[0]}`, headers: bearer(key) })).json();
    expect(item.topics).toContain('delivery');
    expect(item.correctedFields).toContain('topics');
    const examples = await t.database.db.select().from(analysisCorrections).where(eq(analysisCorrections.field, 'topics'));
    expect(examples).toHaveLength(2);
    await t.drainJobs();
    expect(await list('topic=delivery')).toEqual(expect.arrayContaining([ids[0], ids[2]]));
  });

  it('assigns to a member of the workspace, and unassigns', async () => {
    expect((await bulkUpdate({ ids: ids.slice(1), assigneeId: agentId })).statusCode).toBe(200);
    expect((await list(`assignee_id=${agentId}`)).sort()).toEqual(ids.slice(1).sort());
    expect((await bulkUpdate({ ids: [ids[2]], assigneeId: null })).statusCode).toBe(200);
    expect(await list(`assignee_id=${agentId}`)).toEqual([ids[1]]);
    expect((await list('assignee_id=none')).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('refuses a teammate of another workspace, an unknown topic or item, and changes nothing', async () => {
    const stranger = await bulkUpdate({ ids, assigneeId: strangerId, addTags: ['nope'] });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.field).toBe('assigneeId');
    expect((await bulkUpdate({ ids, addTopic: 'no_such_topic', addTags: ['nope'] })).json().error.field).toBe('addTopic');
    expect((await bulkUpdate({ ids: [...ids, newId()], addTags: ['nope'] })).json().error.field).toBe('ids');
    expect(await list('tag=nope')).toEqual([]);
  });

  it.each([
    [{ ids: [], addTags: ['a'] }, 'ids'],
    [{ ids: Array.from({ length: 501 }, () => newId()), addTags: ['a'] }, 'ids'],
    [{ ids: ['x'], addTags: ['a'] }, 'ids'],
    [{ ids: [newId()] }, 'addTags'],
    [{ ids: [newId()], addTags: ['a,b'] }, 'addTags'],
  ])('400 naming the field', async (payload, field) => {
    const res = await bulkUpdate(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain(field);
  });

  it('is refused to viewers (403)', async () => {
    const res = await bulkUpdate({ ids: [ids[0]], addTags: ['x'] }, { cookie: viewer });
    expect(res.statusCode).toBe(403);
  });
});

describe('explorer filters', () => {
  it('filters by tag (all listed), ticket link and survey, combined with the others', async () => {
    expect(await list('tag=vip,late')).toEqual([ids[0]]);
    expect(await list('has_ticket=true')).toEqual([ids[0]]);
    expect(await list('has_ticket=false')).toEqual([ids[2], ids[1]]);
    expect(await list(`survey_id=${surveyId}`)).toEqual([ids[1]]);
    expect(await list(`tag=vip&channel=survey&from=2026-01-02T00:00:00Z`)).toEqual([ids[1]]);
  });

  it("filters by product (the item's metadata.product), one of several listed", async () => {
    expect(await list(`product=${encodeURIComponent('کفش')}`)).toEqual([ids[2]]);
    expect(await list(`product=${encodeURIComponent('کفش,bag')}&channel=chat`)).toEqual([ids[2]]);
    expect(await list('product=bag')).toEqual([]);
  });

  it('filters by segment: items of the customers it matches', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: { cookie: owner },
      payload: {
        name: 'Persian speakers',
        definition: { match: 'all', conditions: [{ kind: 'profile', field: 'locale', op: 'eq', value: 'fa' }] },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(await list(`segment=${res.json().id}&has_ticket=true`)).toEqual([ids[0]]);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/feedback?segment=${newId()}`, headers: bearer(key) });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.field).toBe('segment');
  });

  it.each([
    ['has_ticket=yes', 'has_ticket'],
    ['assignee_id=bob', 'assignee_id'],
    ['survey_id=1', 'survey_id'],
    ['segment=x', 'segment'],
    ['product=' + 'p'.repeat(101), 'product'],
  ])('400 for %s', async (qs, field) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/feedback?${qs}`, headers: bearer(key) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });
});
