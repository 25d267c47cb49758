// The digest preferences and preview through the API: defaults from the workspace, only the
// allowed fields changed, 400 naming the field for bad input, users only (not API keys).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { DigestPreferences } from '../../contracts/digest.js';

let s: SignedInApp;
const asOwner = (method: 'GET' | 'PATCH', url: string, payload?: object) => s.api(method, url, payload, { cookie: s.owner.cookie });

beforeAll(async () => {
  s = await signedInApp({ setup: { locale: 'fa' } });
  await s.t.database.db
    .update(workspaces)
    .set({ timezone: 'Asia/Tehran', settings: { weekStart: 'sat' } })
    .where(eq(workspaces.id, s.workspace.id));
});
afterAll(() => s.t.close());

describe('/api/v1/me/digest', () => {
  it('is on by default: weekly, on the first day of the workspace week at 08:00 in its time zone, in the user language', async () => {
    const res = await asOwner('GET', '/api/v1/me/digest');
    expect(res.statusCode, res.body).toBe(200);
    const prefs = res.json() as DigestPreferences;
    expect(prefs).toMatchObject({ enabled: true, frequency: 'weekly', weekday: 6, hour: 8, timeZone: 'Asia/Tehran', language: 'fa' });
    // Saturday 08:00 in Tehran (UTC+03:30) is 04:30 UTC.
    const next = new Date(prefs.nextSendAt!);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([6, 4, 30]);
  });

  it('changes only the allowed fields, and refuses bad ones naming the field', async () => {
    const ok = await asOwner('PATCH', '/api/v1/me/digest', { frequency: 'monthly', hour: 17, timeZone: 'Asia/Riyadh', language: 'ar' });
    expect(ok.statusCode, ok.body).toBe(200);
    const next = new Date(ok.json().nextSendAt);
    expect([next.getUTCDate(), next.getUTCHours()]).toEqual([1, 14]); // the 1st, 17:00 in Riyadh
    const cases: Array<[object, string]> = [
      [{ hour: 24 }, 'hour'],
      [{ weekday: 0 }, 'weekday'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ frequency: 'daily' }, 'frequency'],
      [{ language: 'de' }, 'language'],
      [{ unsubscribeKey: 'mine' }, 'unsubscribeKey'],
      [{ nextSendAt: new Date().toISOString() }, 'nextSendAt'],
    ];
    for (const [body, field] of cases) {
      const res = await asOwner('PATCH', '/api/v1/me/digest', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
    // Nothing half-written: the refused requests left the saved preferences as they were.
    expect((await asOwner('GET', '/api/v1/me/digest')).json()).toMatchObject({ frequency: 'monthly', hour: 17, timeZone: 'Asia/Riyadh', language: 'ar' });
    const off = await asOwner('PATCH', '/api/v1/me/digest', { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false, nextSendAt: null });
  });

  it('previews the digest as it would be sent, as JSON and as a page the dashboard may frame', async () => {
    const res = await asOwner('GET', '/api/v1/me/digest/preview');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.subject).toContain('ملخص الملاحظات الشهري');
    expect(preview.html).toMatch(/dir="rtl"/);
    expect(preview.text).toContain('/digest/unsubscribe/');
    const page = await asOwner('GET', '/api/v1/me/digest/preview/html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.headers['content-security-policy']).not.toContain('script-src');
  });

  it('belongs to signed-in users: an API key gets 403', async () => {
    for (const url of ['/api/v1/me/digest', '/api/v1/me/digest/preview'])
      expect((await s.api('GET', url)).statusCode, url).toBe(403);
  });
});
