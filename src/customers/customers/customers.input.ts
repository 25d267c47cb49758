import { z } from 'zod';
import { zServiceUnitId } from '../../evaluate/service-units/service-units.input.js';
import { zDecimal, zHappenedAt, zJsonObject, zLocale, zUuid } from '../../platform/http/zod-types.js';

const identifiers = {
  externalId: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  phone: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[+()\-\s.\d۰-۹٠-٩]+$/, 'must contain only digits, spaces, + ( ) - .')
    .describe("In any digits and format; stored as E.164, a number without its country code read in the workspace's default country")
    .optional(),
};

const hasIdentifier = (c: { externalId?: string; email?: string; phone?: string }) => Boolean(c.externalId || c.email || c.phone);
const identifierMessage = { message: 'give at least one of externalId, email or phone' };

/** Who a piece of data belongs to: identified (and created if new) by any identifier. */
export const ZCustomerRef = z
  .strictObject({
    ...identifiers,
    name: z.string().trim().max(200).optional(),
    locale: zLocale.optional(),
  })
  .refine(hasIdentifier, identifierMessage);
export type TCustomerRef = z.infer<typeof ZCustomerRef>;

export const ZIdentifyCustomerInput = z
  .strictObject({
    ...identifiers,
    name: z.string().trim().max(200).optional(),
    locale: zLocale.optional(),
    attributes: zJsonObject.optional(),
  })
  .refine(hasIdentifier, identifierMessage);
export type TIdentifyCustomerInput = z.infer<typeof ZIdentifyCustomerInput>;

export const ZUpdateCustomerInput = z.strictObject({
  name: z.string().trim().max(200).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  phone: identifiers.phone.unwrap().nullable().optional(),
  locale: zLocale.nullable().optional(),
  attributes: zJsonObject.optional().describe('Attributes to change, key by key; a key set to null is removed, the others are kept'),
  serviceUnitId: zServiceUnitId.describe("The customer's service unit: their new feedback belongs to it"),
});
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;

export const ZMergeCustomersInput = z
  .strictObject({
    targetId: zUuid.describe('The customer that remains'),
    sourceId: zUuid.describe('The customer merged into the target and then retired'),
    preview: z.boolean().default(false).describe('Only report what would change'),
  })
  .refine((v) => v.targetId !== v.sourceId, { message: 'targetId and sourceId must differ', path: ['sourceId'] });

export const ZRecordEventInput = z.strictObject({
  customer: ZCustomerRef,
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N}_.:\- ]+$/u, 'letters, digits, space and _ . : - only'),
  properties: zJsonObject.default({}),
  occurredAt: zHappenedAt.optional(),
});
export type TRecordEventInput = z.infer<typeof ZRecordEventInput>;

export const ZRecordOrderInput = z.strictObject({
  customer: ZCustomerRef,
  externalId: z.string().trim().min(1).max(200),
  amount: zDecimal().pipe(z.number().min(0).max(1e15)),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as IRR, SAR, CNY, USD')
    .transform((s) => s.toUpperCase()),
  status: z.string().trim().max(50).optional(),
  placedAt: zHappenedAt.optional().describe('When the order was placed (a new order without it: now; an existing one keeps its own)'),
  metadata: zJsonObject.optional().describe('Order details such as its items; on an existing order, merged key by key'),
});
export type TRecordOrderInput = z.infer<typeof ZRecordOrderInput>;
