import { useEffect, useState } from 'react';
import type { Topic } from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import { api } from '../../api/endpoints';
import { segmentsApi } from '../../api/segments';
import { serviceUnitsApi } from '../../api/service-units';
import { surveysApi } from '../../api/surveys';
import { flattenUnits, type FlatUnit } from '../../lib/service-units';
import type { Member } from '@feedloop/contracts/workspace';

export interface ExplorerOptions {
  topics: Topic[];
  members: Member[];
  surveys: Array<{ id: string; name: string }>;
  segments: Array<{ id: string; name: string }>;
  /** The service units, each after its parent. */
  units: FlatUnit[];
}

/**
 * Choices for the explorer's filters and bulk actions. Each list loads on its own; one that fails
 * stays empty (its filter then offers only "any"), the list itself still works.
 */
export function useExplorerOptions(): ExplorerOptions {
  const [options, setOptions] = useState<ExplorerOptions>({ topics: [], members: [], surveys: [], segments: [], units: [] });

  useEffect(() => {
    const abort = new AbortController();
    const signal = abort.signal;
    const keep =
      <K extends keyof ExplorerOptions>(key: K) =>
      (value: ExplorerOptions[K]) =>
        setOptions((o) => ({ ...o, [key]: value }));
    // A list that cannot load leaves its filter with "any" only; the page shows the list's own errors.
    const ignore = () => undefined;
    analysisApi
      .listTopics({ signal })
      .then((r) => keep('topics')(r.data))
      .catch(ignore);
    api
      .listMembers({ signal })
      .then((r) => keep('members')(r.data))
      .catch(ignore);
    surveysApi
      .list({ signal })
      .then((r) => keep('surveys')(r.data.map((s) => ({ id: s.id, name: s.name }))))
      .catch(ignore);
    segmentsApi
      .list({ signal })
      .then((r) => keep('segments')(r.data.map((s) => ({ id: s.id, name: s.name }))))
      .catch(ignore);
    serviceUnitsApi
      .tree({ signal })
      .then((r) => keep('units')(flattenUnits(r.data)))
      .catch(ignore);
    return () => abort.abort();
  }, []);

  return options;
}
