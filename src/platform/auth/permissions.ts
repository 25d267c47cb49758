// Roles and scopes. A user's role grants scopes; an API key carries its own scopes.
import { ADMIN_ONLY_SCOPES, API_KEY_SCOPES, ROLES, SCOPES, type Role, type Scope } from '../../contracts/workspace.js';

export { API_KEY_SCOPES, ROLES, SCOPES, type Role, type Scope };

/** Only signed-in owners and admins: managing keys, members and the workspace's settings. */
const ADMIN_ONLY: Scope[] = [...ADMIN_ONLY_SCOPES];

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
