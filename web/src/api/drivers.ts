import type { BeforeAfterQuery, BeforeAfterResponse } from '@feedloop/contracts/before-after';
import type { DriversQuery, DriversResponse } from '@feedloop/contracts/drivers';
import { request, type RequestOptions } from './client';

const search = (query: object) =>
  new URLSearchParams(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );

export const driversApi = {
  drivers: (query: DriversQuery, options?: RequestOptions) =>
    request<DriversResponse>('GET', `/api/v1/drivers?${search(query)}`, undefined, options),
  beforeAfter: (query: BeforeAfterQuery, options?: RequestOptions) =>
    request<BeforeAfterResponse>('GET', `/api/v1/before-after?${search(query)}`, undefined, options),
};
