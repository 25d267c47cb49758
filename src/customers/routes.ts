// Customers, events and orders over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPageQuery, zUuid } from '../platform/http/zod-types.js';
import { HTTP_LIMITS } from '../platform/http/limits.js';
import { readsFeedbackText } from '../platform/auth/permissions.js';
import {
  ZIdentifyCustomerInput, ZMergeCustomersInput, ZRecordEventInput, ZRecordOrderInput, ZUpdateCustomerInput,
} from './customer.schemas.js';
import { getCustomer, identifyCustomerNow, listCustomers, publicCustomer, updateCustomer } from './customer.service.js';
import { mergeCustomers } from './merge-customers.js';
import { customerTimeline } from './customer-timeline.js';
import { customerProfile } from './customer-profile.service.js';
import { recordEvents, recordOrder } from './record-activity.js';
import { recordEventCoalesced } from './event-batcher.js';

const tags = ['customers'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function customerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/customers/identify', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Identify a customer: find by externalId, email or phone (or a merged alias) and update, or create', body: ZIdentifyCustomerInput },
  }, async (req, reply) => {
    const { customer, created } = await identifyCustomerNow(req.scope, req.body);
    return reply.code(created ? 201 : 200).send(publicCustomer(customer));
  });

  r.get('/api/v1/customers', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'List or search customers (name, email, external id, or phone in any digits and format)', querystring: z.strictObject({ q: z.string().max(200).optional(), ...zPageQuery }) },
  }, async (req) => listCustomers(req.scope, req.query));

  r.get('/api/v1/customers/:id', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'Get a customer with order count and lifetime value', params: ZIdParams },
  }, async (req) => getCustomer(req.scope, req.params.id));

  r.patch('/api/v1/customers/:id', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Update a customer', params: ZIdParams, body: ZUpdateCustomerInput },
  }, async (req) => updateCustomer(req.scope, req.params.id, req.body));

  r.post('/api/v1/customers/merge', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Merge sourceId into targetId (preview: true only reports)', body: ZMergeCustomersInput },
  }, async (req) => mergeCustomers(req.scope, req.body));

  r.get('/api/v1/customers/:id/timeline', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'Feedback, survey responses, events and orders of a customer, newest first', params: ZIdParams, querystring: z.strictObject(zPageQuery) },
  }, async (req) => customerTimeline(req.scope, req.params.id, req.query, { feedbackText: readsFeedbackText(req.actor!) }));

  r.get('/api/v1/customers/:id/profile', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'Customer 360 profile: the customer, NPS/CSAT history, VIP and churn-risk flags', params: ZIdParams },
  }, async (req) => customerProfile(req.scope, req.params.id));

  r.post('/api/v1/events', {
    config: { permission: 'events:write' },
    schema: { tags: ['events'], summary: 'Record a behavioural event (purchase, login, cart_abandoned, …)', body: ZRecordEventInput },
  }, async (req, reply) => reply.code(201).send(await recordEventCoalesced(req.scope, req.body)));

  r.post('/api/v1/events/bulk', {
    config: { permission: 'events:write' },
    schema: { tags: ['events'], summary: `Record up to ${HTTP_LIMITS.maxBulkItems} events in one transaction`, body: z.strictObject({ events: z.array(ZRecordEventInput).min(1).max(HTTP_LIMITS.maxBulkItems) }) },
  }, async (req, reply) => reply.code(201).send({ data: await recordEvents(req.scope, req.body.events) }));

  r.post('/api/v1/orders', {
    config: { permission: 'events:write' },
    schema: { tags: ['orders'], summary: 'Record or update (by externalId) an order', body: ZRecordOrderInput },
  }, async (req, reply) => {
    const { order, created } = await recordOrder(req.scope, req.body);
    return reply.code(created ? 201 : 200).send(order);
  });
}
