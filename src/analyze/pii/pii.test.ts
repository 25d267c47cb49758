// PII redaction on the way in: API, bulk and import all store the redacted text only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { importFile } from '../../collect/import/import-file.js';

let t: TestApp;
let api: SignedInApp['api'];
let cookie: string;
let key: string;
let otherKey: string;
let workspaceId: string;

const TEXT = 'لطفا با ali.rezaei@example.com یا ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید، سفارش ۱۲۳۴۵';
const post = (k: string, payload: object) => api('POST', '/api/v1/feedback', payload, bearer(k));
const stored = async (id: string) => (await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.id, id)))[0];
const setRedaction = (on: boolean) => api('PATCH', '/api/v1/workspace', { piiRedaction: on }, { cookie });

beforeAll(async () => {
  const s = await signedInApp();
  ({
    t,
    api,
    key,
    owner: { cookie },
    workspace: { id: workspaceId },
  } = s);
  ({ key: otherKey } = await s.otherWorkspace(['feedback:read', 'feedback:write']));
});
afterAll(() => t.close());

describe('PII redaction', () => {
  it('is off by default: text, search text and metadata are untouched', async () => {
    const res = await post(key, { channel: 'email', text: TEXT, metadata: { from: 'ali.rezaei@example.com' } });
    await t.drainJobs(); // the analysis job writes the search document
    const row = await stored(res.json().id);
    expect(row.text).toBe(TEXT);
    expect(row.searchText).toContain('rezaei');
    expect(row.metadata).toEqual({ from: 'ali.rezaei@example.com' });
    expect(row.piiRedacted).toBe(false);
  });

  it('when on, nothing of the PII is stored or searchable', async () => {
    expect((await setRedaction(true)).statusCode).toBe(200);
    const res = await post(key, {
      channel: 'email',
      text: TEXT,
      metadata: { from: 'ali.rezaei@example.com', nested: { card: '4111 1111 1111 1111' }, order: 'A-12345' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().text).toBe('لطفا با [email] یا [phone] تماس بگیرید، سفارش ۱۲۳۴۵');
    await t.drainJobs();
    const row = await stored(res.json().id);
    expect(row.text).toBe('لطفا با [email] یا [phone] تماس بگیرید، سفارش ۱۲۳۴۵');
    expect(row.metadata).toEqual({ from: '[email]', nested: { card: '[card]' }, order: 'A-12345' });
    expect(row.piiRedacted).toBe(true);
    for (const part of ['rezaei', 'example', '0912', '6789', '۶۷۸۹']) expect(row.searchText).not.toContain(part);
    expect(row.searchText).toContain('12345'); // the order number is kept
    // Only the item stored while redaction was off still carries the address.
    const hits = (await api('GET', '/api/v1/feedback?q=rezaei')).json().data;
    expect(hits.map((f: { text: string }) => f.text)).toEqual([TEXT]);
    const clean = await post(key, { channel: 'email', text: 'no personal data, order 12345' });
    expect((await stored(clean.json().id)).piiRedacted).toBe(false);
    // Metadata added later is redacted too.
    const patched = await api('PATCH', `/api/v1/feedback/${clean.json().id}`, { metadata: { phone: '+971 50 123 4567' } });
    expect(patched.json().metadata).toEqual({ phone: '[phone]' });
    expect((await stored(clean.json().id)).piiRedacted).toBe(true);
  });

  it('applies to bulk creates and file imports too', async () => {
    const bulk = await api('POST', '/api/v1/feedback/bulk', { items: [{ channel: 'api', text: 'mail me: bulk.user@example.org' }] });
    expect((await stored(bulk.json().results[0].id)).text).toBe('mail me: [email]');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-pii-'));
    try {
      const file = path.join(dir, 'in.csv');
      fs.writeFileSync(file, 'comment\n"请联系我 13800138000"\n"卡号 6217000012345678907"\n');
      const summary = await importFile(new WorkspaceScope(t.database, workspaceId), file, {
        mapping: { text: 'comment' },
        channel: 'import',
        batchSize: 10,
      });
      expect(summary.imported).toBe(2);
      await t.drainJobs();
      const rows = await t.database.rows<{ text: string; search_text: string; pii_redacted: boolean }>(
        sql`select text, search_text, pii_redacted from feedback_items where channel = 'import' order by text`,
      );
      expect(rows.map((r) => r.text).sort()).toEqual(['卡号 [card]', '请联系我 [phone]'].sort());
      expect(rows.every((r) => r.pii_redacted && !/\d{6}/.test(r.search_text))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is per workspace: another workspace keeps its text', async () => {
    const res = await post(otherKey, { channel: 'email', text: TEXT });
    const row = await stored(res.json().id);
    expect(row.text).toBe(TEXT);
    expect(row.piiRedacted).toBe(false);
  });
});
