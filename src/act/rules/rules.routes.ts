// Automation rules over REST: owners and admins write them (workspace:manage); anyone who reads
// tickets reads them, their runs and the playbook gallery.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import { zLocale, zUuid } from '../../platform/http/zod-types.js';
import { ZCreateRule, ZDryRun, ZListRuns, ZUpdateRule } from './rules.input.js';
import { createRule, deleteRule, getRule, listRuleRuns, listRules, updateRule } from './rules.service.js';
import { dryRunRule } from './rule-dry-run.js';
import { PLAYBOOKS } from './playbooks.js';

const ZIdParams = z.strictObject({ id: zUuid });
const read = { permission: 'tickets:read' } as const;
const write = { permission: 'workspace:manage' } as const;
const tags = ['rules'];

export async function ruleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/rules', { config: read, schema: { tags, summary: 'Automation rules, newest first' } }, async (req) =>
    listRules(req.scope),
  );
  r.post('/api/v1/rules', { config: write, schema: { tags, summary: 'Create a rule', body: ZCreateRule } }, async (req, reply) =>
    reply.code(201).send(await createRule(req.scope, req.body, req.actor!.userId)),
  );
  r.get('/api/v1/rules/:id', { config: read, schema: { tags, summary: 'A rule and its versions', params: ZIdParams } }, async (req) =>
    getRule(req.scope, req.params.id),
  );
  r.patch(
    '/api/v1/rules/:id',
    { config: write, schema: { tags, summary: 'Edit (a new version), enable or disable a rule', params: ZIdParams, body: ZUpdateRule } },
    async (req) => updateRule(req.scope, req.params.id, req.body, req.actor!.userId),
  );
  r.delete(
    '/api/v1/rules/:id',
    { config: write, schema: { tags, summary: 'Delete a rule and its runs', params: ZIdParams } },
    async (req, reply) => {
      await deleteRule(req.scope, req.params.id);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/v1/rules/:id/runs',
    {
      config: read,
      schema: { tags, summary: "A rule's runs: what matched, what each action did", params: ZIdParams, querystring: ZListRuns },
    },
    async (req) => listRuleRuns(req.scope, req.params.id, req.query),
  );
  r.post(
    '/api/v1/rules/dry-run',
    { config: read, schema: { tags, summary: 'What a definition would have fired in the last days (nothing is done)', body: ZDryRun } },
    async (req) => dryRunRule(req.scope, req.body.definition, req.body.days),
  );
  r.get('/api/v1/rules/playbooks', { config: read, schema: { tags, summary: 'The playbook gallery' } }, async () => ({ data: PLAYBOOKS }));
  r.post(
    '/api/v1/rules/playbooks/:key/install',
    {
      config: write,
      schema: {
        tags,
        summary: 'Install a playbook as an editable rule, named in the given language',
        params: z.strictObject({ key: z.string().max(60) }),
        body: z.strictObject({ locale: zLocale.default('en') }).default({ locale: 'en' }),
      },
    },
    async (req, reply) => {
      const playbook = PLAYBOOKS.find((p) => p.key === req.params.key);
      if (!playbook) throw notFound('Playbook');
      const name = playbook.name[req.body.locale];
      return reply
        .code(201)
        .send(await createRule(req.scope, { name, enabled: true, definition: playbook.definition }, req.actor!.userId, playbook.key));
    },
  );
}
