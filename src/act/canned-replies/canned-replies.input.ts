// Request shapes of canned replies: a title and a body in one or more of the four languages.
import { z } from 'zod';
import { LOCALES } from '../../contracts/locales.js';

const zText = z.strictObject({ title: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(5000) });

export const ZSaveCannedReply = z.strictObject({
  texts: z
    .strictObject(
      Object.fromEntries(LOCALES.map((l) => [l, zText.optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<typeof zText>>,
    )
    .refine((t) => Object.values(t).some(Boolean), { message: 'give the reply in at least one language', path: ['en'] }),
});
export type TSaveCannedReply = z.infer<typeof ZSaveCannedReply>;
