// Roles and scopes. A user's role grants scopes; an API key carries its own scopes.
export const ROLES = ['owner', 'admin', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = [
  'feedback:read', 'feedback:write',
  'customers:read', 'customers:write',
  'events:write',
  'topics:manage',
  'surveys:read', 'surveys:manage',
  'tickets:read', 'tickets:write',
  'ideas:read', 'ideas:write',
  'members:read', 'workspace:read',
  'keys:manage',
  'members:manage',
  'workspace:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Only signed-in owners and admins: managing keys, members and the workspace's settings. */
const ADMIN_ONLY: Scope[] = ['keys:manage', 'members:manage', 'workspace:manage'];

/** Scopes an API key may be given: server-to-server data access, never key, member or workspace management. */
export const API_KEY_SCOPES = SCOPES.filter((s) => !ADMIN_ONLY.includes(s));

const READ: Scope[] = ['feedback:read', 'customers:read', 'surveys:read', 'tickets:read', 'ideas:read', 'members:read', 'workspace:read'];
const WORK: Scope[] = [...READ, 'feedback:write', 'customers:write', 'events:write', 'tickets:write', 'ideas:write'];

export const ROLE_SCOPES: Record<Role, ReadonlySet<Scope>> = {
  viewer: new Set(READ),
  agent: new Set(WORK),
  admin: new Set([...WORK, 'topics:manage', 'surveys:manage', ...ADMIN_ONLY]),
  owner: new Set([...WORK, 'topics:manage', 'surveys:manage', ...ADMIN_ONLY]),
};

export interface Actor {
  kind: 'user' | 'api_key';
  workspaceId: string;
  userId: string | null;
  apiKeyId: string | null;
  role: Role | null;
  scopes: ReadonlySet<Scope>;
  sessionId: string | null;
}

export const can = (actor: Actor, scope: Scope): boolean => actor.scopes.has(scope);

/**
 * Feedback text is read with 'feedback:read' only. Routes of other scopes that list feedback items
 * (a customer's timeline, a ticket's or an idea's items, survey results) show the items without
 * their text to an actor lacking it: `text` is null. Every role has 'feedback:read'.
 */
export const readsFeedbackText = (actor: Actor): boolean => can(actor, 'feedback:read');
