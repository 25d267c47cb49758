// Request shapes of SLA policies: the whole set at once, at most one policy per priority and segment.
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { TICKET_PRIORITIES } from '../../contracts/act.js';

export const SLA_LIMITS = { policies: 100, maxTargetMinutes: 60 * 24 * 365 } as const;

const zTarget = z.number().int().min(1).max(SLA_LIMITS.maxTargetMinutes).nullable().describe('Business minutes; null: no target');

export const ZSlaPolicies = z.strictObject({
  policies: z
    .array(
      z.strictObject({
        priority: z.enum(TICKET_PRIORITIES),
        segmentId: zUuid.nullable().default(null),
        firstResponseMinutes: zTarget,
        resolutionMinutes: zTarget,
        warnPercent: z.number().int().min(1).max(99).default(80),
      }),
    )
    .max(SLA_LIMITS.policies)
    .superRefine((policies, ctx) => {
      const seen = new Set<string>();
      policies.forEach((p, i) => {
        const key = `${p.priority}/${p.segmentId ?? ''}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'priority'], message: 'another policy has this priority and segment' });
        seen.add(key);
      });
    }),
});
export type TSlaPolicies = z.infer<typeof ZSlaPolicies>;
