// Surveys over REST: templates, create/edit/publish/close, sends, triggers, preview, results
// (sending, email previews and personal links: survey-distribution.routes.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zLocale, zUuid } from '../../platform/http/zod-types.js';
import { readsFeedbackText } from '../../platform/auth/permissions.js';
import { questionPage } from './link-page.js';
import { nameIn } from '../../contracts/survey-definition.js';
import { messagesFor } from './page-messages.js';
import { ZCreateTriggerInput, ZCreateSurveyInput, ZListSendsQuery, ZListSurveysQuery, ZUpdateSurveyInput } from './surveys.input.js';
import { listSurveySends } from './send-survey.js';
import { surveyDistributionRoutes } from './survey-distribution.routes.js';
import { createTrigger, deleteTrigger, listTriggers } from './survey-triggers.js';
import { createSurvey, getSurvey, listSurveys, setSurveyStatus, updateSurvey } from './surveys.service.js';
import { surveyResults } from './survey-results.js';
import { SURVEY_TEMPLATES } from './survey-templates.js';

const tags = ['surveys'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function surveyRoutes(app: FastifyInstance, opts: { publicUrl: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const withUrl = <T extends { linkPath: string }>(s: T) => ({ ...s, url: `${opts.publicUrl}${s.linkPath}` });

  r.get(
    '/api/v1/survey-templates',
    {
      config: { permission: 'surveys:read' },
      schema: { tags, summary: 'The shipped survey templates, each in fa, ar, zh and en' },
    },
    async () => ({
      data: SURVEY_TEMPLATES.map((t) => ({
        key: t.key,
        name: t.name,
        questions: t.questions.map((q) => ({ id: q.id, type: q.type, title: q.title })),
      })),
    }),
  );

  r.post(
    '/api/v1/surveys',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, summary: 'Create a draft survey from a definition or a template', body: ZCreateSurveyInput },
    },
    async (req, reply) => reply.code(201).send(withUrl(await createSurvey(req.scope, req.body))),
  );

  r.get(
    '/api/v1/surveys',
    {
      config: { permission: 'surveys:read' },
      schema: { tags, summary: 'List surveys, newest first', querystring: ZListSurveysQuery },
    },
    async (req) => {
      const page = await listSurveys(req.scope, req.query);
      return { ...page, data: page.data.map(withUrl) };
    },
  );

  r.get(
    '/api/v1/surveys/:id',
    {
      config: { permission: 'surveys:read' },
      schema: { tags, summary: 'Get a survey with its current definition', params: ZIdParams },
    },
    async (req) => withUrl(await getSurvey(req.scope, req.params.id)),
  );

  r.patch(
    '/api/v1/surveys/:id',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        summary: 'Edit a survey',
        description:
          'A definition change on a survey that has responses creates a new version: existing responses keep the version they answered.',
        params: ZIdParams,
        body: ZUpdateSurveyInput,
      },
    },
    async (req) => withUrl(await updateSurvey(req.scope, req.params.id, req.body)),
  );

  r.post(
    '/api/v1/surveys/:id/publish',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, summary: 'Open the survey for answers (draft or closed → live)', params: ZIdParams },
    },
    async (req) => withUrl(await setSurveyStatus(req.scope, req.params.id, 'live')),
  );

  r.post(
    '/api/v1/surveys/:id/close',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, summary: 'Stop accepting answers (live → closed)', params: ZIdParams },
    },
    async (req) => withUrl(await setSurveyStatus(req.scope, req.params.id, 'closed')),
  );

  await surveyDistributionRoutes(app, opts);

  r.get(
    '/api/v1/surveys/:id/sends',
    {
      config: { permission: 'surveys:read' },
      schema: {
        tags,
        summary:
          'Email sends of a survey, newest first, with status (queued, sent, bounced, failed, skipped) and reason, and a summary: counts per status and the response rate of those sent',
        params: ZIdParams,
        querystring: ZListSendsQuery,
      },
    },
    async (req) => listSurveySends(req.scope, req.params.id, req.query),
  );

  r.post(
    '/api/v1/surveys/:id/triggers',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        summary: 'Send this survey by email when an event happens',
        description:
          'Events: order_placed and order_delivered (from POST /orders with status "delivered"), ticket_resolved, or any event name you send to POST /events. Each event sends at most once per trigger; workspace throttling and unsubscribes apply.',
        params: ZIdParams,
        body: ZCreateTriggerInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createTrigger(req.scope, req.params.id, req.body)),
  );

  r.get(
    '/api/v1/surveys/:id/triggers',
    {
      config: { permission: 'surveys:read' },
      schema: { tags, summary: "The survey's triggers", params: ZIdParams },
    },
    async (req) => listTriggers(req.scope, req.params.id),
  );

  r.delete(
    '/api/v1/surveys/:id/triggers/:triggerId',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, summary: 'Remove a trigger', params: z.strictObject({ id: zUuid, triggerId: zUuid }) },
    },
    async (req, reply) => {
      await deleteTrigger(req.scope, req.params.id, req.params.triggerId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/surveys/:id/preview',
    {
      config: { permission: 'surveys:read' },
      schema: {
        tags,
        summary: 'The link page as respondents see it, in one language, every question at once (answers cannot be sent)',
        params: ZIdParams,
        querystring: z.strictObject({ lang: zLocale.optional() }),
      },
    },
    async (req, reply) => {
      const survey = await getSurvey(req.scope, req.params.id);
      const def = survey.definition;
      const language = req.query.lang && def.languages.includes(req.query.lang) ? req.query.lang : def.defaultLanguage;
      const body = questionPage({
        surveyName: nameIn(survey, language),
        definition: def,
        language,
        questions: def.questions,
        answers: {},
        action: '#',
        hidden: {},
        notice: messagesFor(language)('preview'),
        showWelcome: true,
        submitKey: 'submit',
      });
      // Shown inside the dashboard; the form can never be sent from a preview.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'",
        )
        .send(body);
    },
  );

  r.get(
    '/api/v1/surveys/:id/results',
    {
      config: { permission: 'surveys:read' },
      schema: {
        tags,
        summary:
          'Responses, completion and response rates, NPS/CSAT/CES with 95 % intervals, per-question distributions, open-text answers with analysis',
        params: ZIdParams,
      },
    },
    async (req) => surveyResults(req.scope, req.params.id, { feedbackText: readsFeedbackText(req.actor!) }),
  );
}
