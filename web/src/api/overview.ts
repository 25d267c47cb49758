import { request, type RequestOptions } from './client';
import type { TopicNames } from './analysis';
import type { ThemeTrend } from './themes';

export interface ScoreFigures {
  nps: number | null;
  npsCount: number;
  promoters: number;
  detractors: number;
  csat: number | null;
  csatCount: number;
  satisfied: number;
}

export interface AttentionItem {
  id: string;
  text: string;
  language: string | null;
  channel: string;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  nps: number | null;
  csat: number | null;
  customerId: string | null;
  createdAt: string;
}

/** The home page figures; days are `YYYY-MM-DD` in the workspace time zone. */
export interface Overview {
  window: { from: string; to: string; today: string; timezone: string };
  today: { count: number };
  volume: Array<{ day: string; count: number }>;
  scores: Array<ScoreFigures & { day: string }>;
  totals: ScoreFigures;
  sentiment: { positive: number; neutral: number; negative: number; unanalysed: number };
  topTopics: Array<{ key: string; count: number; names: TopicNames | null }>;
  themes: Array<{ phrase: string; language: string; count: number; trend: ThemeTrend }>;
  attention: AttentionItem[];
  /** False for a workspace that never received any feedback. */
  hasFeedback: boolean;
}

export const overviewApi = {
  get: (query: { from?: string; to?: string; days?: number } = {}, options?: RequestOptions) => {
    const qs = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
    return request<Overview>('GET', `/api/v1/overview${qs.size ? `?${qs}` : ''}`, undefined, options);
  },
};
