// The workspace's teammates (for assignee pickers and @mentions), loaded once per page.
import { useEffect, useState } from 'react';
import type { Member } from '@feedloop/contracts/workspace';
import { api } from '../../api/endpoints';

export function useMembers(): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    api.listMembers({ signal: abort.signal }).then(
      (list) => setMembers(list.data),
      () => {},
    );
    return () => abort.abort();
  }, []);
  return members;
}
