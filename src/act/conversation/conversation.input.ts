// Request shapes of a ticket's conversation.
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { MESSAGE_KINDS } from '../../contracts/inbox.js';

export const CONVERSATION_LIMITS = { bodyChars: 10_000, mentionsPerNote: 20 } as const;

export const ZNewTicketMessage = z
  .strictObject({
    kind: z.enum(MESSAGE_KINDS).describe('reply: emailed to the customer; note: seen by teammates only'),
    body: z.string().trim().min(1).max(CONVERSATION_LIMITS.bodyChars),
    mentions: z.array(zUuid).max(CONVERSATION_LIMITS.mentionsPerNote).default([]).describe('Teammates a note mentions'),
  })
  .refine((m) => m.kind === 'note' || m.mentions.length === 0, { message: 'only notes mention teammates', path: ['mentions'] });
export type TNewTicketMessage = z.infer<typeof ZNewTicketMessage>;
