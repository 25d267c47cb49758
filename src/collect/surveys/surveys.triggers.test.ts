// Distribution rules: segment matching, quiet hours, and event/order triggers end to end.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { matchesSegment, outsideQuietHours } from './survey-triggers.js';

describe('quiet hours and segments', () => {
  it("moves a send out of the quiet window in the customer's time zone", () => {
    const quiet = { start: '21:00', end: '08:00' };
    // 23:30 in Tehran (UTC+3:30) is 20:00 UTC: wait until 08:00 Tehran = 04:30 UTC next day.
    expect(outsideQuietHours(new Date('2026-03-01T20:00:00Z'), 'Asia/Tehran', quiet).toISOString()).toBe('2026-03-02T04:30:00.000Z');
    expect(outsideQuietHours(new Date('2026-03-01T10:00:00Z'), 'Asia/Tehran', quiet).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(outsideQuietHours(new Date('2026-03-01T20:00:00Z'), 'Asia/Tehran', null).toISOString()).toBe('2026-03-01T20:00:00.000Z');
    // A daytime window (12:00–14:00 Shanghai = 04:00–06:00 UTC).
    expect(outsideQuietHours(new Date('2026-03-01T04:30:00Z'), 'Asia/Shanghai', { start: '12:00', end: '14:00' }).toISOString()).toBe(
      '2026-03-01T06:00:00.000Z',
    );
  });

  it('ends the quiet window at the local clock time when a DST change falls inside it', () => {
    const quiet = { start: '21:00', end: '08:00' };
    const send = (at: string, zone: string) => outsideQuietHours(new Date(at), zone, quiet).toISOString();
    // Berlin springs forward on 29 March 2026 (02:00 CET → 03:00 CEST): 22:30 CET is 21:30 UTC,
    // and 08:00 CEST the next morning is 06:00 UTC — not 07:00 (09:00 local).
    expect(send('2026-03-28T21:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T06:00:00.000Z');
    // …and falls back on 25 October 2026 (03:00 CEST → 02:00 CET): 22:30 CEST is 20:30 UTC,
    // and 08:00 CET is 07:00 UTC — not 06:00 (07:00 local).
    expect(send('2026-10-24T20:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T07:00:00.000Z');
    // New York, both directions (8 March and 1 November 2026), from just after midnight local.
    expect(send('2026-03-08T05:30:00Z', 'America/New_York')).toBe('2026-03-08T12:00:00.000Z');
    expect(send('2026-11-01T04:30:00Z', 'America/New_York')).toBe('2026-11-01T13:00:00.000Z');
    // Inside the window but after the change: already in the new offset.
    expect(send('2026-03-29T04:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T06:00:00.000Z');
    // Tehran has had no DST since 2022: around the old change day (22 March) it stays UTC+3:30.
    expect(send('2026-03-21T18:00:00Z', 'Asia/Tehran')).toBe('2026-03-22T04:30:00.000Z');
    expect(send('2026-09-21T18:00:00Z', 'Asia/Tehran')).toBe('2026-09-22T04:30:00.000Z');
    // A window that ends at a local time the change skips (02:30 on 29 March in Berlin) ends
    // at 02:30 of the clock in force before it: 03:30 CEST = 01:30 UTC.
    expect(outsideQuietHours(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin', { start: '00:00', end: '02:30' }).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('matches every condition of a segment', () => {
    const c = {
      locale: 'fa',
      email: 'a@b.c',
      phone: null,
      feedbackCount: 3,
      attributes: { plan: 'pro', spend: '1200', vip: true },
    } as never;
    expect(
      matchesSegment(c, [
        { field: 'attributes.plan', op: 'in', value: ['pro', 'team'] },
        { field: 'locale', op: 'eq', value: 'fa' },
      ]),
    ).toBe(true);
    expect(
      matchesSegment(c, [
        { field: 'attributes.spend', op: 'gte', value: 1000 },
        { field: 'feedbackCount', op: 'lt', value: 5 },
      ]),
    ).toBe(true);
    expect(
      matchesSegment(c, [
        { field: 'attributes.vip', op: 'eq', value: true },
        { field: 'phone', op: 'exists' },
      ]),
    ).toBe(false);
    expect(matchesSegment(c, [{ field: 'attributes.missing', op: 'gt', value: 0 }])).toBe(false);
    expect(matchesSegment(c, [])).toBe(true);
  });

  it('judges saved segments from the memberships read for the customers at hand', () => {
    const c = { id: 'c1', attributes: {} } as never;
    const memberships = new Map([
      ['seg-a', new Set(['c1'])],
      ['seg-b', new Set<string>()],
    ]);
    expect(matchesSegment(c, [{ field: 'segment', op: 'eq', value: 'seg-a' }], memberships)).toBe(true);
    expect(matchesSegment(c, [{ field: 'segment', op: 'neq', value: 'seg-b' }], memberships)).toBe(true);
    expect(matchesSegment(c, [{ field: 'segment', op: 'eq', value: 'seg-b' }], memberships)).toBe(false);
    // A segment deleted since the trigger was made has no members.
    expect(matchesSegment(c, [{ field: 'segment', op: 'eq', value: 'gone' }], memberships)).toBe(false);
  });
});

describe('survey triggers', () => {
  let t: TestApp;
  let api: SignedInApp['api'];
  beforeAll(async () => {
    ({ t, api } = await signedInApp({ scopes: ['customers:write', 'customers:read', 'events:write', 'surveys:read', 'surveys:manage'] }));
  });
  afterAll(() => t.close());

  it('queues a send N days after delivery for customers in the segment, once per order, and for named app events', async () => {
    const survey = (await api('POST', '/api/v1/surveys', { template: 'purchase_experience' })).json();
    await api('POST', `/api/v1/surveys/${survey.id}/publish`);
    const bad = await api('POST', `/api/v1/surveys/${survey.id}/triggers`, {
      eventName: 'order_delivered',
      quietHours: { start: '25:00', end: '08:00' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('quietHours.start');
    const trigger = await api('POST', `/api/v1/surveys/${survey.id}/triggers`, {
      eventName: 'order_delivered',
      delayMinutes: 3 * 1440,
      segment: [{ field: 'attributes.vip', op: 'eq', value: true }],
    });
    expect(trigger.statusCode).toBe(201);
    await api('POST', `/api/v1/surveys/${survey.id}/triggers`, { eventName: 'checkout finished' });

    const order = (externalId: string, customer: object) =>
      api('POST', '/api/v1/orders', { customer, externalId, amount: 120, currency: 'usd', status: 'delivered' });
    await api('POST', '/api/v1/customers/identify', { externalId: 'vip', email: 'vip@example.com', attributes: { vip: true } });
    await api('POST', '/api/v1/customers/identify', { externalId: 'plain', email: 'plain@example.com' });
    expect((await order('o-1', { externalId: 'vip' })).statusCode).toBe(201);
    expect((await order('o-1', { externalId: 'vip' })).statusCode).toBe(200); // re-sent: no second send
    await order('o-2', { externalId: 'plain' });
    await t.drainJobs();
    const sends = (await api('GET', `/api/v1/surveys/${survey.id}/sends`)).json().data;
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ email: 'vip@example.com', status: 'queued' });
    const delayDays = (new Date(sends[0].scheduledFor).getTime() - Date.now()) / 86_400_000;
    expect(delayDays).toBeGreaterThan(2.99);
    expect(delayDays).toBeLessThan(3.01);
    const [{ n }] = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from jobs where queue = 'send-survey-email' and state = 'pending' and run_at > now() + interval '2 days'`,
    );
    expect(n).toBe(1);
    await t.drainJobs({ dueNow: true });
    expect((await api('GET', `/api/v1/surveys/${survey.id}/sends`)).json().data[0].status).toBe('sent');

    // A named app event from the business's server; the workspace throttle stops a second survey to the VIP.
    expect((await api('POST', '/api/v1/events', { customer: { externalId: 'plain' }, name: 'checkout finished' })).statusCode).toBe(201);
    await api('POST', '/api/v1/events', { customer: { externalId: 'vip' }, name: 'checkout finished' });
    await t.drainJobs();
    const all = (await api('GET', `/api/v1/surveys/${survey.id}/sends`))
      .json()
      .data.map((s: { email: string }) => s.email)
      .sort();
    expect(all).toEqual(['plain@example.com', 'vip@example.com']);

    // A saved segment from the Segments page: only its members get the survey.
    const segment = (
      await api('POST', '/api/v1/segments', {
        name: 'Big spenders',
        definition: { match: 'all', conditions: [{ kind: 'lifetimeValue', currency: 'USD', op: 'gte', value: 100 }] },
      })
    ).json();
    const second = (await api('POST', '/api/v1/surveys', { template: 'ces' })).json();
    await api('POST', `/api/v1/surveys/${second.id}/publish`);
    expect(
      (
        await api('POST', `/api/v1/surveys/${second.id}/triggers`, {
          eventName: 'support chat closed',
          segment: [{ field: 'segment', op: 'eq', value: segment.id }],
        })
      ).statusCode,
    ).toBe(201);
    await api('POST', '/api/v1/customers/identify', { externalId: 'small', email: 'small@example.com' });
    await api('POST', '/api/v1/orders', {
      customer: { externalId: 'big', email: 'big@example.com' },
      externalId: 'o-9',
      amount: 250,
      currency: 'usd',
    });
    await api('POST', '/api/v1/events/bulk', {
      events: [
        { customer: { externalId: 'small' }, name: 'support chat closed' },
        { customer: { externalId: 'big' }, name: 'support chat closed' },
      ],
    });
    await t.drainJobs();
    expect((await api('GET', `/api/v1/surveys/${second.id}/sends`)).json().data.map((s: { email: string }) => s.email)).toEqual([
      'big@example.com',
    ]);

    expect((await api('DELETE', `/api/v1/surveys/${survey.id}/triggers/${trigger.json().id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/surveys/${survey.id}/triggers`)).json().data).toHaveLength(1);
  });
});
