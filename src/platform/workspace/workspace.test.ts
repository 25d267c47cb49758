import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../testing/test-app.js';
import { createWorkspace } from '../auth/setup.service.js';
import { memberships } from '../auth/auth.tables.js';
import { workspaces } from './workspace.tables.js';

let t: TestApp;
let cookie: string;
let key: string;
let userId: string;

const asOwner = (method: 'GET' | 'PATCH', payload?: object) =>
  t.app.inject({ method, url: '/api/v1/workspace', headers: { cookie }, payload });

beforeAll(async () => {
  t = await createTestApp();
  const setup = await setupOwner(t);
  cookie = setup.cookie;
  userId = setup.body.user.id;
  key = await createKey(t, cookie);
});
afterAll(() => t.close());

describe('workspace settings', () => {
  it('shows the workspace with PII redaction off by default', async () => {
    const res = await asOwner('GET');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Main', defaultLocale: 'en', timezone: 'UTC', piiRedaction: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace' })).statusCode).toBe(401);
  });

  it('lets the owner change the allow-listed fields and keeps other settings', async () => {
    const [ws] = await t.database.db.select().from(workspaces);
    await t.database.db
      .update(workspaces)
      .set({ settings: { other: 'kept' } })
      .where(eq(workspaces.id, ws.id));
    const res = await asOwner('PATCH', { name: 'Support', defaultLocale: 'fa', timezone: 'Asia/Tehran', piiRedaction: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ws.id, name: 'Support', defaultLocale: 'fa', timezone: 'Asia/Tehran', piiRedaction: true });
    const [after] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, ws.id));
    expect(after.settings).toEqual({ other: 'kept', piiRedaction: true });
    expect((await asOwner('PATCH', { piiRedaction: false })).json().piiRedaction).toBe(false);
    expect((await asOwner('PATCH', { surveyThrottleDays: 7 })).json()).toMatchObject({ piiRedaction: false, surveyThrottleDays: 7 });
    expect((await asOwner('PATCH', { surveyThrottleDays: 400 })).statusCode).toBe(400);
  });

  it('keeps the calendar, week start and weekend days, defaulting them from the workspace language', async () => {
    const me = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json();
    // Until an admin chooses one, users on "auto" follow their own language.
    expect((await me()).workspace.calendar).toBeNull();
    expect((await asOwner('PATCH', { defaultLocale: 'fa' })).json()).toMatchObject({
      calendar: 'persian',
      weekStart: 'sat',
      weekendDays: ['fri'],
    });
    const res = await asOwner('PATCH', { calendar: 'gregorian', weekStart: 'sun', weekendDays: ['thu', 'fri'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ calendar: 'gregorian', weekStart: 'sun', weekendDays: ['thu', 'fri'] });
    expect((await asOwner('GET')).json()).toMatchObject({ calendar: 'gregorian', weekStart: 'sun', weekendDays: ['thu', 'fri'] });
    expect((await me()).workspace.calendar).toBe('gregorian');
    expect((await asOwner('PATCH', { weekendDays: [] })).json().weekendDays).toEqual([]);
    for (const [payload, field] of [
      [{ calendar: 'lunar' }, 'calendar'],
      [{ weekStart: 'tue' }, 'weekStart'],
      [{ weekendDays: ['fri', 'fri'] }, 'weekendDays'],
      [{ weekendDays: ['friday'] }, 'weekendDays'],
    ] as const) {
      const bad = await asOwner('PATCH', payload);
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.field).toMatch(new RegExp(`^${field}`));
    }
    await asOwner('PATCH', { defaultLocale: 'en', weekendDays: ['sat', 'sun'], weekStart: 'mon' });
  });

  it('offers the Umm al-Qura Hijri calendar, which users on "auto" then follow', async () => {
    const res = await asOwner('PATCH', { calendar: 'hijri' });
    expect(res.statusCode).toBe(200);
    expect(res.json().calendar).toBe('hijri');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json();
    expect(me.workspace.calendar).toBe('hijri');
    await asOwner('PATCH', { calendar: 'gregorian' });
  });

  it('refuses fields outside the allow-list and bad values, naming the field', async () => {
    for (const [payload, field] of [
      [{ settings: { piiRedaction: true } }, 'settings'],
      [{ organizationId: '0190f0f0-0000-7000-8000-000000000000' }, 'organizationId'],
      [{ slug: 'x' }, 'slug'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ defaultLocale: 'de' }, 'defaultLocale'],
      [{ piiRedaction: 'yes' }, 'piiRedaction'],
      [{ name: '   ' }, 'name'],
    ] as const) {
      const res = await asOwner('PATCH', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it('only owners and admins may change settings; API keys and agents may not', async () => {
    const viaKey = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: bearer(key), payload: { piiRedaction: true } });
    expect(viaKey.statusCode).toBe(403);
    // Reading takes workspace:read, which this key was not given.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: bearer(key) })).statusCode).toBe(403);
    const reader = await createKey(t, cookie, ['workspace:read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: bearer(reader) })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: bearer(reader), payload: { piiRedaction: true } }))
        .statusCode,
    ).toBe(403);
    await t.database.rows(sql`update memberships set role = 'agent' where user_id = ${userId}`);
    try {
      expect((await asOwner('PATCH', { name: 'Agent was here' })).statusCode).toBe(403);
      await t.database.rows(sql`update memberships set role = 'admin' where user_id = ${userId}`);
      expect((await asOwner('PATCH', { name: 'Admin was here' })).statusCode).toBe(200);
    } finally {
      await t.database.rows(sql`update memberships set role = 'owner' where user_id = ${userId}`);
    }
  });

  it("changes only the caller's current workspace", async () => {
    const [first] = await t.database.db.select().from(workspaces);
    const other = await createWorkspace(t.database, first.organizationId, userId, 'Second');
    await asOwner('PATCH', { piiRedaction: true });
    const [second] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, other.id));
    expect(second.settings.piiRedaction).toBeUndefined();
    const [m] = await t.database.db.select().from(memberships).where(eq(memberships.workspaceId, other.id));
    expect(m.role).toBe('owner');
  });
});
