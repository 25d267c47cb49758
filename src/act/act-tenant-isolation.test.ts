// Workspace A against workspace B's Act objects — rules, their runs, tickets and their
// conversation and SLA clock, canned replies, teams, tasks, compensations, segment members:
// 404 for each id, and none of B's rows in A's lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../platform/testing/signed-in-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let t: TestApp;
let asA: (method: Method, url: string, payload?: object) => ReturnType<SignedInApp['api']>;
const b: Record<string, string> = {};

beforeAll(async () => {
  const s = await signedInApp();
  t = s.t;
  // The owner belongs to both workspaces: B's objects are made in a session switched to B.
  const { workspace: wsB } = await s.otherWorkspace(['feedback:read']);
  const headers = { cookie: s.owner.cookie };
  asA = (method, url, payload) => s.api(method, url, payload, headers);
  const asB = async (method: Method, url: string, payload?: object) => {
    const res = await s.api(method, url, payload, headers);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  await asB('POST', '/api/v1/me/workspace', { workspaceId: wsB.id });
  b.customer = (await asB('POST', '/api/v1/customers/identify', { externalId: 'b-1', email: 'b@example.com' })).id;
  b.rule = (
    await asB('POST', '/api/v1/rules', {
      name: 'B urgent tickets',
      definition: { trigger: { kind: 'ticket_created' }, actions: [{ kind: 'set_ticket_priority', priority: 'urgent' }] },
    })
  ).id;
  b.ticket = (await asB('POST', '/api/v1/tickets', { subject: 'B secret ticket', customerId: b.customer })).id;
  await asB('POST', `/api/v1/tickets/${b.ticket}/messages`, { kind: 'note', body: 'B secret note' });
  b.canned = (await asB('POST', '/api/v1/canned-replies', { texts: { en: { title: 'B canned', body: 'Hi {{customer.name}}' } } })).id;
  b.team = (await asB('POST', '/api/v1/teams', { name: 'B team', memberIds: [] })).id;
  b.task = (await asB('POST', '/api/v1/tasks', { title: 'B secret task', customerId: b.customer })).id;
  b.compensation = (await asB('POST', '/api/v1/compensations', { customerId: b.customer, kind: 'gift', note: 'B secret gift' })).id;
  b.segment = (await asB('POST', '/api/v1/segments', { name: 'B segment', definition: { match: 'all', conditions: [] } })).id;
  await t.drainJobs();
  await asB('POST', '/api/v1/me/workspace', { workspaceId: s.workspace.id });
});
afterAll(() => t.close());

describe('Act across workspaces', () => {
  it("answers 404 for every one of another workspace's objects", async () => {
    for (const [method, url, payload] of [
      ['GET', `/api/v1/rules/${b.rule}`],
      ['PATCH', `/api/v1/rules/${b.rule}`, { enabled: false }],
      ['GET', `/api/v1/rules/${b.rule}/runs`],
      ['GET', `/api/v1/tickets/${b.ticket}`],
      ['PATCH', `/api/v1/tickets/${b.ticket}`, { status: 'resolved' }],
      ['GET', `/api/v1/tickets/${b.ticket}/messages`],
      ['POST', `/api/v1/tickets/${b.ticket}/messages`, { kind: 'note', body: 'x' }],
      ['GET', `/api/v1/tickets/${b.ticket}/sla`],
      ['PATCH', `/api/v1/canned-replies/${b.canned}`, { texts: { en: { title: 'x', body: 'x' } } }],
      ['DELETE', `/api/v1/canned-replies/${b.canned}`],
      ['PATCH', `/api/v1/teams/${b.team}`, { name: 'x' }],
      ['DELETE', `/api/v1/teams/${b.team}`],
      ['PATCH', `/api/v1/tasks/${b.task}`, { status: 'done' }],
      ['POST', `/api/v1/compensations/${b.compensation}/approve`, {}],
      ['POST', `/api/v1/segments/${b.segment}/members`, { customerIds: [b.customer] }],
    ] as Array<[Method, string, object?]>) {
      const res = await asA(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      // The object is not found, not the route.
      expect(res.json().error.message, `${method} ${url}`).not.toMatch(/^No route/);
    }
  });

  it("lists none of another workspace's rows, and takes none of its ids as references", async () => {
    for (const url of [
      '/api/v1/rules',
      '/api/v1/tickets',
      '/api/v1/canned-replies',
      '/api/v1/teams',
      '/api/v1/tasks',
      '/api/v1/compensations',
      '/api/v1/reply-drafts',
    ]) {
      const body = (await asA('GET', url)).body;
      for (const id of Object.values(b)) expect(body, url).not.toContain(id);
      expect(body, url).not.toContain('B secret');
    }
    expect((await asA('POST', '/api/v1/tickets', { subject: 'x', customerId: b.customer })).statusCode).toBe(422);
    expect((await asA('POST', '/api/v1/tasks', { title: 'x', ticketId: b.ticket })).statusCode).toBe(422);
    const rule = await asA('POST', '/api/v1/rules', {
      name: 'Into B',
      definition: { trigger: { kind: 'ticket_created' }, actions: [{ kind: 'add_to_segment', segmentId: b.segment }] },
    });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().error.field).toBe('definition.actions.0.segmentId');
  });
});
