// The topics that pulled NPS down most in the digest's period: the drivers' ranking, in the
// reader's language.
import type { Locale } from '../../contracts/locales.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { listDrivers } from '../drivers/drivers.service.js';
import type { DigestPeriod } from './digest-schedule.js';

export interface DigestDriver {
  topic: string;
  mentions: number;
  /** NPS points the workspace would gain without this topic's detractors. */
  npsImpact: number;
}

export async function topDriversFor(scope: WorkspaceScope, period: DigestPeriod, language: Locale, limit: number): Promise<DigestDriver[]> {
  const drivers = await listDrivers(scope, { from: period.start, to: period.end, limit });
  return drivers.data
    .filter((d): d is typeof d & { impact: { nps: number } } => d.impact.nps !== null && d.impact.nps > 0)
    .map((d) => ({ topic: d.topic.names[language] ?? d.topic.names.en ?? d.topic.key, mentions: d.volume, npsImpact: d.impact.nps }));
}
