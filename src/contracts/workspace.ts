// The workspace's own settings, its members and invitations, API keys and widget keys: the
// Settings pages. Every write is for owners and admins; roles and scopes are listed here.
import type { Locale } from './locales.js';

export const ROLES = ['owner', 'admin', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes an API key may be given: server-to-server data access. */
export const API_KEY_SCOPES = [
  'feedback:read',
  'feedback:write',
  'customers:read',
  'customers:write',
  'events:write',
  'topics:manage',
  'surveys:read',
  'surveys:manage',
  'tickets:read',
  'tickets:write',
  'ideas:read',
  'ideas:write',
  'members:read',
  'workspace:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
/** Only signed-in owners and admins, never an API key: managing keys, members and the workspace's settings. */
export const ADMIN_ONLY_SCOPES = ['keys:manage', 'members:manage', 'workspace:manage'] as const;
export const SCOPES = [...API_KEY_SCOPES, ...ADMIN_ONLY_SCOPES] as const;
export type Scope = (typeof SCOPES)[number];

/** The workspace's calendar; hijri is Umm al-Qura (as in Saudi Arabia). */
export const WORKSPACE_CALENDARS = ['gregorian', 'persian', 'hijri'] as const;
export type WorkspaceCalendar = (typeof WORKSPACE_CALENDARS)[number];
export const WEEK_DAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export const WEEK_STARTS = ['sat', 'sun', 'mon'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** GET /workspace. */
export interface WorkspaceSettings {
  id: string;
  name: string;
  /** Names the workspace on the command line (`feedloop import --workspace <slug>`); never changes. */
  slug: string;
  defaultLocale: Locale;
  timezone: string;
  calendar: WorkspaceCalendar;
  weekStart: WeekStart;
  weekendDays: WeekDay[];
  piiRedaction: boolean;
  /** Survey a customer at most once per this many days, across all surveys (0: no limit). */
  surveyThrottleDays: number;
  /** ISO 3166-1 alpha-2: phone numbers without a country code are read in this country (null: refused). */
  defaultCountry: string | null;
}

/** PATCH /workspace. */
export type UpdateWorkspace = Partial<Omit<WorkspaceSettings, 'id' | 'slug'>>;

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

/** POST /invitations (201): the one-time link is in this answer only. */
export interface CreatedInvitation extends Invitation {
  link: string;
}

/** POST /invitations/lookup: what an invitation link is for, before accepting it. */
export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
  hasAccount: boolean;
}

/** POST /invitations/accept: a new invitee sets a name; an existing account gives its own password. */
export interface AcceptInvitation {
  token: string;
  name?: string;
  password: string;
}

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api-keys (201): the secret is in this answer only. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface WidgetKey {
  id: string;
  name: string;
  /** Goes into the business's pages; works only from allowedOrigins. */
  publicKey: string;
  allowedOrigins: string[];
  createdAt: string;
  revokedAt: string | null;
  /** Signs identities on the business's server (userHash); null once the key is revoked. */
  identitySecret: string | null;
  /** After a rotation: when the previous secret stops verifying. */
  previousSecretExpiresAt: string | null;
}
