// The overview: the figures of the dashboard's home page; days are `YYYY-MM-DD` in the
// workspace time zone.
import type { TopicNames } from './analysis.js';
import type { Channel, Sentiment } from './feedback.js';
import type { ThemeTrend } from './themes.js';

/** NPS = % promoters (9–10) − % detractors (0–6); CSAT = % of answers 4–5. */
export interface ScoreFigures {
  nps: number | null;
  npsCount: number;
  promoters: number;
  detractors: number;
  csat: number | null;
  csatCount: number;
  satisfied: number;
}

/** A newest negative item, detractor or CSAT 1–2: someone should follow it up. */
export interface AttentionItem {
  id: string;
  text: string;
  language: string | null;
  channel: Channel;
  sentiment: Sentiment | null;
  nps: number | null;
  csat: number | null;
  customerId: string | null;
  createdAt: string;
}

/** GET /overview. */
export interface Overview {
  window: { from: string; to: string; today: string; timezone: string };
  today: { count: number };
  volume: Array<{ day: string; count: number }>;
  scores: Array<ScoreFigures & { day: string }>;
  totals: ScoreFigures;
  sentiment: { positive: number; neutral: number; negative: number; unanalysed: number };
  /** A deleted topic has no names. */
  topTopics: Array<{ key: string; count: number; names: TopicNames | null }>;
  themes: Array<{ phrase: string; language: string; count: number; trend: ThemeTrend }>;
  attention: AttentionItem[];
  /** False for a workspace that never received any feedback. */
  hasFeedback: boolean;
}
