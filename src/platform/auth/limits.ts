// Authentication limits, each with why.
export const AUTH_LIMITS = {
  /** Sessions last two weeks of inactivity-independent time; users re-login after that. */
  sessionDays: 14,
  /** 10 login attempts per minute per IP, whatever the accounts: stops password spraying from one host. */
  loginPerIpPerMinute: 10,
  /**
   * Failed sign-ins are counted per account AND client address, so a stranger's guesses never lock
   * the owner out of their own client. Five typos are free; then each failure doubles the wait
   * before that client may try that account again (1 s, 2 s, 4 s …, at most 15 minutes: from then
   * on four guesses an hour). A client that has not failed for a day starts afresh.
   */
  loginFreeFailures: 5,
  loginBackoffFirstSeconds: 1,
  loginBackoffMaxSeconds: 900,
  loginFailureMemoryHours: 24,
  /** Account-and-client pairs remembered per process; the oldest are forgotten first. */
  loginFailureEntries: 100_000,
  /** NIST 800-63B: length matters more than composition rules. */
  passwordMinLength: 10,
  passwordMaxLength: 200,
  /** An invitation link works for a week: long enough to be read, short enough to go stale. */
  invitationDays: 7,
} as const;

export const SESSION_COOKIE = 'feedloop_session';
