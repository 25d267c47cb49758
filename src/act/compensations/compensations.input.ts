// Request shapes of compensations: only these fields can be written.
import { z } from 'zod';
import { zDecimal, zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { COMPENSATION_KINDS } from './compensations.tables.js';

const zNote = z.string().trim().max(2000);

export const ZCreateCompensation = z
  .strictObject({
    customerId: zUuid,
    kind: z.enum(COMPENSATION_KINDS),
    amount: zDecimal().pipe(z.number().positive().max(1e12)).nullable().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as IRR, SAR, CNY, USD')
      .nullable()
      .optional(),
    code: z.string().trim().min(1).max(100).nullable().optional().describe('A discount or voucher code'),
    note: zNote.nullable().optional(),
    feedbackId: zUuid.nullable().optional(),
    ticketId: zUuid.nullable().optional(),
  })
  .refine((v) => (v.amount == null) === (v.currency == null), { message: 'give amount and currency together', path: ['currency'] })
  .refine((v) => v.kind !== 'discount_code' || Boolean(v.code), { message: 'a discount code needs its code', path: ['code'] });
export type TCreateCompensation = z.infer<typeof ZCreateCompensation>;

export const ZListCompensations = z.strictObject({
  ...zPageQuery,
  customerId: zUuid.optional(),
});
