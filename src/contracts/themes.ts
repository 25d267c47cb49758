// Emerging themes: recurring phrases of recent feedback that no topic keyword covers yet.
import type { TopicLanguage, TopicNames } from './analysis.js';
import type { List } from './page.js';

/** The theme's count against the window before: new (none then), rising, steady or falling. */
export const THEME_TRENDS = ['new', 'rising', 'steady', 'falling'] as const;
export type ThemeTrend = (typeof THEME_TRENDS)[number];

export interface Theme {
  /** The most frequent spelling customers used. */
  phrase: string;
  /** Normalised form: what the phrase is counted and matched by. */
  key: string;
  language: string;
  count: number;
  previousCount: number;
  trend: ThemeTrend;
  score: number;
  /** Share of the theme's items that already have some topic. */
  coveredShare: number;
  exampleItems: Array<{ id: string; text: string }>;
}

/** GET /themes: `window.capped` says the window held more items than were read. */
export interface ThemeList extends List<Theme> {
  window: { from: string; to: string; days: number; items: number; previousItems: number; capped: boolean };
}

/** POST /themes/promote: topic keywords exist in the four languages, so a theme of another cannot become one. */
export interface PromoteTheme {
  phrase: string;
  language: TopicLanguage;
  /** Topic names per language; each missing one is the phrase itself. */
  names?: TopicNames;
  days?: number;
}

/** The new topic and the re-analysis that brings it to past feedback. */
export interface PromotedTheme {
  topic: { id: string; key: string; names: TopicNames };
  reanalysis: { id: string; total: number };
}
