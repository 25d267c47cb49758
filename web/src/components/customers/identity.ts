import type { TFunction } from 'i18next';
import type { Customer } from '@feedloop/contracts/customers';

/** What to call a customer: the name, else the first identifier they have. */
export function customerLabel(c: Pick<Customer, 'name' | 'email' | 'phone' | 'externalId'>, t: TFunction): string {
  return c.name ?? c.email ?? c.phone ?? c.externalId ?? t('customer360.anonymous');
}
