// The widget's public API, called from customers' browsers on the business's own pages:
// /api/v1/widget/<publicKey>/… (checked by widget-guard.ts). The key can only add feedback,
// events, survey displays and answers to its own workspace; it reads nothing but the live
// surveys the widget shows (widgetSurveyRoutes below). A honeypot field and a minimum fill time
// stop form bots. Only a verified identity (widget-identity.ts) reaches a customer: unverified
// feedback is stored without one, unverified events are not stored at all.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/client.js';
import { recordEvents } from '../../customers/customers/record-activity.js';
import { createFeedback } from '../feedback/feedback.service.js';
import type { TCreateFeedbackInput } from '../feedback/feedback.input.js';
import { WIDGET_LIMITS } from './limits.js';
import { widgetGuard, widgetRateLimit } from './widget-guard.js';
import {
  ZDisplayInput,
  ZKeyParams,
  ZSurveyParams,
  ZVisitorQuery,
  ZWidgetAnswersInput,
  ZWidgetEventsInput,
  ZWidgetFeedbackInput,
} from './widget.input.js';
import { recordDisplay, saveWidgetAnswers, widgetConfig, widgetSurvey } from './widget-surveys.service.js';
import { identityMetadata, verifiedCustomer } from './widget-identity.js';

const tags = ['widget'];

export async function widgetPublicRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { permission: 'public' as const, rateLimit: widgetRateLimit };
  const preHandler = (req: FastifyRequest, reply: FastifyReply) => widgetGuard(opts.database, req, reply);

  // CORS preflight: allowed origins get the methods and headers the widget uses, others nothing.
  app.options('/api/v1/widget/:key/*', { config: { permission: 'public', rateLimit: widgetRateLimit } }, async (req, reply) => {
    await widgetGuard(opts.database, req, reply);
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type, idempotency-key')
      .header('access-control-max-age', String(WIDGET_LIMITS.preflightMaxAgeSeconds))
      .send();
  });

  r.post(
    '/api/v1/widget/:key/feedback',
    {
      config: common,
      bodyLimit: WIDGET_LIMITS.bodyBytes,
      preHandler,
      schema: {
        tags,
        summary: 'Feedback or a bug report from the widget (public key, allowed origins only)',
        params: ZKeyParams,
        body: ZWidgetFeedbackInput,
        security: [],
      },
    },
    async (req, reply) => {
      const b = req.body;
      // Bots get the same answer as people, so they learn nothing; their text is not stored.
      if (b.website || b.elapsedMs < WIDGET_LIMITS.minFormMs) return reply.code(202).send({ accepted: true });
      const identity = req.widgetIdentity!;
      const input = {
        channel: 'widget',
        text: b.text,
        language: b.language,
        customer: verifiedCustomer(identity),
        links: {},
        metadata: {
          widget_kind: b.kind,
          page_url: b.pageUrl,
          user_agent: b.userAgent,
          anonymous_id: b.anonymousId,
          ...identityMetadata(identity),
          ...(b.contactEmail ? { contact_email: b.contactEmail } : {}),
          ...(b.kind === 'helpful' ? { helpful: b.helpful, context: b.context } : {}),
        },
      } as TCreateFeedbackInput;
      const { item } = await createFeedback(req.scope, input);
      return reply.code(201).send({ accepted: true, id: item.id });
    },
  );

  r.post(
    '/api/v1/widget/:key/events',
    {
      config: common,
      bodyLimit: WIDGET_LIMITS.bodyBytes,
      preHandler,
      schema: {
        tags,
        summary: 'Behavioural events from the widget',
        params: ZKeyParams,
        body: ZWidgetEventsInput,
        security: [],
        description:
          'Stored for verified visitors (identify() with a userHash from your server), where they may trigger surveys; events of anonymous and unverified visitors only drive the widget in the browser and are not stored.',
      },
    },
    async (req, reply) => {
      const b = req.body;
      const customer = verifiedCustomer(req.widgetIdentity!);
      if (!customer) return reply.code(202).send({ stored: 0 });
      const stored = await recordEvents(
        req.scope,
        b.events.map((e) => ({
          customer,
          name: e.name,
          properties: e.properties,
          occurredAt: e.occurredAt ? new Date(e.occurredAt) : undefined,
        })) as never,
      );
      return reply.code(201).send({ stored: stored.length });
    },
  );
}

/** The surveys the widget shows: what a visitor may see, displays, and answers step by step. */
export async function widgetSurveyRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { permission: 'public' as const, rateLimit: widgetRateLimit };
  const preHandler = (req: FastifyRequest, reply: FastifyReply) => widgetGuard(opts.database, req, reply);

  r.get(
    '/api/v1/widget/:key/config',
    {
      config: common,
      preHandler,
      schema: {
        tags,
        summary: 'The live surveys this visitor may be shown, with their triggers and display rules',
        params: ZKeyParams,
        querystring: ZVisitorQuery,
        security: [],
        description:
          'Verified visitors (identify() with a userHash) are also judged on their segment, display history, opt-out and the workspace throttle; anonymous and unverified visitors get the surveys without a segment, the same answer whoever they claim to be.',
      },
    },
    async (req, reply) => reply.header('cache-control', 'private, no-store').send(await widgetConfig(req.scope, req.widgetIdentity!)),
  );

  r.get(
    '/api/v1/widget/:key/surveys/:surveyId',
    {
      config: common,
      preHandler,
      schema: { tags, summary: 'One live survey, for showSurvey(id)', params: ZSurveyParams, security: [] },
    },
    async (req) => widgetSurvey(req.scope, req.params.surveyId),
  );

  r.post(
    '/api/v1/widget/:key/displays',
    {
      config: common,
      bodyLimit: WIDGET_LIMITS.bodyBytes,
      preHandler,
      schema: { tags, summary: 'A survey was shown to a visitor', params: ZKeyParams, body: ZDisplayInput, security: [] },
    },
    async (req, reply) =>
      reply.code(201).send(
        await recordDisplay(req.scope, {
          widgetKeyId: req.widgetKeyId!,
          surveyId: req.body.surveyId,
          anonymousId: req.body.anonymousId,
          identity: req.widgetIdentity!,
        }),
      ),
  );

  r.post(
    '/api/v1/widget/:key/responses',
    {
      config: common,
      bodyLimit: WIDGET_LIMITS.bodyBytes,
      preHandler,
      schema: {
        tags,
        summary: 'Answers from the widget, one step at a time (the same step twice changes nothing)',
        params: ZKeyParams,
        body: ZWidgetAnswersInput,
        security: [],
      },
    },
    async (req) => saveWidgetAnswers(req.scope, req.body, req.widgetIdentity!),
  );
}
