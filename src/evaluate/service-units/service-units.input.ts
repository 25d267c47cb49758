// API input for service units: a name and a level label, a parent (a move names the new one), an
// optional external code for imports and the API, archived or not.
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';

const zName = z.string().trim().min(1, 'must not be empty').max(200);
const zKind = z.string().trim().min(1, 'must not be empty').max(50).describe('The level: region, branch, store, team…');
const zExternalCode = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .describe("The unit's code in your other systems: feedback can name its unit by it");

export const ZCreateServiceUnit = z.strictObject({
  name: zName,
  kind: zKind,
  parentId: zUuid.nullable().optional().describe('The unit it belongs to; none for a top-level unit'),
  externalCode: zExternalCode.nullable().optional(),
});
export type TCreateServiceUnit = z.infer<typeof ZCreateServiceUnit>;

export const ZUpdateServiceUnit = z
  .strictObject({
    name: zName.optional(),
    kind: zKind.optional(),
    parentId: zUuid.nullable().optional().describe('Moves the unit (with its subtree) under another, or to the top'),
    externalCode: zExternalCode.nullable().optional(),
    archived: z.boolean().optional().describe('Archiving a unit archives its descendants; restoring needs an active parent'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['name'] });
export type TUpdateServiceUnit = z.infer<typeof ZUpdateServiceUnit>;

/** How feedback names its unit when stored: by id, or by the unit's external code. */
export const zServiceUnitId = zUuid.nullable().optional().describe('The service unit (of this workspace) it belongs to');
