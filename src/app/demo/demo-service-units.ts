// The demo shop's service units: two regions of two branches each, named in the workspace's
// language. Customers are spread over the branches, so their feedback (which takes its customer's
// unit when stored) and their tickets fill the league table on first start.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { serviceUnits } from '../../evaluate/service-units/service-units.tables.js';
import { pgArray } from '../../platform/db/pg-array.js';

type Names = { regions: [string, string]; branches: [string, string, string, string] };

const NAMES: Record<string, Names> = {
  en: { regions: ['North region', 'South region'], branches: ['Downtown branch', 'Airport branch', 'Harbour branch', 'Old Town branch'] },
  fa: { regions: ['منطقه شمال', 'منطقه جنوب'], branches: ['شعبه مرکز شهر', 'شعبه فرودگاه', 'شعبه بندر', 'شعبه بازار'] },
  ar: { regions: ['المنطقة الشمالية', 'المنطقة الجنوبية'], branches: ['فرع وسط المدينة', 'فرع المطار', 'فرع الميناء', 'فرع السوق القديم'] },
  zh: { regions: ['北区', '南区'], branches: ['市中心店', '机场店', '港口店', '老城店'] },
};
const KINDS: Record<string, { region: string; branch: string }> = {
  en: { region: 'region', branch: 'branch' },
  fa: { region: 'منطقه', branch: 'شعبه' },
  ar: { region: 'منطقة', branch: 'فرع' },
  zh: { region: '大区', branch: '门店' },
};

/** Creates the hierarchy and puts each customer (in order) in a branch; answers the branches' ids. */
export async function createDemoServiceUnits(scope: WorkspaceScope, tx: Tx, locale: string, customerIds: string[]): Promise<string[]> {
  const names = NAMES[locale] ?? NAMES.en!;
  const kinds = KINDS[locale] ?? KINDS.en!;
  const regions = names.regions.map((name, r) =>
    scope.stamp({ id: newId(), parentId: null, kind: kinds.region, name, externalCode: `R${r + 1}` }),
  );
  const branches = names.branches.map((name, b) =>
    scope.stamp({ id: newId(), parentId: regions[Math.floor(b / 2)]!.id, kind: kinds.branch, name, externalCode: `B${b + 1}` }),
  );
  await tx.insert(serviceUnits).values([...regions, ...branches]);
  const ids = branches.map((b) => b.id);
  await tx.execute(sql`
    update customers c set service_unit_id = (${pgArray(ids)}::uuid[])[1 + (k.n - 1) % ${ids.length}]
    from unnest(${pgArray(customerIds)}::uuid[]) with ordinality as k(id, n)
    where c.workspace_id = ${scope.workspaceId} and c.id = k.id`);
  return ids;
}

/** The demo's tickets belong to their customer's unit. */
export async function placeDemoTickets(scope: WorkspaceScope, tx: Tx): Promise<void> {
  await tx.execute(sql`
    update tickets t set service_unit_id = c.service_unit_id
    from customers c where t.workspace_id = ${scope.workspaceId} and c.id = t.customer_id and c.workspace_id = t.workspace_id`);
}
