// Input of the widget's public API. Only the fields listed here can be written; the workspace
// always comes from the public key.
import { z } from 'zod';
import { zHappenedAt, zLocale, zUuid } from '../../platform/http/zod-types.js';
import { WIDGET_LIMITS } from './limits.js';

export const ZKeyParams = z.strictObject({ key: z.string().max(64) });
const zText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'contains a NUL character');
export const zVisitor = {
  anonymousId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional()
    .describe('The visitor id the widget keeps for this browser'),
  // No line breaks: the signed message puts one between the id and the email.
  externalId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters or line breaks')
    .optional()
    .describe('From identify(); verified only with a matching userHash'),
  email: z.email().max(320).optional().describe('Given to identify(); verified only as part of a matching userHash'),
  userHash: z
    .string()
    .trim()
    .max(128)
    .optional()
    .describe(
      "identify()'s userHash: hex HMAC-SHA256 of externalId (+ \"\\n\" + email) under the widget key's identity secret, made by the business's server",
    ),
};

export const ZWidgetFeedbackInput = z
  .strictObject({
    kind: z.enum(['feedback', 'bug', 'idea', 'question', 'helpful']).default('feedback'),
    text: zText(5_000).default(''),
    /** "Was this helpful?" blocks: the vote (kind helpful), and what the block was about. */
    helpful: z.boolean().optional(),
    context: zText(200).optional(),
    pageUrl: z.url().max(2_000).optional(),
    userAgent: zText(500).optional(),
    language: zLocale.optional(),
    ...zVisitor,
    /** Typed into the feedback form: kept on the item to reply to, never used to find a customer. */
    contactEmail: z.email().max(320).optional(),
    /** Hidden from people; a bot fills it in. */
    website: z.string().max(500).optional(),
    /** Milliseconds between showing the form and sending it. */
    elapsedMs: z.number().int().min(0).max(86_400_000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'helpful' && v.helpful === undefined)
      ctx.addIssue({ code: 'custom', path: ['helpful'], message: 'a helpful vote needs helpful: true or false' });
    if (v.kind !== 'helpful' && !v.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'write something first' });
  });

export const ZWidgetEventsInput = z.strictObject({
  ...zVisitor,
  events: z
    .array(
      z.strictObject({
        name: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .regex(/^[\p{L}\p{N}_.:\- ]+$/u, 'letters, digits, space and _ . : - only'),
        properties: z
          .record(z.string(), z.unknown())
          .refine((o) => JSON.stringify(o).length <= 4_096, 'at most 4 KB')
          .default({}),
        occurredAt: z.iso.datetime({ offset: true }).pipe(zHappenedAt).optional(),
      }),
    )
    .min(1)
    .max(WIDGET_LIMITS.eventsPerCall),
});

export const ZVisitorQuery = z.strictObject(zVisitor);

export const ZSurveyParams = z.strictObject({ key: ZKeyParams.shape.key, surveyId: zUuid });

export const ZDisplayInput = z.strictObject({ surveyId: zUuid, ...zVisitor });

export const ZWidgetAnswersInput = z.strictObject({
  surveyId: zUuid,
  responseKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,43}$/, 'must be the 128-bit id the widget made for this showing')
    .describe('Random per showing: every step and every retry reach the same response'),
  answers: z
    .record(z.string().max(40), z.unknown())
    .refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 50, 'give 1 to 50 answers'),
  language: zLocale,
  ...zVisitor,
});
