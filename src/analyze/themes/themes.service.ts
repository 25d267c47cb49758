// Emerging themes of a workspace (read from its recent feedback), and turning one into a topic.
import { desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { tokenize } from '../language/tokenize.js';
import { KeywordMatcher } from '../topics/keyword-matcher.js';
import { createTopic, listTopics } from '../topics/topics.service.js';
import { startReanalysis } from '../reanalysis/reanalysis.service.js';
import { extractThemes, type ThemeItem } from './extract-themes.js';
import { THEME_LIMITS } from './limits.js';
import type { TListThemesQuery, TPromoteThemeInput } from './themes.input.js';

const DAY_MS = 86_400_000;

export async function listThemes(scope: WorkspaceScope, query: TListThemesQuery, now = new Date()) {
  const since = new Date(now.getTime() - query.days * DAY_MS);
  const before = new Date(since.getTime() - query.days * DAY_MS);
  const current = await readWindow(scope, since, now, query.language, THEME_LIMITS.maxItemsPerWindow);
  const previous = await readWindow(scope, before, since, query.language, THEME_LIMITS.maxItemsPerWindow);
  const topics = await listTopics(scope);
  const data = extractThemes({ current, previous, matcher: new KeywordMatcher(topics), language: query.language, limit: query.limit });
  return {
    data,
    window: {
      from: since,
      to: now,
      days: query.days,
      items: current.length,
      previousItems: previous.length,
      // The window held more items than are read: themes describe its newest part.
      capped: current.length === THEME_LIMITS.maxItemsPerWindow,
    },
  };
}

/** Items with text created in [from, to), newest first, each text cut to the part themes read. */
function readWindow(scope: WorkspaceScope, from: Date, to: Date, language: string | undefined, limit: number): Promise<ThemeItem[]> {
  return scope.db
    .select({
      id: feedbackItems.id,
      text: sql<string>`left(${feedbackItems.text}, ${THEME_LIMITS.maxTextChars})`,
      language: feedbackItems.language,
      topics: feedbackItems.topics,
      createdAt: feedbackItems.createdAt,
    })
    .from(feedbackItems)
    .where(
      scope.where(
        feedbackItems,
        gte(feedbackItems.createdAt, from),
        lt(feedbackItems.createdAt, to),
        ne(feedbackItems.text, ''),
        language ? eq(feedbackItems.language, language) : undefined,
      ),
    )
    .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id))
    .limit(limit);
}

/**
 * Creates a topic from a theme: the phrase becomes its keyword, the theme's latest items (those
 * the keyword matches, uncovered first) its examples; then past feedback is re-analysed so the
 * new topic reaches the items it was found in.
 */
export async function promoteTheme(scope: WorkspaceScope, input: TPromoteThemeInput, requestedBy: string | null, now = new Date()) {
  if (tokenize(input.phrase).length === 0) throw badRequest('phrase', 'must contain at least one word');
  const keywords = { [input.language]: [input.phrase] };
  const matcher = new KeywordMatcher([{ key: 'theme', keywords }]);
  const since = new Date(now.getTime() - input.days * DAY_MS);
  const recent = await readWindow(scope, since, now, input.language, THEME_LIMITS.promoteScan);
  const examples = recent
    .filter((item) => matcher.match(item.text).size > 0)
    .sort((a, b) => Number(a.topics.length > 0) - Number(b.topics.length > 0))
    .slice(0, THEME_LIMITS.promoteExamples)
    .map((item) => [...item.text].slice(0, 1000).join('').trim());
  const phrase = input.phrase;
  const names = { fa: phrase, ar: phrase, zh: phrase, en: phrase, ...input.names };
  const topic = await createTopic(scope, { names, keywords, examples }).catch((err: unknown) => {
    // The key comes from the English name, which the caller can change; the key itself is not an input here.
    if (err instanceof AppError && err.status === 409)
      throw new AppError(409, 'duplicate', `names.en: ${err.message.replace(/^key: /, '')}; give another English name`, 'names.en');
    throw err;
  });
  const reanalysis = await startReanalysis(scope, requestedBy);
  return { topic, reanalysis };
}
