// Authentication limits, each with why.
export const AUTH_LIMITS = {
  /** Sessions last two weeks of inactivity-independent time; users re-login after that. */
  sessionDays: 14,
  /** 10 login attempts per minute per IP stops online password guessing from one host. */
  loginPerIpPerMinute: 10,
  /** 5 failures for one email in 15 minutes locks that email for 15 minutes (distributed guessing). */
  loginFailuresPerEmail: 5,
  loginLockMinutes: 15,
  /** NIST 800-63B: length matters more than composition rules. */
  passwordMinLength: 10,
  passwordMaxLength: 200,
  /** An invitation link works for a week: long enough to be read, short enough to go stale. */
  invitationDays: 7,
} as const;

export const SESSION_COOKIE = 'feedloop_session';
