import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { newId } from '../../platform/ids.js';
import { reportHtml } from './report-html.js';
import { CHROMIUM_PATH } from './write-pdf.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-exports-pdf-'));
let s: SignedInApp;
let t: TestApp;

/**
 * The PDF's lines as a reader would copy them: glyph runs grouped by line, read left to right and
 * right to left (a PDF keeps glyphs in visual order), whitespace dropped, Arabic presentation
 * forms folded back into letters.
 */
async function pdfLines(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const byLine = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const y = Math.round(item.transform[5]);
      byLine.set(y, [...(byLine.get(y) ?? []), { x: item.transform[4], str: item.str }]);
    }
    for (const runs of byLine.values()) {
      const ltr = [...runs].sort((a, b) => a.x - b.x).map((r) => r.str);
      lines.push(ltr.join(''), [...ltr].reverse().join(''));
    }
  }
  await doc.destroy();
  return lines
    .join('\n')
    .normalize('NFKC')
    .replace(/[^\S\n]/g, '');
}

const squeezed = (text: string) => text.replace(/\s/g, '');

beforeAll(async () => {
  s = await signedInApp({ env: { DATA_DIR: dataDir }, scopes: ['feedback:read'] });
  t = s.t;
  const rows = [
    { text: 'ارسال خیلی دیر بود', createdAt: new Date('2026-03-21T08:30:00Z'), nps: 4 },
    { text: 'الخدمة ممتازة جدا', createdAt: new Date('2026-03-22T08:30:00Z'), nps: 10 },
    { text: '客服态度很好', createdAt: new Date('2026-03-23T08:30:00Z'), nps: 9 },
    { text: '<b>bold</b> & <script>x()</script>', createdAt: new Date('2026-03-24T08:30:00Z') },
  ];
  await t.database.db
    .insert(feedbackItems)
    .values(rows.map((r) => ({ id: newId(), workspaceId: s.workspace.id, channel: 'api', status: 'processed', ...r })));
  await t.database.db.update(users).set({ locale: 'fa' }).where(eq(users.id, s.owner.userId));
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('PDF report', () => {
  it('escapes untrusted text in the report’s HTML', () => {
    const page = reportHtml(
      {
        title: 'Feedback',
        locale: 'en',
        columns: [{ key: 'text', type: 'text', header: 'Feedback' }],
        dates: { calendar: 'gregorian', timeZone: 'UTC' },
        workspaceName: '<i>Acme</i>',
        filters: { q: '"><img src=x>' },
      },
      [['<script>alert(1)</script>']],
      false,
      new Date('2026-03-21T00:00:00Z'),
    );
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;i&gt;Acme&lt;/i&gt;');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script>');
  });

  it('shows a column’s own fraction digits, so a p-value is not rounded to 0', () => {
    const page = reportHtml(
      {
        title: 'Before and after',
        locale: 'fa',
        columns: [
          { key: 'change', type: 'number', header: 'Change' },
          { key: 'pValue', type: 'number', digits: 4, header: 'p-value' },
        ],
        dates: { calendar: 'persian', timeZone: 'UTC' },
        workspaceName: 'Acme',
        filters: {},
      },
      [[-12.345, 0.0123]],
      false,
      new Date('2026-03-21T00:00:00Z'),
    );
    const oneDigit = new Intl.NumberFormat('fa-IR-u-nu-arabext', { maximumFractionDigits: 1 }).format(-12.345);
    expect(page).toContain(`>${oneDigit}<`);
    expect(page).toContain('>۰٫۰۱۲۳<');
  });

  it.skipIf(!fs.existsSync(CHROMIUM_PATH))(
    'prints Persian, Arabic and Chinese text, in Persian with Jalali dates',
    async () => {
      const created = await s.api('POST', '/api/v1/exports', { subject: 'feedback', format: 'pdf' }, { cookie: s.owner.cookie });
      expect(created.statusCode).toBe(202);
      await t.drainJobs();
      const done = (await s.api('GET', `/api/v1/exports/${created.json().id}`, undefined, { cookie: s.owner.cookie })).json();
      expect(done).toMatchObject({ status: 'done', rows: 4, format: 'pdf' });
      const res = await t.app.inject({ method: 'GET', url: new URL(done.downloadUrl).pathname });
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync('test-results', { recursive: true });
      fs.writeFileSync('test-results/export-report.fa.pdf', res.rawPayload);
      const text = await pdfLines(res.rawPayload);
      expect(text).toContain(squeezed('بازخوردها'));
      expect(text).toContain(squeezed('ارسال خیلی دیر بود'));
      expect(text).toContain(squeezed('الخدمة ممتازة جدا'));
      expect(text).toContain(squeezed('客服态度很好'));
      // Markup in feedback is printed as text (the cell wraps after `<script>`).
      expect(text).toContain(squeezed('<b>bold</b> & <script>'));
      // Jalali dates in Persian digits: 1 Farvardin 1405.
      expect(text).toContain('۱۴۰۵');
    },
    180_000,
  );
});
