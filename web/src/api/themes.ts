import type { PromotedTheme, PromoteTheme, ThemeList } from '@feedloop/contracts/themes';
import { request, type RequestOptions } from './client';

export const themesApi = {
  list: (query: { days: number; language?: string }, options?: RequestOptions) => {
    const qs = new URLSearchParams({ days: String(query.days) });
    if (query.language) qs.set('language', query.language);
    return request<ThemeList>('GET', `/api/v1/themes?${qs}`, undefined, options);
  },

  promote: (input: PromoteTheme) => request<PromotedTheme>('POST', '/api/v1/themes/promote', input),
};
