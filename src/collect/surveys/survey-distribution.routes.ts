// Sending surveys over REST: email to customers, a segment or a pasted list (with a dry run
// first), the email as each language reads it, and personal links one at a time or in bulk.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZEmailPreviewQuery, ZPersonalLinksInput, ZSendSurveyInput } from './surveys.input.js';
import { createPersonalLinks, previewSurveyEmail, previewSurveySend, sendSurvey } from './survey-distribution.js';
import { personalLinkPath } from './surveys.service.js';

const tags = ['surveys'];
const ZIdParams = z.strictObject({ id: zUuid });

// The email preview is shown in the dashboard's frame: no script, no form, nothing loaded from elsewhere.
const EMAIL_PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'";

export async function surveyDistributionRoutes(app: FastifyInstance, opts: { publicUrl: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/surveys/:id/send/preview',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        summary: 'What an email send would do, without sending',
        description:
          'The same body as POST /surveys/{id}/send. Answers how many customers it reaches, how many get the email and in which languages, how many are skipped and why (no email, unsubscribed, surveyed recently, the daily cap), and for a pasted list every entry that is invalid, matches no customer or repeats one, by line.',
        params: ZIdParams,
        body: ZSendSurveyInput,
      },
    },
    async (req) => previewSurveySend(req.scope, req.params.id, req.body),
  );

  r.post(
    '/api/v1/surveys/:id/send',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        summary: 'Email the survey to customers, a saved segment or a pasted list',
        description:
          'Each customer gets one email in their language (queued, sent by the background workers). Customers without an email, who unsubscribed, or who were surveyed within the workspace throttle window (default 30 days, any survey) are skipped and listed with the reason; a pasted list reports its unusable entries by line. Preview first with POST /surveys/{id}/send/preview.',
        params: ZIdParams,
        body: ZSendSurveyInput,
      },
    },
    async (req, reply) => reply.code(202).send(await sendSurvey(req.scope, req.params.id, req.body)),
  );

  r.get(
    '/api/v1/surveys/:id/email-preview',
    {
      config: { permission: 'surveys:read' },
      schema: {
        tags,
        summary: 'The survey email in one language: subject, HTML and text (its links lead nowhere)',
        params: ZIdParams,
        querystring: ZEmailPreviewQuery,
      },
    },
    async (req) => previewSurveyEmail(req.scope, req.params.id, opts.publicUrl, req.query.lang),
  );

  r.get(
    '/api/v1/surveys/:id/email-preview/html',
    {
      config: { permission: 'surveys:read' },
      schema: {
        tags,
        summary: 'The survey email in one language as an HTML page, for the dashboard',
        params: ZIdParams,
        querystring: ZEmailPreviewQuery,
      },
    },
    async (req, reply) => {
      const email = await previewSurveyEmail(req.scope, req.params.id, opts.publicUrl, req.query.lang);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', EMAIL_PREVIEW_CSP)
        .send(email.html);
    },
  );

  r.post(
    '/api/v1/surveys/:id/links',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        summary: 'A personal link for one customer (signed; answers are attached to the customer)',
        params: ZIdParams,
        body: z.strictObject({ customerId: zUuid }),
      },
    },
    async (req, reply) => {
      const link = await personalLinkPath(req.scope, req.params.id, req.body.customerId);
      return reply.code(201).send({ url: `${opts.publicUrl}${link.path}`, expiresAt: link.expiresAt });
    },
  );

  r.post(
    '/api/v1/surveys/:id/links/bulk',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        summary: 'Personal links for several customers: by id or a pasted list',
        description:
          "One signed link per customer, with the customer's name, email, phone and external id (and the list entry that named them); a pasted list reports its unusable entries by line.",
        params: ZIdParams,
        body: ZPersonalLinksInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createPersonalLinks(req.scope, req.params.id, opts.publicUrl, req.body)),
  );
}
