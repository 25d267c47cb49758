import { z } from 'zod';
import { TICKET_PRIORITIES } from '../../act/tickets/tickets.tables.js';
import { zDateTime, zHappenedAt, zJsonObject, zPageQuery, zUuid, zWholeNumber } from '../../platform/http/zod-types.js';
import { ZCustomerRef } from '../../customers/customers/customers.input.js';
import { HTTP_LIMITS } from '../../platform/http/limits.js';
import { zServiceUnitId } from '../../evaluate/service-units/service-units.input.js';
import {
  CHANNELS,
  FEEDBACK_STATUSES,
  FEEDBACK_TYPES,
  SCORE_RANGES,
  SCORE_TYPES,
  SENTIMENTS,
  type ScoreType,
} from '../../contracts/feedback.js';

export { CHANNELS, FEEDBACK_TYPES, SCORE_RANGES, SENTIMENTS, type ScoreType };
export const ZChannel = z.enum(CHANNELS);

const SCORE_SCHEMAS = Object.fromEntries(
  Object.entries(SCORE_RANGES).map(([type, [min, max]]) => [type, zWholeNumber(min, max)]),
) as Record<ScoreType, ReturnType<typeof zWholeNumber>>;

/**
 * The one rule for a score wherever one is accepted (API, bulk, import, survey and widget
 * answers): a whole number in the score's range, as a JSON number or a string of digits in any
 * script ("7", "۷", "٧").
 */
export const zScore = (type: ScoreType) => SCORE_SCHEMAS[type];

const ZLinks = z.strictObject({
  surveyResponseId: zUuid.nullable().optional(),
  ticketId: zUuid.nullable().optional(),
  orderId: zUuid.nullable().optional(),
  reviewId: z.string().max(200).nullable().optional(),
});

const ZLanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as fa, ar, zh, en');

export const ZCreateFeedbackInput = z
  .strictObject({
    channel: ZChannel,
    text: z
      .string()
      .max(HTTP_LIMITS.maxTextLength)
      .refine((s) => !s.includes('\u0000'), 'contains a NUL character (U+0000), which cannot be stored')
      .default(''),
    customerId: zUuid.optional().describe('An existing customer of this workspace'),
    customer: ZCustomerRef.optional().describe('Identify (or create) the customer by externalId, email or phone'),
    externalId: z.string().trim().min(1).max(200).optional().describe('Your id for this item; re-sending it never duplicates'),
    language: ZLanguageCode.optional().describe('Skip detection and use this language'),
    nps: zScore('nps').optional(),
    csat: zScore('csat').optional(),
    ces: zScore('ces').optional(),
    rating: zScore('rating').optional(),
    metadata: zJsonObject.default({}),
    links: ZLinks.default({}),
    createdAt: zHappenedAt.optional().describe('When the customer gave the feedback (default: now); from 2000-01-01 to one day ahead'),
    serviceUnitId: zUuid.optional().describe("The service unit it belongs to; without one, the customer's unit"),
    serviceUnitCode: z.string().trim().min(1).max(100).optional().describe('The service unit, named by its external code'),
  })
  .refine((v) => v.text.trim().length > 0 || v.nps != null || v.csat != null || v.ces != null || v.rating != null, {
    message: 'give text or at least one score',
    path: ['text'],
  })
  .refine((v) => !(v.customerId && v.customer), { message: 'give customerId or customer, not both', path: ['customer'] })
  .refine((v) => !(v.serviceUnitId && v.serviceUnitCode), {
    message: 'give serviceUnitId or serviceUnitCode, not both',
    path: ['serviceUnitCode'],
  });
export type TCreateFeedbackInput = z.infer<typeof ZCreateFeedbackInput>;

export const ZBulkCreateFeedbackInput = z.strictObject({
  items: z.array(z.unknown()).min(1).max(HTTP_LIMITS.maxBulkItems).describe('Each item has the shape of the single create body'),
  mode: z
    .enum(['atomic', 'partial'])
    .default('atomic')
    .describe('atomic: any invalid item stores nothing; partial: valid items are stored in one transaction, invalid ones reported'),
});

