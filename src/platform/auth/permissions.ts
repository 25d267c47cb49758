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
  'keys:manage',
  'members:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Scopes an API key may be given: server-to-server data access, never key or member management. */
export const API_KEY_SCOPES = SCOPES.filter((s) => s !== 'keys:manage' && s !== 'members:manage');

const READ: Scope[] = ['feedback:read', 'customers:read', 'surveys:read', 'tickets:read', 'ideas:read'];
const WORK: Scope[] = [...READ, 'feedback:write', 'customers:write', 'events:write', 'tickets:write', 'ideas:write'];

export const ROLE_SCOPES: Record<Role, ReadonlySet<Scope>> = {
  viewer: new Set(READ),
  agent: new Set(WORK),
  admin: new Set([...WORK, 'topics:manage', 'surveys:manage', 'keys:manage', 'members:manage']),
  owner: new Set([...WORK, 'topics:manage', 'surveys:manage', 'keys:manage', 'members:manage']),
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
