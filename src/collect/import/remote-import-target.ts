// `feedloop import` next to a running server that owns the embedded database: the rows go to
// that server over its control channel (import.control.ts) instead of into the database directly.
import type { Holder } from '../../platform/control/control-client.js';
import type { ChosenWorkspace } from '../../platform/db/find-workspace.js';
import type { ImportTarget, ImportWorkspace, RowResult } from './import-target.js';

export interface RemoteChoice extends Pick<ChosenWorkspace, 'chosenBy' | 'others' | 'count'> {
  workspace: ImportWorkspace;
}

export async function remoteImportTarget(holder: Holder, slug?: string): Promise<{ target: ImportTarget; choice: RemoteChoice }> {
  const choice = await holder.request<RemoteChoice>('POST', '/v1/imports/workspace', slug ? { slug } : {});
  const target: ImportTarget = {
    workspace: choice.workspace,
    begin: (run) => holder.request('POST', '/v1/imports', { workspace: choice.workspace.slug, ...run }),
    async writeBatch(runId, batch) {
      const { results } = await holder.request<{ results: RowResult[] }>('POST', `/v1/imports/${runId}/batches`, batch);
      return results;
    },
    async finish(runId) {
      await holder.request('POST', `/v1/imports/${runId}/finish`, {});
    },
  };
  return { target, choice };
}
