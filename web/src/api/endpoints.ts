import { request, type RequestOptions } from './client';
import type { BulkUpdate, BulkUpdateResult, FeedbackItem, FeedbackPage, Me, MePatch, Member, SavedView, SavedViewInput, SetupInput, User, Workspace } from './types';

const BASE = '/api/v1';

export const api = {
  setupStatus: (options?: RequestOptions) =>
    request<{ needsSetup: boolean }>('GET', `${BASE}/setup/status`, undefined, options),

  setup: (input: SetupInput) =>
    request<{ user: User; workspace: Workspace }>('POST', `${BASE}/setup`, input, { redirectOnUnauthorized: false }),

  login: (email: string, password: string) =>
    request<{ user: User }>('POST', `${BASE}/auth/login`, { email, password }, { redirectOnUnauthorized: false }),

  logout: () => request<void>('POST', `${BASE}/auth/logout`, {}, { redirectOnUnauthorized: false }),

  me: (options?: RequestOptions) => request<Me>('GET', `${BASE}/me`, undefined, options),

  updateMe: (patch: MePatch) => request<{ user: User }>('PATCH', `${BASE}/me`, patch),

  /** Moves this session to another of the user's workspaces; returns the new `/me`. */
  switchWorkspace: (workspaceId: string) => request<Me>('POST', `${BASE}/me/workspace`, { workspaceId }),

  listFeedback: (query: URLSearchParams, options?: RequestOptions) => {
    const qs = query.toString();
    return request<FeedbackPage>('GET', `${BASE}/feedback${qs ? `?${qs}` : ''}`, undefined, options);
  },

  getFeedback: (id: string, options?: RequestOptions) =>
    request<FeedbackItem>('GET', `${BASE}/feedback/${encodeURIComponent(id)}`, undefined, options),

  bulkUpdateFeedback: (input: BulkUpdate) => request<BulkUpdateResult>('POST', `${BASE}/feedback/bulk-update`, input),

  listMembers: (options?: RequestOptions) => request<{ data: Member[] }>('GET', `${BASE}/members`, undefined, options),

  listSavedViews: (options?: RequestOptions) => request<{ data: SavedView[] }>('GET', `${BASE}/saved-views`, undefined, options),

  createSavedView: (input: SavedViewInput) => request<SavedView>('POST', `${BASE}/saved-views`, input),

  deleteSavedView: (id: string) => request<void>('DELETE', `${BASE}/saved-views/${encodeURIComponent(id)}`),
};
