// Setting Feedloop up, signing in and the signed-in user: who they are, their workspaces and
// role, and their own display preferences.
import type { Locale } from './locales.js';
import type { Role, WorkspaceCalendar } from './workspace.js';

/** A user's calendar: auto follows the workspace's choice, else the UI language (Jalali for Persian); hijri is Umm al-Qura. */
export const USER_CALENDARS = ['auto', 'gregorian', 'persian', 'hijri'] as const;
export type UserCalendar = (typeof USER_CALENDARS)[number];
/** auto: the UI language's own digits (Persian, Arabic-Indic); latin: 0–9 everywhere. */
export const DIGIT_STYLES = ['auto', 'latin'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  calendar: UserCalendar;
  digits: DigitStyle;
}

/** The workspace a session is in. */
export interface CurrentWorkspace {
  id: string;
  name: string;
  defaultLocale: Locale;
  /** Chosen by an admin for the workspace; users whose own calendar is "auto" follow it. */
  calendar?: WorkspaceCalendar | null;
}

/** A workspace the signed-in user belongs to, with their role in it. */
export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

/** GET /me for a signed-in user. */
export interface Me {
  user: User;
  workspace: CurrentWorkspace;
  role: Role;
  /** Every workspace of the user, oldest membership first (includes the current one). */
  workspaces: WorkspaceMembership[];
}

/** PATCH /me. */
export interface UpdateMe {
  name?: string;
  locale?: Locale;
  calendar?: UserCalendar;
  digits?: DigitStyle;
}

/** POST /setup: the organization, its first workspace and the owner (only while no user exists). */
export interface Setup {
  organizationName: string;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  locale?: Locale;
}

/** POST /setup (201). */
export interface SetupResult {
  user: User;
  workspace: CurrentWorkspace;
}

/** POST /auth/login and POST /invitations/accept: the user now signed in. */
export interface SignedIn {
  user: User;
}
