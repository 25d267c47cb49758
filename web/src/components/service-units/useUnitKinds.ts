import { useEffect, useState } from 'react';
import { serviceUnitsApi } from '../../api/service-units';
import { flattenUnits, unitKinds } from '../../lib/service-units';

/** The levels (kinds) of the workspace's units, top first, once `wanted`. */
export function useUnitKinds(wanted: boolean): string[] {
  const [kinds, setKinds] = useState<string[]>([]);
  useEffect(() => {
    if (!wanted) return;
    const abort = new AbortController();
    serviceUnitsApi.tree({ signal: abort.signal }).then(
      (tree) => setKinds(unitKinds(flattenUnits(tree.data))),
      () => undefined,
    );
    return () => abort.abort();
  }, [wanted]);
  return kinds;
}
