// What a digest says about a period: the headline figures against the period before, the topics
// that pulled NPS down most, emerging themes, SLA breaches and the ideas completed (loops closed).
import { count, desc, eq, or } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { ticketSla } from '../../act/sla/sla.tables.js';
import { ideas } from '../../loop/ideas/ideas.tables.js';
import { listThemes } from '../../analyze/themes/themes.service.js';
import { daysBetweenDates, type DigestPeriod } from './digest-schedule.js';
import { headlineFigures, type HeadlineFigures } from './digest-figures.js';
import type { Locale } from '../../contracts/locales.js';
import { withinPeriod } from './digest-window.js';
import { topDriversFor, type DigestDriver } from './digest-drivers.js';

export const DIGEST_LIMITS = { drivers: 3, themes: 3, ideas: 3 } as const;

export interface DigestContent {
  workspaceName: string;
  period: DigestPeriod;
  previous: DigestPeriod;
  figures: { current: HeadlineFigures; previous: HeadlineFigures };
  drivers: DigestDriver[];
  themes: Array<{ phrase: string; count: number }>;
  slaBreaches: number;
  ideasDone: { count: number; titles: string[] };
}


export async function gatherDigest(
  scope: WorkspaceScope,
  periods: { period: DigestPeriod; previous: DigestPeriod; timeZone: string; language: Locale },
  now = new Date(),
): Promise<DigestContent> {
  const { period, previous, timeZone } = periods;
  const [workspace] = await scope.db
    .select({ name: workspaces.name, timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  const days = Math.min(365, daysBetweenDates(period.start, period.end) + 1);
  const [[current, before], drivers, themes, breaches, done, doneTitles] = await Promise.all([
    headlineFigures(scope, [period, previous], workspace?.timezone ?? 'UTC'),
    topDriversFor(scope, period, periods.language, DIGEST_LIMITS.drivers),
    listThemes(scope, { days, limit: 10 }, now),
    scope.db
      .select({ n: count() })
      .from(ticketSla)
      .where(
        scope.where(
          ticketSla,
          or(withinPeriod(ticketSla.firstResponseBreachedAt, period, timeZone), withinPeriod(ticketSla.resolutionBreachedAt, period, timeZone)),
        ),
      ),
    scope.db
      .select({ n: count() })
      .from(ideas)
      .where(scope.where(ideas, eq(ideas.status, 'done'), withinPeriod(ideas.statusChangedAt, period, timeZone))),
    scope.db
      .select({ title: ideas.title })
      .from(ideas)
      .where(scope.where(ideas, eq(ideas.status, 'done'), withinPeriod(ideas.statusChangedAt, period, timeZone)))
      .orderBy(desc(ideas.statusChangedAt))
      .limit(DIGEST_LIMITS.ideas),
  ]);
  return {
    workspaceName: workspace?.name ?? '',
    period,
    previous,
    figures: { current, previous: before },
    drivers,
    themes: themes.data
      .filter((t) => t.trend !== 'falling')
      .slice(0, DIGEST_LIMITS.themes)
      .map((t) => ({ phrase: t.phrase, count: t.count })),
    slaBreaches: Number(breaches[0]?.n ?? 0),
    ideasDone: { count: Number(done[0]?.n ?? 0), titles: doneTitles.map((i) => i.title) },
  };
}
