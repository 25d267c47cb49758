// The overview: the figures of the dashboard's home page, days counted in the workspace time
// zone. Counts and scores are summed from the daily rollups (at most about a minute behind);
// only the few newest items needing attention are read from the items, by index.
import { and, desc, eq, gte, inArray, lt, or, lte, sql, type SQL } from 'drizzle-orm';
import { dailyFigures, topTopicKeys, type DayFigures } from './overview-figures.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { topics } from '../../analyze/topics/topics.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { listThemes } from '../../analyze/themes/themes.service.js';
import { ensureDefaultTopics } from '../../analyze/topics/topics.service.js';
import { badRequest } from '../../platform/http/errors.js';
import { addDays, daysBetween, OVERVIEW_DEFAULT_DAYS, OVERVIEW_MAX_DAYS, type TOverviewQuery } from './overview.input.js';

export const OVERVIEW_LIMITS = { topTopics: 8, themes: 5, attention: 8, attentionTextChars: 280, maxThemeDays: 90 } as const;

interface Window {
  from: string;
  to: string;
  timezone: string;
}

/** Today's `YYYY-MM-DD` in a time zone (en-CA formats dates that way). */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

// Local midnights as instants, computed by the database so every engine agrees on DST.
const startOf = (day: string, tz: string) => sql`((${day})::date)::timestamp at time zone ${tz}`;
const inDays = (w: Window): SQL =>
  and(gte(feedbackItems.createdAt, startOf(w.from, w.timezone)), lt(feedbackItems.createdAt, startOf(addDays(w.to, 1), w.timezone))) as SQL;

export async function getOverview(scope: WorkspaceScope, query: TOverviewQuery, now = new Date()) {
  const [workspace] = await scope.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const timezone = workspace?.timezone ?? 'UTC';
  const today = localDay(now, timezone);
  const to = query.to ?? today;
  const window: Window = { from: query.from ?? addDays(to, -((query.days ?? OVERVIEW_DEFAULT_DAYS) - 1)), to, timezone };
  const length = daysBetween(window.from, window.to) + 1;
  if (length < 1) throw badRequest('from', 'must not be after to (today when to is omitted)');
  if (length > OVERVIEW_MAX_DAYS)
    throw badRequest('from', `must be at most ${OVERVIEW_MAX_DAYS} days before to (today when to is omitted)`);
  const days = Array.from({ length }, (_, i) => addDays(window.from, i));
  // Topic names come from the taxonomy: make sure a new workspace has its defaults first.
  await ensureDefaultTopics(scope);

  const [todayRows, figures, topTopics, attention, themes, hasFeedback] = await Promise.all([
    dailyFigures(scope, today, today),
    dailyFigures(scope, window.from, window.to),
    topTopicsOf(scope, window),
    needingAttention(scope, window),
    listThemes(scope, { days: Math.min(OVERVIEW_LIMITS.maxThemeDays, days.length), limit: OVERVIEW_LIMITS.themes }, now),
    hasAnyFeedback(scope),
  ]);

  const byDay = new Map(figures.map((row) => [row.day, row]));
  return {
    window: { ...window, today },
    today: { count: todayRows[0]?.items ?? 0 },
    volume: days.map((day) => ({ day, count: byDay.get(day)?.items ?? 0 })),
    scores: days.map((day) => scorePoint(day, byDay.get(day))),
    totals: totalsOf(figures),
    sentiment: sentimentSplit(figures),
    topTopics,
    themes: themes.data.map((theme) => ({ phrase: theme.phrase, language: theme.language, count: theme.count, trend: theme.trend })),
    attention,
    // False only for a workspace that never received feedback: the dashboard shows its first steps.
    hasFeedback,
  };
}

async function hasAnyFeedback(scope: WorkspaceScope): Promise<boolean> {
  const rows = await scope.db.select({ one: sql`1` }).from(feedbackItems).where(scope.where(feedbackItems)).limit(1);
  return rows.length > 0;
}

interface ScoreRow {
  day: string;
  npsCount: number;
  promoters: number;
  detractors: number;
  csatCount: number;
  satisfied: number;
}

const percent = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);

/** NPS = % promoters (9–10) − % detractors (0–6); CSAT = % of answers 4–5 on the 1–5 scale. */
function scoreFigures(row: Omit<ScoreRow, 'day'>) {
  return {
    nps: row.npsCount ? Math.round((1000 * (row.promoters - row.detractors)) / row.npsCount) / 10 : null,
    npsCount: row.npsCount,
    promoters: row.promoters,
    detractors: row.detractors,
    csat: percent(row.satisfied, row.csatCount),
    csatCount: row.csatCount,
    satisfied: row.satisfied,
  };
}

function scorePoint(day: string, row: ScoreRow | undefined) {
  return { day, ...scoreFigures(row ?? { npsCount: 0, promoters: 0, detractors: 0, csatCount: 0, satisfied: 0 }) };
}

function totalsOf(rows: ScoreRow[]) {
  const sum = (key: keyof Omit<ScoreRow, 'day'>) => rows.reduce((total, row) => total + row[key], 0);
  return scoreFigures({
    npsCount: sum('npsCount'),
    promoters: sum('promoters'),
    detractors: sum('detractors'),
    csatCount: sum('csatCount'),
    satisfied: sum('satisfied'),
  });
}

function sentimentSplit(rows: DayFigures[]) {
  const sum = (key: 'items' | 'positive' | 'neutral' | 'negative') => rows.reduce((total, row) => total + row[key], 0);
  const [items, positive, neutral, negative] = [sum('items'), sum('positive'), sum('neutral'), sum('negative')];
  return { positive, neutral, negative, unanalysed: items - positive - neutral - negative };
}

/** The most frequent topics with their names from the taxonomy (a deleted topic has none). */
async function topTopicsOf(scope: WorkspaceScope, w: Window) {
  const top = await topTopicKeys(scope, w.from, w.to, OVERVIEW_LIMITS.topTopics);
  if (top.length === 0) return [];
  const named = await scope.db
    .select({ key: topics.key, names: topics.names })
    .from(topics)
    .where(
      scope.where(
        topics,
        inArray(
          topics.key,
          top.map((t) => t.key),
        ),
      ),
    );
  const names = new Map(named.map((t) => [t.key, t.names]));
  return top.map((t) => ({ ...t, names: names.get(t.key) ?? null }));
}

/** The newest negative items and detractors, for someone to follow up. */
function needingAttention(scope: WorkspaceScope, w: Window) {
  const f = feedbackItems;
  return scope.db
    .select({
      id: f.id,
      text: sql<string>`left(${f.text}, ${OVERVIEW_LIMITS.attentionTextChars})`,
      language: f.language,
      channel: f.channel,
      sentiment: f.sentiment,
      nps: f.nps,
      csat: f.csat,
      customerId: f.customerId,
      createdAt: f.createdAt,
    })
    .from(f)
    .where(scope.where(f, inDays(w), or(eq(f.sentiment, 'negative'), lte(f.nps, 6), lte(f.csat, 2))))
    .orderBy(desc(f.createdAt), desc(f.id))
    .limit(OVERVIEW_LIMITS.attention);
}
