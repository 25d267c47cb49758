import type { CustomerActivity } from '@feedloop/contracts/customers';

/** Each kind of record a customer has, with its label in the customer360 catalog, in display order. */
export const ACTIVITY_KINDS = [
  ['feedback', 'feedbackCount'],
  ['events', 'eventCount'],
  ['orders', 'orderCount'],
  ['tickets', 'ticketCount'],
  ['tasks', 'taskCount'],
  ['compensations', 'compensationCount'],
] as const satisfies ReadonlyArray<readonly [keyof CustomerActivity, string]>;
