// The "add to segment" action on a real database: the customer a rule adds is in the segment for
// every reader of it (member list, count, survey targeting, rule conditions); an unknown segment
// is refused when the rule is saved, and adding twice keeps one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { segmentMemberships } from '../../customers/segments/segment-membership.js';
import { matchesSegment } from '../../collect/surveys/survey-triggers.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { eq } from 'drizzle-orm';

let s: SignedInApp;
const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  s.api(method, url, payload, { cookie: s.owner.cookie });

beforeAll(async () => {
  s = await signedInApp({ scopes: ['customers:read', 'customers:write', 'events:write', 'feedback:read', 'feedback:write'] });
});
afterAll(async () => {
  await s.t.close();
});

/** A segment whose definition matches nobody, so only additions put customers in it. */
async function emptySegment(name: string): Promise<string> {
  const res = await as('POST', '/api/v1/segments', {
    name,
    definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'nobody-has-this' }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('the add to segment action', () => {
  it('refuses a segment that is not one of the workspace, naming the field', async () => {
    const other = await s.otherWorkspace(['customers:read', 'customers:write']);
    const foreign = await s.api(
      'POST',
      '/api/v1/segments',
      { name: 'Theirs', definition: { match: 'all', conditions: [] } },
      { authorization: `Bearer ${other.key}` },
    );
    expect(foreign.statusCode, foreign.body).toBe(201);
    for (const segmentId of [foreign.json().id, '00000000-0000-4000-8000-000000000000']) {
      const res = await as('POST', '/api/v1/rules', {
        name: 'Bad segment',
        definition: { trigger: { kind: 'order_placed' }, actions: [{ kind: 'add_to_segment', segmentId }] },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'unknown_segment', field: 'definition.actions.0.segmentId' });
    }
    const [{ n }] = await s.t.database.rows<{ n: number }>(sql`select count(*)::int as n from rules`);
    expect(n).toBe(0);
  });

  it('adds the customer once: the segment lists and counts them, survey targeting and rule conditions see them', async () => {
    const segmentId = await emptySegment('Bought something');
    const rule = await as('POST', '/api/v1/rules', {
      name: 'Buyers into a segment',
      definition: { trigger: { kind: 'order_placed' }, actions: [{ kind: 'add_to_segment', segmentId }] },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    // A second rule listens for the same trigger with a condition on the segment.
    const follow = await as('POST', '/api/v1/rules', {
      name: 'Tag members',
      definition: {
        trigger: { kind: 'feedback_created' },
        conditions: [{ field: 'customer.segment', operator: 'includes', value: segmentId }],
        actions: [{ kind: 'tag_item', tag: 'member' }],
      },
    });
    expect(follow.statusCode, follow.body).toBe(201);
    for (const externalId of ['a-1', 'a-2'])
      await s.api('POST', '/api/v1/orders', { externalId, amount: 5, currency: 'USD', customer: { externalId: 'buyer' } });
    await s.api('POST', '/api/v1/customers/identify', { externalId: 'bystander' });
    await s.t.drainJobs();

    const runs = (await as('GET', `/api/v1/rules/${rule.json().id}/runs`)).json().data;
    expect(runs).toHaveLength(2);
    for (const run of runs) expect(run).toMatchObject({ status: 'done', actions: [{ kind: 'add_to_segment', ok: true }] });
    const scope = new WorkspaceScope(s.t.database, s.workspace.id);
    const [buyer] = await scope.db
      .select()
      .from(customers)
      .where(scope.where(customers, eq(customers.externalId, 'buyer')));
    const [bystander] = await scope.db
      .select()
      .from(customers)
      .where(scope.where(customers, eq(customers.externalId, 'bystander')));
    const rows = await s.t.database.rows<{ customer_id: string; added_by_rule_id: string }>(
      sql`select customer_id, added_by_rule_id from segment_members where segment_id = ${segmentId}`,
    );
    expect(rows).toEqual([{ customer_id: buyer.id, added_by_rule_id: rule.json().id }]);

    const listed = (await as('GET', `/api/v1/segments/${segmentId}/customers`)).json().data;
    expect(listed.map((c: { id: string }) => c.id)).toEqual([buyer.id]);
    expect((await as('GET', `/api/v1/segments/${segmentId}`)).json().memberCount).toBe(1);

    const memberships = await segmentMemberships(scope, [segmentId], [buyer.id, bystander.id]);
    const targeting = [{ field: 'segment', op: 'eq' as const, value: segmentId }];
    expect(matchesSegment(buyer, targeting, memberships)).toBe(true);
    expect(matchesSegment(bystander, targeting, memberships)).toBe(false);

    const item = (await s.api('POST', '/api/v1/feedback', { channel: 'chat', text: 'hi', customerId: buyer.id })).json().id;
    const other = (await s.api('POST', '/api/v1/feedback', { channel: 'chat', text: 'hi', customerId: bystander.id })).json().id;
    await s.t.drainJobs();
    const tags = await s.t.database.rows<{ id: string; tags: string[] }>(
      sql`select id, tags from feedback_items where id in (${item}, ${other})`,
    );
    expect(Object.fromEntries(tags.map((r) => [r.id, r.tags]))).toEqual({ [item]: ['member'], [other]: [] });
    await s.t.database.rows(sql`delete from rules`);
  });
});
