// Customers over REST: identify, list, read, update, merge.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { ZIdentifyCustomerInput, ZMergeCustomersInput, ZUpdateCustomerInput } from './customers.input.js';
import { getCustomer, identifyCustomerNow, listCustomers, publicCustomer, updateCustomer } from './customers.service.js';
import { mergeCustomers } from './merge-customers.js';

const tags = ['customers'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function customerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/customers/identify',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Identify a customer: find by externalId, email or phone (or a merged alias) and update, or create',
        body: ZIdentifyCustomerInput,
      },
    },
    async (req, reply) => {
      const { customer, created } = await identifyCustomerNow(req.scope, req.body);
      return reply.code(created ? 201 : 200).send(publicCustomer(customer));
    },
  );

  r.get(
    '/api/v1/customers',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'List or search customers (name, email, external id, or phone in any digits and format)',
        querystring: z.strictObject({ q: z.string().max(200).optional(), ...zPageQuery }),
      },
    },
    async (req) => listCustomers(req.scope, req.query),
  );

  r.get(
    '/api/v1/customers/:id',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'Get a customer with order count and lifetime value', params: ZIdParams },
    },
    async (req) => getCustomer(req.scope, req.params.id),
  );

  r.patch(
    '/api/v1/customers/:id',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Update a customer', params: ZIdParams, body: ZUpdateCustomerInput },
    },
    async (req) => updateCustomer(req.scope, req.params.id, req.body),
  );

  r.post(
    '/api/v1/customers/merge',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Merge sourceId into targetId (preview: true only reports)', body: ZMergeCustomersInput },
    },
    async (req) => mergeCustomers(req.scope, req.body),
  );
}
