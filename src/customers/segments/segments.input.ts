// Request shapes of segments: a name and the builder's definition (segment-definition.ts).
import { z } from 'zod';
import { SEGMENT_LIMITS, ZSegmentDefinition } from './segment-definition.js';

export const ZSegmentName = z.string().trim().min(1).max(SEGMENT_LIMITS.maxNameLength);

export const ZCreateSegmentInput = z.strictObject({ name: ZSegmentName, definition: ZSegmentDefinition });
export const ZUpdateSegmentInput = z.strictObject({ name: ZSegmentName.optional(), definition: ZSegmentDefinition.optional() });
export const ZPreviewSegmentInput = z.strictObject({ definition: ZSegmentDefinition });

/** Customers added by hand: a page of ids at a time. */
export const ZAddSegmentMembersInput = z.strictObject({ customerIds: z.array(z.uuid()).min(1).max(1000) });
