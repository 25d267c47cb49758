// Settings that belong to the workspace: its own settings, members and invitations, API keys and
// widget keys. Every write here is for owners and admins; the server refuses the rest (403).
import { request } from './client';
import type { UiLocale } from '../lib/format';
import type { Role } from './types';

const BASE = '/api/v1';

export type WorkspaceCalendar = 'gregorian' | 'persian' | 'hijri';
export const WEEK_DAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export const WEEK_STARTS = ['sat', 'sun', 'mon'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

export interface WorkspaceSettings {
  id: string;
  name: string;
  /** Names the workspace on the command line (`feedloop import --workspace <slug>`); never changes. */
  slug: string;
  defaultLocale: UiLocale;
  timezone: string;
  calendar: WorkspaceCalendar;
  weekStart: WeekStart;
  weekendDays: WeekDay[];
  piiRedaction: boolean;
  surveyThrottleDays: number;
  /** ISO 3166-1 alpha-2: phone numbers without a country code are read in this country (null: refused). */
  defaultCountry: string | null;
}
export type WorkspacePatch = Partial<Omit<WorkspaceSettings, 'id' | 'slug'>>;

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
  hasAccount: boolean;
}

/** Mirrors the server's API_KEY_SCOPES. */
export const API_KEY_SCOPES = [
  'feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'events:write',
  'topics:manage', 'surveys:read', 'surveys:manage', 'tickets:read', 'tickets:write', 'ideas:read', 'ideas:write',
  'members:read', 'workspace:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface WidgetKey {
  id: string;
  name: string;
  publicKey: string;
  allowedOrigins: string[];
  createdAt: string;
  revokedAt: string | null;
  /** Signs identities on the business's server (userHash); null once the key is revoked. */
  identitySecret: string | null;
  /** After a rotation: when the previous secret stops verifying. */
  previousSecretExpiresAt: string | null;
}

const byId = (base: string, id: string) => `${BASE}/${base}/${encodeURIComponent(id)}`;

export const adminApi = {
  workspace: () => request<WorkspaceSettings>('GET', `${BASE}/workspace`),
  updateWorkspace: (patch: WorkspacePatch) => request<WorkspaceSettings>('PATCH', `${BASE}/workspace`, patch),

  members: () => request<{ data: Member[] }>('GET', `${BASE}/members`),
  changeRole: (userId: string, role: Role) => request<Member>('PATCH', byId('members', userId), { role }),
  removeMember: (userId: string) => request<void>('DELETE', byId('members', userId)),

  invitations: () => request<{ data: Invitation[] }>('GET', `${BASE}/invitations`),
  invite: (email: string, role: Role) => request<Invitation & { link: string }>('POST', `${BASE}/invitations`, { email, role }),
  revokeInvitation: (id: string) => request<void>('DELETE', byId('invitations', id)),
  lookupInvitation: (token: string) =>
    request<InvitationPreview>('POST', `${BASE}/invitations/lookup`, { token }, { redirectOnUnauthorized: false }),
  acceptInvitation: (input: { token: string; name?: string; password: string }) =>
    request<{ user: unknown }>('POST', `${BASE}/invitations/accept`, input, { redirectOnUnauthorized: false }),

  apiKeys: () => request<{ data: ApiKey[] }>('GET', `${BASE}/api-keys`),
  createApiKey: (name: string, scopes: ApiKeyScope[]) => request<ApiKey & { key: string }>('POST', `${BASE}/api-keys`, { name, scopes }),
  revokeApiKey: (id: string) => request<ApiKey>('DELETE', byId('api-keys', id)),

  widgetKeys: () => request<{ data: WidgetKey[] }>('GET', `${BASE}/widget-keys`),
  createWidgetKey: (name: string, allowedOrigins: string[]) => request<WidgetKey>('POST', `${BASE}/widget-keys`, { name, allowedOrigins }),
  updateWidgetKey: (id: string, allowedOrigins: string[]) => request<WidgetKey>('PATCH', byId('widget-keys', id), { allowedOrigins }),
  rotateWidgetKeySecret: (id: string) => request<WidgetKey>('POST', `${byId('widget-keys', id)}/rotate-secret`, {}),
  revokeWidgetKey: (id: string) => request<WidgetKey>('DELETE', byId('widget-keys', id)),
};

/** Owners and admins manage the workspace; the server checks this again on every write. */
export const canManageWorkspace = (role: Role) => role === 'owner' || role === 'admin';
