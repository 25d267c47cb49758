// Test helper: a workspace with an owner, a viewer and an agent, and a second workspace with an
// admin of its own — what role and tenant checks need.
import { workspaces } from '../workspace/workspace.tables.js';
import { createWorkspace } from '../auth/setup.service.js';
import { addMember } from './members.js';
import { setupOwner, type TestApp } from './test-app.js';

export async function setupTeam(t: TestApp) {
  const setup = await setupOwner(t);
  const [workspace] = await t.database.db.select().from(workspaces);
  const viewer = await addMember(t, workspace.id, 'viewer@example.com', 'viewer');
  const agent = await addMember(t, workspace.id, 'agent@example.com', 'agent');
  const other = await createWorkspace(t.database, workspace.organizationId, setup.body.user.id, 'Other');
  const stranger = await addMember(t, other.id, 'stranger@example.com', 'admin');
  return { owner: setup.cookie, workspace, viewer, agent, stranger };
}
