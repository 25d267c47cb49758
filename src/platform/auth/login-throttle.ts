// Growing back-off for failed sign-ins, per account and client address (see AUTH_LIMITS). Kept in
// the process: several API processes each keep their own count, which bounds guessing to
// (processes × the schedule) and needs no shared store.
import { AUTH_LIMITS } from './limits.js';

interface Failures {
  count: number;
  last: number;
  until: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits = AUTH_LIMITS,
  ) {}

  private entry(email: string, client: string): [string, Failures | undefined] {
    const key = `${email.trim().toLowerCase()}\u0000${client}`;
    const found = this.failures.get(key);
    if (found && this.now() - found.last > this.limits.loginFailureMemoryHours * 3_600_000) {
      this.failures.delete(key);
      return [key, undefined];
    }
    return [key, found];
  }

  /** Seconds this client must wait before trying this account again; 0 when it may try now. */
  waitSeconds(email: string, client: string): number {
    const [, found] = this.entry(email, client);
    const left = (found?.until ?? 0) - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(email: string, client: string): void {
    const [key, found] = this.entry(email, client);
    const count = (found?.count ?? 0) + 1;
    const now = this.now();
    const extra = count - this.limits.loginFreeFailures;
    const waitSeconds = extra < 0 ? 0 : Math.min(this.limits.loginBackoffFirstSeconds * 2 ** extra, this.limits.loginBackoffMaxSeconds);
    // Re-inserted, so the map's order is the order of last failure and the oldest go first.
    this.failures.delete(key);
    this.failures.set(key, { count, last: now, until: now + waitSeconds * 1000 });
    if (this.failures.size > this.limits.loginFailureEntries) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(email: string, client: string): void {
    this.failures.delete(this.entry(email, client)[0]);
  }
}
