// The one layer that ties every query to the caller's workspace. Services receive a
// WorkspaceScope (built from the authenticated actor, never from request input) and
// build every WHERE with scope.where() and every INSERT with scope.stamp(), so a foreign
// id simply finds nothing.
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database, Db, Tx } from './client.js';

interface WorkspaceOwned {
  workspaceId: PgColumn;
}

export class WorkspaceScope {
  constructor(
    readonly database: Database,
    readonly workspaceId: string,
  ) {}

  get db(): Db {
    return this.database.db;
  }

  /** `workspace_id = <this workspace>` AND the given conditions. */
  where(table: WorkspaceOwned, ...conditions: Array<SQL | undefined>): SQL {
    return and(eq(table.workspaceId, this.workspaceId), ...conditions) as SQL;
  }

  /** The row(s) with this workspace's id set, overriding anything the input carried. */
  stamp<T extends object>(row: T): T & { workspaceId: string } {
    return { ...row, workspaceId: this.workspaceId };
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.db.transaction(fn);
  }
}
