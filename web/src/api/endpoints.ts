import type { Me, Setup, SetupResult, SignedIn, UpdateMe } from '@feedloop/contracts/auth';
import type {
  BulkUpdateFeedback,
  BulkUpdateFeedbackResult,
  CreateSavedView,
  FeedbackItem,
  FeedbackPage,
  SavedView,
} from '@feedloop/contracts/feedback';
import type { List } from '@feedloop/contracts/page';
import type { Member } from '@feedloop/contracts/workspace';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1';

export const api = {
  setupStatus: (options?: RequestOptions) => request<{ needsSetup: boolean }>('GET', `${BASE}/setup/status`, undefined, options),

  setup: (input: Setup) => request<SetupResult>('POST', `${BASE}/setup`, input, { redirectOnUnauthorized: false }),

  login: (email: string, password: string) =>
    request<SignedIn>('POST', `${BASE}/auth/login`, { email, password }, { redirectOnUnauthorized: false }),

  logout: () => request<void>('POST', `${BASE}/auth/logout`, {}, { redirectOnUnauthorized: false }),

  me: (options?: RequestOptions) => request<Me>('GET', `${BASE}/me`, undefined, options),

  updateMe: (patch: UpdateMe) => request<SignedIn>('PATCH', `${BASE}/me`, patch),

  /** Moves this session to another of the user's workspaces; returns the new `/me`. */
  switchWorkspace: (workspaceId: string) => request<Me>('POST', `${BASE}/me/workspace`, { workspaceId }),

  listFeedback: (query: URLSearchParams, options?: RequestOptions) => {
    const qs = query.toString();
    return request<FeedbackPage>('GET', `${BASE}/feedback${qs ? `?${qs}` : ''}`, undefined, options);
  },

  getFeedback: (id: string, options?: RequestOptions) =>
    request<FeedbackItem>('GET', `${BASE}/feedback/${encodeURIComponent(id)}`, undefined, options),

  bulkUpdateFeedback: (input: BulkUpdateFeedback) => request<BulkUpdateFeedbackResult>('POST', `${BASE}/feedback/bulk-update`, input),

  listMembers: (options?: RequestOptions) => request<List<Member>>('GET', `${BASE}/members`, undefined, options),

  listSavedViews: (options?: RequestOptions) => request<List<SavedView>>('GET', `${BASE}/saved-views`, undefined, options),

  createSavedView: (input: CreateSavedView) => request<SavedView>('POST', `${BASE}/saved-views`, input),

  deleteSavedView: (id: string) => request<void>('DELETE', `${BASE}/saved-views/${encodeURIComponent(id)}`),
};
