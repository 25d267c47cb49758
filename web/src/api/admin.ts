// Settings that belong to the workspace: its own settings, members and invitations, API keys and
// widget keys. Every write here is for owners and admins; the server refuses the rest (403).
import type { SignedIn } from '@feedloop/contracts/auth';
import type { List } from '@feedloop/contracts/page';
import type {
  AcceptInvitation,
  ApiKey,
  ApiKeyScope,
  CreatedApiKey,
  CreatedInvitation,
  Invitation,
  InvitationPreview,
  Member,
  Role,
  UpdateWorkspace,
  WidgetKey,
  WorkspaceSettings,
} from '@feedloop/contracts/workspace';
import { request } from './client';

const BASE = '/api/v1';

const byId = (base: string, id: string) => `${BASE}/${base}/${encodeURIComponent(id)}`;

export const adminApi = {
  workspace: () => request<WorkspaceSettings>('GET', `${BASE}/workspace`),
  updateWorkspace: (patch: UpdateWorkspace) => request<WorkspaceSettings>('PATCH', `${BASE}/workspace`, patch),

  members: () => request<List<Member>>('GET', `${BASE}/members`),
  changeRole: (userId: string, role: Role) => request<Member>('PATCH', byId('members', userId), { role }),
  removeMember: (userId: string) => request<void>('DELETE', byId('members', userId)),

  invitations: () => request<List<Invitation>>('GET', `${BASE}/invitations`),
  invite: (email: string, role: Role) => request<CreatedInvitation>('POST', `${BASE}/invitations`, { email, role }),
  revokeInvitation: (id: string) => request<void>('DELETE', byId('invitations', id)),
  lookupInvitation: (token: string) =>
    request<InvitationPreview>('POST', `${BASE}/invitations/lookup`, { token }, { redirectOnUnauthorized: false }),
  acceptInvitation: (input: AcceptInvitation) =>
    request<SignedIn>('POST', `${BASE}/invitations/accept`, input, { redirectOnUnauthorized: false }),

  apiKeys: () => request<List<ApiKey>>('GET', `${BASE}/api-keys`),
  createApiKey: (name: string, scopes: ApiKeyScope[]) => request<CreatedApiKey>('POST', `${BASE}/api-keys`, { name, scopes }),
  revokeApiKey: (id: string) => request<ApiKey>('DELETE', byId('api-keys', id)),

  widgetKeys: () => request<List<WidgetKey>>('GET', `${BASE}/widget-keys`),
  createWidgetKey: (name: string, allowedOrigins: string[]) => request<WidgetKey>('POST', `${BASE}/widget-keys`, { name, allowedOrigins }),
  updateWidgetKey: (id: string, allowedOrigins: string[]) => request<WidgetKey>('PATCH', byId('widget-keys', id), { allowedOrigins }),
  rotateWidgetKeySecret: (id: string) => request<WidgetKey>('POST', `${byId('widget-keys', id)}/rotate-secret`, {}),
  revokeWidgetKey: (id: string) => request<WidgetKey>('DELETE', byId('widget-keys', id)),
};

/** Owners and admins manage the workspace; the server checks this again on every write. */
export const canManageWorkspace = (role: Role) => role === 'owner' || role === 'admin';
