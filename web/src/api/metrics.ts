import type { CohortTable, LeagueTable, MetricDimension, MetricId, MetricsQuery, MetricsResponse } from '@feedloop/contracts/metrics';
import { request, type RequestOptions } from './client';

/** `GET /api/v1/metrics`: dimension filters travel as their own parameters (`channel=email,chat`). */
export function metricsSearch(query: MetricsQuery): URLSearchParams {
  const { filters, ...rest } = query;
  const search = new URLSearchParams(
    Object.entries(rest)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, value]) => [key, value]),
  );
  for (const [dimension, values] of Object.entries(filters ?? {})) if (values?.length) search.set(dimension, values.join(','));
  return search;
}

export const metricsApi = {
  get: (query: MetricsQuery, options?: RequestOptions) =>
    request<MetricsResponse>('GET', `/api/v1/metrics?${metricsSearch(query)}`, undefined, options),
};

export const cohortsApi = {
  get: (query: { from: string; to: string }, options?: RequestOptions) =>
    request<CohortTable>('GET', `/api/v1/metrics/cohorts?${new URLSearchParams(query)}`, undefined, options),
};

export const leagueApi = {
  get: (
    query: { metric: MetricId; dimension: MetricDimension; from: string; to: string; minN?: number; level?: string },
    options?: RequestOptions,
  ) =>
    request<LeagueTable>(
      'GET',
      `/api/v1/metrics/league?${new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`,
      undefined,
      options,
    ),
};
