import pino from 'pino';
import { sql } from 'drizzle-orm';
import { newId } from '../../src/platform/ids.js';
import { pgArray } from '../../src/platform/db/pg-array.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { exports } from '../../src/evaluate/exports/exports.tables.js';
import { exportDataJob } from '../../src/evaluate/exports/export-data.job.js';
import type { Mailer } from '../../src/platform/mail/mailer.js';
import { freshPhaseDatabase } from './in-process-database.js';
const ROWS = Number(process.env.ROWS ?? 200000);
const FORMAT = (process.env.FORMAT ?? 'csv') as 'csv';
const mb = () => { const m = process.memoryUsage(); return `rss ${(m.rss/1048576).toFixed(0)} heap ${(m.heapUsed/1048576).toFixed(0)} ext ${(m.external/1048576).toFixed(0)} ab ${(m.arrayBuffers/1048576).toFixed(0)}`; };
const fresh = await freshPhaseDatabase('diag', process.env.URL);
const database = fresh.database;
const organizationId = newId(); const id = newId();
await database.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
await database.db.insert(workspaces).values({ id, organizationId, name: 'Bench', slug: `bench-${id.slice(-12)}` });
const TEXTS = ['ارسال خیلی دیر بود و کسی جواب نداد.', 'الخدمة ممتازة والتوصيل سريع جدا.', '退款太慢了，客服也不回复。', 'Great product, but checkout kept failing on mobile.'];
for (let from = 0; from < ROWS; from += 100_000) {
  const to = Math.min(ROWS, from + 100_000);
  await database.rows(sql`insert into feedback_items (id, workspace_id, channel, text, status, nps, sentiment, topics, created_at)
    select gen_random_uuid(), ${id}, 'api', (${pgArray(TEXTS)}::text[])[1 + g % 4] || ' #' || g, 'processed',
      case when g % 3 = 0 then g % 11 end, (array['positive','neutral','negative'])[1 + g % 3], array['delivery'],
      timestamptz '2025-01-01 00:00Z' + g * interval '20 seconds' from generate_series(${from + 1}::int, ${to}::int) g`);
}
await database.rows(sql`analyze feedback_items`);
global.gc?.();
console.log('seeded', mb());
const exportId = newId();
await database.db.insert(exports).values({ id: exportId, workspaceId: id, subject: 'feedback', format: FORMAT, locale: 'fa', calendar: 'persian', expiresAt: new Date(Date.now() + 3_600_000) });
const ctx = { database, mailer: {} as Mailer, publicUrl: 'http://localhost', dataDir: fresh.dir, log: pino({ level: 'silent' }) };
const handler = exportDataJob.handler(ctx);
let peak = 0;
const s1 = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
const s2 = setInterval(() => console.log(mb()), 2000);
const t0 = performance.now();
await handler({ workspaceId: id, exportId }, { id: newId(), queue: 'export-data', payload: { workspaceId: id, exportId }, attempts: 1, maxAttempts: 2 } as never);
clearInterval(s1); clearInterval(s2);
console.log('done', ((performance.now()-t0)/1000).toFixed(1), 's peak', (peak/1048576).toFixed(0), mb());
global.gc?.(); console.log('after gc', mb());
await fresh.drop();
