import type { Overview } from '@feedloop/contracts/overview';
import { request, type RequestOptions } from './client';

export const overviewApi = {
  get: (query: { from?: string; to?: string; days?: number } = {}, options?: RequestOptions) => {
    const qs = new URLSearchParams(
      Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
    return request<Overview>('GET', `/api/v1/overview${qs.size ? `?${qs}` : ''}`, undefined, options);
  },
};
