import { sql } from 'drizzle-orm';
import { newId } from '../../src/platform/ids.js';
import { pgArray } from '../../src/platform/db/pg-array.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { freshPhaseDatabase } from './in-process-database.js';
const ROWS = Number(process.env.ROWS ?? 200000);
const fresh = await freshPhaseDatabase('diag', process.env.URL);
const database = fresh.database;
const organizationId = newId(); const id = newId();
await database.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
await database.db.insert(workspaces).values({ id, organizationId, name: 'Bench', slug: `bench-${id.slice(-12)}` });
await database.rows(sql`insert into feedback_items (id, workspace_id, channel, text, status, nps, sentiment, topics, created_at)
    select gen_random_uuid(), ${id}, 'api', 'text ' || g, 'processed', null, 'neutral', array['delivery'],
      timestamptz '2025-01-01 00:00Z' + g * interval '20 seconds' from generate_series(1, ${ROWS}::int) g`);
await database.rows(sql`analyze feedback_items`);
const [mid] = await database.rows<{ created_at: string; id: string }>(sql`select created_at::text, id from feedback_items order by created_at limit 1 offset 150000`);
for (const q of [
  sql`explain analyze select f.id from feedback_items f left join customers c on c.id = f.customer_id where f.workspace_id = ${id} and (f.created_at < ${mid.created_at}::timestamptz or (f.created_at = ${mid.created_at}::timestamptz and f.id < ${mid.id}::uuid)) order by f.created_at desc nulls last, f.id desc nulls last limit 1001`,
  sql`explain analyze select f.id from feedback_items f left join customers c on c.id = f.customer_id where f.workspace_id = ${id} and (f.created_at, f.id) < (${mid.created_at}::timestamptz, ${mid.id}::uuid) order by f.created_at desc nulls last, f.id desc nulls last limit 1001`,
]) {
  const rows = await database.rows<Record<string, string>>(q);
  console.log(rows.map((r) => Object.values(r)[0]).join('\n'));
}
await fresh.drop();
