// Request shapes of saved views.
import { z } from 'zod';

// The explorer's URL parameters (`sentiment=negative&topic=delivery`), kept as given.
const ZFilters = z
  .record(z.string().regex(/^[a-z_]{1,30}$/, 'filter names are lowercase words'), z.string().max(500))
  .refine((f) => Object.keys(f).length <= 30, 'at most 30 filters');

export const ZCreateSavedView = z.strictObject({
  name: z.string().trim().min(1).max(100),
  filters: ZFilters,
  shared: z.boolean().default(false),
});
export const ZUpdateSavedView = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  filters: ZFilters.optional(),
  shared: z.boolean().optional(),
});
export type TCreateSavedView = z.infer<typeof ZCreateSavedView>;
export type TUpdateSavedView = z.infer<typeof ZUpdateSavedView>;