export const ZUpdateFeedbackInput = z.strictObject({
  customerId: zUuid.nullable().optional(),
  language: ZLanguageCode.optional(),
  nps: zScore('nps').nullable().optional(),
  csat: zScore('csat').nullable().optional(),
  ces: zScore('ces').nullable().optional(),
  rating: zScore('rating').nullable().optional(),
  metadata: zJsonObject.optional(),
  links: ZLinks.optional(),
  serviceUnitId: zServiceUnitId,
});
export type TUpdateFeedbackInput = z.infer<typeof ZUpdateFeedbackInput>;

const TAG_MAX = 50;
export const ZTag = z
  .string()
  .trim()
  .min(1)
  .max(TAG_MAX)
  .refine((s) => !s.includes(','), 'must not contain a comma');

// A comma-separated list; a bad value is reported on the parameter itself (`sentiment`, not `sentiment.0`).
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const values = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (values.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one value' });
      for (const value of values) {
        const parsed = item.safeParse(value);
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: `${value.slice(0, 50)}: ${parsed.error.issues[0].message}` });
      }
      return values as Array<z.output<T>>;
    });

export const ZListFeedbackQuery = z
  .strictObject({
    channel: csv(ZChannel).optional(),
    language: csv(z.string().regex(/^([a-z]{2,3}|und)$/)).optional(),
    status: z.enum(FEEDBACK_STATUSES).optional(),
    score_type: z.enum(SCORE_TYPES).optional(),
    score_min: zWholeNumber(0, 10).optional(),
    score_max: zWholeNumber(0, 10).optional(),
    from: zDateTime.optional(),
    to: zDateTime.optional(),
    customer_id: zUuid.optional(),
    service_unit_id: zUuid.optional().describe('Items of this service unit or any unit under it (its figures in the metrics)'),
    segment: zUuid.optional().describe('Items from customers in this segment'),
    survey_id: zUuid.optional().describe('Items answering this survey'),
    has_ticket: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('Items linked (or not) to a ticket'),
    tag: csv(z.string().max(TAG_MAX)).optional().describe('Items having every listed tag'),
    assignee_id: z
      .union([zUuid, z.literal('none')])
      .optional()
      .describe('Items assigned to this teammate, or none'),
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('Full-text search: words (all must match), "a phrase", -excluded, a OR b; the last word also matches as a prefix'),
    sentiment: csv(z.enum(SENTIMENTS)).optional(),
    type: csv(z.enum(FEEDBACK_TYPES)).optional(),
    topic: csv(z.string().max(100)).optional().describe('Items having every listed topic'),
    product: csv(z.string().max(100)).optional().describe("Items about one of the listed products (the item's metadata.product)"),
    sort: z.enum(['newest', 'relevance']).default('newest').describe('relevance needs q'),
    ...zPageQuery,
  })
  .refine((v) => (v.score_min == null && v.score_max == null) || v.score_type, {
    message: 'score_min/score_max need score_type',
    path: ['score_type'],
  })
  .refine((v) => v.sort !== 'relevance' || v.q, { message: 'sort=relevance needs q', path: ['sort'] });
export type TListFeedbackQuery = z.infer<typeof ZListFeedbackQuery>;

export const BULK_UPDATE_MAX = 500;

export const ZBulkUpdateFeedbackInput = z
  .strictObject({
    ids: z.array(zUuid).min(1).max(BULK_UPDATE_MAX),
    addTags: z.array(ZTag).max(20).optional(),
    removeTags: z.array(ZTag).max(20).optional(),
    addTopic: z.string().min(1).max(100).optional().describe('A topic key of the taxonomy; marked as corrected, like a single correction'),
    assigneeId: zUuid.nullable().optional().describe('A member of the workspace, or null to unassign'),
    createTicket: z
      .strictObject({
        subject: z.string().trim().min(1).max(200),
        priority: z.enum(TICKET_PRIORITIES).default('normal'),
      })
      .optional()
      .describe('One new ticket for all the items (its customer: theirs, if they share one)'),
    addToIdea: z
      .union([z.strictObject({ ideaId: zUuid }), z.strictObject({ title: z.string().trim().min(1).max(200) })])
      .optional()
      .describe('Link the items to an existing idea, or to a new one with this title'),
  })
  .refine((v) => v.addTags || v.removeTags || v.addTopic || v.assigneeId !== undefined || v.createTicket || v.addToIdea, {
    message: 'give at least one change',
    path: ['addTags'],
  });
export type TBulkUpdateFeedbackInput = z.infer<typeof ZBulkUpdateFeedbackInput>;
