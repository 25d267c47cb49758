// One JSON error shape for every failure: { error: { code, message, field?, issues? } }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { issueField } from './zod-types.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { DB_LIMITS } from '../db/limits.js';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission for this action') => new AppError(403, 'forbidden', message);
export const badRequest = (field: string, message: string) => new AppError(400, 'invalid_input', `${field}: ${message}`, field);

interface Issue {
  path: string;
  message: string;
}

export function errorBody(code: string, message: string, field?: string, issues?: Issue[]) {
  return { error: { code, message, ...(field ? { field } : {}), ...(issues ? { issues } : {}) } };
}

function zodIssues(err: FastifyError): Issue[] {
  // fastify-type-provider-zod puts each zod issue's code in `keyword`, its path in
  // `instancePath` and the rest (e.g. unknown `keys`) in `params`.
  const validation = (
    err as unknown as { validation: Array<{ keyword: string; instancePath: string; message?: string; params?: { keys?: string[] } }> }
  ).validation;
  return validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    return { path: issueField({ path, code: v.keyword, keys: v.params?.keys }, ''), message: v.message ?? 'invalid' };
  });
}

export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    reply.headers(err.headers);
    return reply.code(err.status).send(errorBody(err.code, err.message, err.field));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = zodIssues(err);
    const context = (err as unknown as { validationContext?: string }).validationContext ?? 'body';
    const first = issues[0];
    const field = first?.path ? first.path : context;
    return reply.code(400).send(errorBody('invalid_input', `${field}: ${first?.message ?? 'invalid'}`, field, issues));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.code(400).send(errorBody('invalid_json', 'The request body is not valid JSON', 'body'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send(errorBody('payload_too_large', 'The request body is too large', 'body'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send(errorBody('unsupported_media_type', 'Send JSON with Content-Type: application/json', 'content-type'));
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return reply.code(429).send(errorBody('rate_limited', 'Too many requests, try again later'));
  }
  if (err.statusCode === 429) return reply.code(429).send(errorBody('rate_limited', 'Too many requests, try again later'));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.code(err.statusCode).send(errorBody('bad_request', err.message));
  }
  if (isDatabaseUnavailable(err)) {
    req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
    return reply
      .code(503)
      .header('retry-after', String(DB_LIMITS.unavailableRetryAfterSeconds))
      .send(errorBody('database_unavailable', 'The database cannot be reached right now; retry shortly'));
  }
  // Fail closed and quiet: no stack or SQL leaves the server; the id finds it in the log.
  req.log.error({ err }, 'unhandled error');
  return reply.code(500).send(errorBody('internal_error', `Something went wrong (reference ${req.id})`));
}
