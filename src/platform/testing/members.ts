// Test helper: another signed-in teammate with a given role in a workspace.
import { memberships, users } from '../auth/auth.tables.js';
import { hashPassword } from '../auth/passwords.js';
import { newId } from '../ids.js';
import { sessionCookie, type TestApp } from './test-app.js';

export async function addMember(t: TestApp, workspaceId: string, email: string, role: 'admin' | 'agent' | 'viewer') {
  const id = newId();
  const password = 'teammate password 1';
  await t.database.db.insert(users).values({ id, email, name: email.split('@')[0], passwordHash: await hashPassword(password) });
  await t.database.db.insert(memberships).values({ workspaceId, userId: id, role });
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return { id, cookie: sessionCookie(login.headers['set-cookie']) };
}
