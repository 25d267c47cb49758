// Emailing one member the digest of one period (queued by the digest scan).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { sendDigest } from './send-digests.js';

export const ZSendDigestPayload = z.object({ workspaceId: zUuid, userId: zUuid, periodStart: z.iso.date() });
export type TSendDigestPayload = z.output<typeof ZSendDigestPayload>;

export const sendDigestJob = defineJob({
  queue: 'send-digest',
  payload: ZSendDigestPayload,
  run: (payload, ctx) => sendDigest(ctx, payload),
});
