// Request shapes of teams.
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';

export const ZSaveTeam = z.strictObject({
  name: z.string().trim().min(1).max(80),
  memberIds: z.array(zUuid).max(200).default([]),
});
export type TSaveTeam = z.infer<typeof ZSaveTeam>;
