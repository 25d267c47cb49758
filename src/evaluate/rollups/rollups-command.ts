// `feedloop rollups rebuild [--workspace <slug>]`: recomputes the metrics' daily rollups from
// the feedback items and the metric rollups from their tables, for one workspace or every one (after restoring a backup, say). The server
// keeps them current by itself; with the embedded database, stop the server first.
import { asc } from 'drizzle-orm';
import { loadConfig } from '../../platform/config.js';
import type { OpenConfiguredDatabase } from '../../platform/db/client.js';
import { chooseWorkspace } from '../../platform/db/find-workspace.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { rebuildRollups } from './rebuild-rollups.js';
import { rebuildMetricRollups } from './rebuild-metric-rollups.js';
import { rebuildChurnRiskSpells } from './rebuild-churn-risk.js';

export async function runRollupsRebuildCommand(flags: { workspace?: string }, openDatabase: OpenConfiguredDatabase) {
  const database = await openDatabase(loadConfig());
  try {
    const targets = flags.workspace
      ? [(await chooseWorkspace(database, flags.workspace)).workspace]
      : await database.db.select().from(workspaces).orderBy(asc(workspaces.createdAt));
    for (const workspace of targets) {
      const started = Date.now();
      await rebuildRollups(database, workspace.id);
      await rebuildMetricRollups(database, workspace.id);
      await rebuildChurnRiskSpells(database, workspace.id);
      console.error(`rollups of "${workspace.slug}" rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await database.close();
  }
}
