import { request, type RequestOptions } from './client';

export type ThemeTrend = 'new' | 'rising' | 'steady' | 'falling';

/** A recurring phrase of recent feedback that no topic keyword covers yet. */
export interface Theme {
  phrase: string;
  key: string;
  language: string;
  count: number;
  previousCount: number;
  trend: ThemeTrend;
  score: number;
  coveredShare: number;
  exampleItems: Array<{ id: string; text: string }>;
}

export interface ThemeList {
  data: Theme[];
  window: { from: string; to: string; days: number; items: number; previousItems: number; capped: boolean };
}

export interface PromotedTheme {
  topic: { id: string; key: string; names: Partial<Record<'fa' | 'ar' | 'zh' | 'en', string>> };
  reanalysis: { id: string; total: number };
}

export const themesApi = {
  list: (query: { days: number; language?: string }, options?: RequestOptions) => {
    const qs = new URLSearchParams({ days: String(query.days) });
    if (query.language) qs.set('language', query.language);
    return request<ThemeList>('GET', `/api/v1/themes?${qs}`, undefined, options);
  },

  promote: (input: { phrase: string; language: string; days: number }) =>
    request<PromotedTheme>('POST', '/api/v1/themes/promote', input),
};
