// Request shapes of rules: the definition itself is checked by the service against
// ZRuleDefinition (contracts/rules.ts), so a bad condition is a 422 naming its path.
import { z } from 'zod';
import { zPageQuery } from '../../platform/http/zod-types.js';

export const zRuleName = z.string().trim().min(1).max(200);

export const ZCreateRule = z.strictObject({
  name: zRuleName,
  enabled: z.boolean().default(true),
  definition: z.unknown(),
});
export type TCreateRule = z.infer<typeof ZCreateRule>;

export const ZUpdateRule = z
  .strictObject({ name: zRuleName.optional(), enabled: z.boolean().optional(), definition: z.unknown().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['name'] });
export type TUpdateRule = z.infer<typeof ZUpdateRule>;

export const ZListRuns = z.strictObject({ ...zPageQuery });

export const ZDryRun = z.strictObject({
  definition: z.unknown(),
  days: z.coerce.number().int().min(1).max(365).default(30),
});
