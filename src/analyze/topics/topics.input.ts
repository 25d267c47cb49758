// API input for the workspace topic taxonomy.
import { z } from 'zod';

const zName = z.string().trim().min(1).max(80);
const zKeywordList = z.array(z.string().trim().min(1).max(80)).max(200);
const zLanguages = <T extends z.ZodType>(inner: T) =>
  z.strictObject({ fa: inner.optional(), ar: inner.optional(), zh: inner.optional(), en: inner.optional() });

export const zTopicKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2–40 characters: lower-case letters, digits and _, starting with a letter');

export const ZCreateTopicInput = z.strictObject({
  key: zTopicKey.optional().describe('Stable machine name stored on feedback items; derived from the English or first name when omitted'),
  names: zLanguages(zName).refine((n) => Object.values(n).some(Boolean), { message: 'give at least one name' }),
  keywords: zLanguages(zKeywordList)
    .default({})
    .describe('Words or phrases per language, matched on normalised text; a trailing * matches a prefix'),
  examples: z
    .array(z.string().trim().min(1).max(1000))
    .max(100)
    .default([])
    .describe('Example feedback texts: the workspace model learns from them'),
});
export type TCreateTopicInput = z.infer<typeof ZCreateTopicInput>;

export const ZUpdateTopicInput = z.strictObject({
  names: zLanguages(zName.nullable()).optional(),
  keywords: zLanguages(zKeywordList).optional(),
  examples: z.array(z.string().trim().min(1).max(1000)).max(100).optional(),
});
export type TUpdateTopicInput = z.infer<typeof ZUpdateTopicInput>;

export const ZMergeTopicsInput = z.strictObject({
  into: z.uuid().describe('The topic that stays; the merged one is deleted and its items, keywords and examples move over'),
});
