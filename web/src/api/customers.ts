import type { Customer, CustomerProfile, CustomerTimeline, MergeResult } from '@feedloop/contracts/customers';
import type { Page } from '@feedloop/contracts/page';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1/customers';
const id = (s: string) => encodeURIComponent(s);
const pageQuery = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
};

export const customersApi = {
  list: (q: { q?: string; cursor?: string; limit?: number }, options?: RequestOptions) =>
    request<Page<Customer>>('GET', `${BASE}?${pageQuery({ q: q.q, cursor: q.cursor, limit: String(q.limit ?? 25) })}`, undefined, options),
  profile: (customerId: string, options?: RequestOptions) =>
    request<CustomerProfile>('GET', `${BASE}/${id(customerId)}/profile`, undefined, options),
  timeline: (customerId: string, cursor?: string, options?: RequestOptions) =>
    request<CustomerTimeline>('GET', `${BASE}/${id(customerId)}/timeline?${pageQuery({ cursor, limit: '20' })}`, undefined, options),
  merge: (targetId: string, sourceId: string, preview: boolean) =>
    request<MergeResult>('POST', `${BASE}/merge`, { targetId, sourceId, preview }),
};
