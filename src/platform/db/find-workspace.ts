// Picks the workspace a command works on: by slug, or the only one there is.
import { eq } from 'drizzle-orm';
import type { Database } from './client.js';
import { workspaces } from '../schema.js';

export async function findWorkspace(database: Database, slug?: string) {
  if (slug) {
    const [ws] = await database.db.select().from(workspaces).where(eq(workspaces.slug, slug));
    if (!ws) throw new Error(`No workspace with slug "${slug}"`);
    return ws;
  }
  const all = await database.db.select().from(workspaces).limit(50);
  if (all.length === 0) throw new Error('There is no workspace yet: run the first-run setup (open the dashboard or `feedloop setup`)');
  if (all.length > 1) throw new Error(`Several workspaces exist; choose one with --workspace: ${all.map((w) => w.slug).join(', ')}`);
  return all[0];
}
