// Service units: the workspace's hierarchy. Everyone reads it; owners and admins change it.
import type { Customer } from '@feedloop/contracts/customers';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import type { CreateServiceUnit, ServiceUnit, ServiceUnitTree, UpdateServiceUnit } from '@feedloop/contracts/service-units';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1/service-units';

export const serviceUnitsApi = {
  tree: (options?: RequestOptions) => request<ServiceUnitTree>('GET', BASE, undefined, options),
  create: (input: CreateServiceUnit) => request<ServiceUnit>('POST', BASE, input),
  update: (id: string, patch: UpdateServiceUnit) => request<ServiceUnit>('PATCH', `${BASE}/${encodeURIComponent(id)}`, patch),
};

/** Puts an item or a customer in a unit (or in none) through its own update endpoint. */
export const unitAssignmentApi = {
  feedback: (itemId: string, serviceUnitId: string | null) =>
    request<FeedbackItem>('PATCH', `/api/v1/feedback/${encodeURIComponent(itemId)}`, { serviceUnitId }),
  customer: (customerId: string, serviceUnitId: string | null) =>
    request<Customer>('PATCH', `/api/v1/customers/${encodeURIComponent(customerId)}`, { serviceUnitId }),
};
