import { createContext, useContext } from 'react';
import type { Me, User } from '@feedloop/contracts/auth';

export interface Session {
  me: Me;
  /** Replaces the signed-in user after a successful PATCH /me. */
  updateUser(user: User): void;
  logout(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a signed-in user');
  return session;
}
