// The back-off schedule of failed sign-ins, on a clock the test moves.
import { describe, it, expect } from 'vitest';
import { LoginThrottle } from './login-throttle.js';
import { AUTH_LIMITS } from './limits.js';

function throttle() {
  let now = 1_000_000;
  const clock = {
    advance: (ms: number) => {
      now += ms;
    },
  };
  return { clock, throttle: new LoginThrottle(() => now) };
}

describe('login back-off', () => {
  it('gives five free failures, then waits 1 s, 2 s, 4 s … up to 15 minutes', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < AUTH_LIMITS.loginFreeFailures - 1; i++) {
      t.failed('owner@example.com', '203.0.113.7');
      expect(t.waitSeconds('owner@example.com', '203.0.113.7')).toBe(0);
    }
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      t.failed('Owner@Example.com ', '203.0.113.7');
      const wait = t.waitSeconds('owner@example.com', '203.0.113.7');
      waits.push(wait);
      clock.advance(wait * 1000);
      expect(t.waitSeconds('owner@example.com', '203.0.113.7')).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
  });

  it("never slows another client of the same account, or the same client's other accounts", () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 20; i++) t.failed('owner@example.com', '203.0.113.7');
    expect(t.waitSeconds('owner@example.com', '203.0.113.7')).toBeGreaterThan(0);
    expect(t.waitSeconds('owner@example.com', '192.0.2.10')).toBe(0);
    expect(t.waitSeconds('agent@example.com', '203.0.113.7')).toBe(0);
  });

  it('starts afresh after a success, or after a day without failures', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < 8; i++) t.failed('a@example.com', 'c');
    t.succeeded('a@example.com', 'c');
    expect(t.waitSeconds('a@example.com', 'c')).toBe(0);
    t.failed('a@example.com', 'c');
    expect(t.waitSeconds('a@example.com', 'c')).toBe(0);

    for (let i = 0; i < 12; i++) t.failed('b@example.com', 'c');
    clock.advance(AUTH_LIMITS.loginFailureMemoryHours * 3_600_000 + 1);
    t.failed('b@example.com', 'c');
    expect(t.waitSeconds('b@example.com', 'c')).toBe(0);
  });

  it('remembers a bounded number of pairs, forgetting the oldest', () => {
    let now = 0;
    const t = new LoginThrottle(() => now, { ...AUTH_LIMITS, loginFailureEntries: 3 });
    for (const client of ['a', 'b', 'c', 'd'])
      for (let i = 0; i < 6; i++) {
        now += 1;
        t.failed('x@example.com', client);
      }
    expect(t.waitSeconds('x@example.com', 'a')).toBe(0);
    expect(t.waitSeconds('x@example.com', 'd')).toBeGreaterThan(0);
  });
});
