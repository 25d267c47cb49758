// Request shapes of compensations: only these fields can be written.
import { z } from 'zod';
import { zDecimal, zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { COMPENSATION_KINDS, COMPENSATION_STATUSES } from './compensations.tables.js';

const zNote = z.string().trim().max(2000);
const zCurrency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as IRR, SAR, CNY, USD');

export const ZCreateCompensation = z
  .strictObject({
    customerId: zUuid,
    kind: z.enum(COMPENSATION_KINDS),
    amount: zDecimal().pipe(z.number().positive().max(1e12)).nullable().optional(),
    currency: zCurrency.nullable().optional(),
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
  status: z.enum(COMPENSATION_STATUSES).optional(),
});

export const ZApprovalLimits = z.strictObject({
  limits: z
    .array(z.strictObject({ currency: zCurrency, maxAmount: zDecimal().pipe(z.number().min(0).max(1e12)) }))
    .max(50)
    .refine((limits) => new Set(limits.map((l) => l.currency)).size === limits.length, { message: 'one limit per currency' }),
});
export type TApprovalLimits = z.infer<typeof ZApprovalLimits>;
