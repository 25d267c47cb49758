// Service units: the workspace's hierarchy (region → branch → store, team → agent) that feedback
// items, tickets and customers belong to; metrics break down by it, a unit including its descendants.

/** One unit of GET /service-units, with its children (archived ones included, flagged). */
export interface ServiceUnit {
  id: string;
  parentId: string | null;
  /** The level's label, in the workspace's own words: region, branch, store, team… */
  kind: string;
  name: string;
  externalCode: string | null;
  archived: boolean;
  createdAt: string;
  children: ServiceUnit[];
}

/** GET /service-units: the roots, each with its subtree. */
export interface ServiceUnitTree {
  data: ServiceUnit[];
}

/** POST /service-units. */
export interface CreateServiceUnit {
  name: string;
  kind: string;
  parentId?: string | null;
  externalCode?: string | null;
}

/** PATCH /service-units/:id: rename, relabel, move (`parentId`), archive or restore. */
export interface UpdateServiceUnit {
  name?: string;
  kind?: string;
  parentId?: string | null;
  externalCode?: string | null;
  archived?: boolean;
}
