// The topics that pulled NPS down most in the digest's period.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DigestPeriod } from './digest-schedule.js';

export interface DigestDriver {
  topic: string;
  mentions: number;
  /** NPS points the workspace would gain without this topic's detractors; null without NPS answers. */
  npsImpact: number | null;
}

export async function topDriversFor(_scope: WorkspaceScope, _period: DigestPeriod, _timeZone: string, _limit: number): Promise<DigestDriver[]> {
  return [];
}
