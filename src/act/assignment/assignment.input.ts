// Request shapes of the workspace's assignment settings.
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { AUTO_ASSIGNMENT_MODES } from '../../contracts/inbox.js';

export const zTopicKey = z.string().trim().min(1).max(64);

export const ZSaveAssignmentSettings = z.strictObject({
  mode: z.enum(AUTO_ASSIGNMENT_MODES).optional(),
  teamId: zUuid.nullable().optional(),
  topicOwners: z
    .array(
      z
        .strictObject({ topic: zTopicKey, userId: zUuid.nullable().default(null), teamId: zUuid.nullable().default(null) })
        .refine((o) => (o.userId === null) !== (o.teamId === null), { message: 'give a userId or a teamId, not both', path: ['userId'] }),
    )
    .max(500)
    .optional()
    .describe('Replaces the whole mapping of topics to owners'),
});
export type TSaveAssignmentSettings = z.infer<typeof ZSaveAssignmentSettings>;
