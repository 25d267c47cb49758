// Picks the workspace a command works on: by slug, else the only one, else the first created
// (the one set up first); the command says which it took and how.
import { asc, eq } from 'drizzle-orm';
import type { Database } from './client.js';
import { workspaces } from '../workspace/workspace.tables.js';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export interface ChosenWorkspace {
  workspace: WorkspaceRow;
  chosenBy: 'slug' | 'only' | 'first';
  /** the other workspaces' slugs when there are several (a few, for the message) */
  others: string[];
  count: number;
}

const NAMED_OTHERS = 10;

export async function chooseWorkspace(database: Database, slug?: string): Promise<ChosenWorkspace> {
  if (slug) {
    const [ws] = await database.db.select().from(workspaces).where(eq(workspaces.slug, slug));
    if (!ws)
      throw new Error(`No workspace with slug "${slug}" (each workspace's slug is shown in the dashboard under Settings → Workspace)`);
    return { workspace: ws, chosenBy: 'slug', others: [], count: 1 };
  }
  const all = await database.db
    .select()
    .from(workspaces)
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id))
    .limit(NAMED_OTHERS + 1);
  if (all.length === 0) throw new Error('There is no workspace yet: run the first-run setup (open the dashboard or `feedloop setup`)');
  return { workspace: all[0], chosenBy: all.length === 1 ? 'only' : 'first', others: all.slice(1).map((w) => w.slug), count: all.length };
}

/** The line a command prints when it chose the workspace itself. */
export function describeChoice(
  choice: Pick<ChosenWorkspace, 'chosenBy' | 'others'> & { workspace: { name: string; slug: string } },
): string | null {
  const { workspace, chosenBy, others } = choice;
  if (chosenBy === 'slug') return null;
  const named = `"${workspace.name}" (--workspace ${workspace.slug})`;
  if (chosenBy === 'only') return `No --workspace given: using the only workspace, ${named}.`;
  const rest = others.length > NAMED_OTHERS - 1 ? `${others.slice(0, NAMED_OTHERS - 1).join(', ')}, …` : others.join(', ');
  return `No --workspace given: using the first workspace, ${named}. Others: ${rest}. Each workspace's slug is shown in the dashboard under Settings → Workspace.`;
}
