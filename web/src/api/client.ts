import type { ApiIssue } from '@feedloop/contracts/errors';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly issues: ApiIssue[];
  /** Seconds to wait before retrying, from the Retry-After header (429). */
  readonly retryAfter?: number;

  constructor(init: {
    status: number;
    code: string;
    message?: string;
    field?: string;
    issues?: ApiIssue[];
    retryAfter?: number;
  }) {
    super(init.message ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** Field names the server complained about (from `field` and `issues[].path`). */
  get fields(): string[] {
    const names = this.issues.map((i) => i.path.split('.')[0] ?? i.path);
    if (this.field) names.push(this.field);
    return [...new Set(names.filter(Boolean))];
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  /** When false, a 401 is thrown to the caller instead of sending the user to the login page. */
  redirectOnUnauthorized?: boolean;
}

let unauthorizedHandler: (() => void) | null = null;

/** Registers what to do when the session has expired (any 401 outside of login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (e.g. a proxy error page); fall back to the status code.
  }
  const error =
    payload && typeof payload === 'object' && 'error' in payload ? ((payload as { error: Record<string, unknown> }).error ?? {}) : {};
  return new ApiError({
    status: response.status,
    code: typeof error.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error.message === 'string' ? error.message : response.statusText,
    field: typeof error.field === 'string' ? error.field : undefined,
    issues: Array.isArray(error.issues) ? (error.issues as ApiIssue[]) : undefined,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: options.signal };
  if (method !== 'GET') {
    // The server refuses cookie-authenticated writes that are not JSON, so always send a body.
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({ status: 0, code: 'network_error', message: String(error) });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOnUnauthorized !== false) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
