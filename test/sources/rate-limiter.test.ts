import { describe, expect, it } from "vitest";
import { SlidingWindowRateLimiter, type RateLimiterClock } from "../../src/sources/rate-limiter.ts";
import { SPACETRACK_RATE_LIMITS } from "../../src/sources/spacetrack.ts";

/** A fake clock whose sleep advances time instantly and records each wait. */
function fakeClock(): RateLimiterClock & { sleeps: number[]; advance: (ms: number) => void; current: () => number } {
  let ms = Date.parse("2026-08-18T16:00:00Z");
  const sleeps: number[] = [];
  return {
    sleeps,
    nowMs: () => ms,
    sleep: async (delay) => {
      sleeps.push(delay);
      ms += delay;
    },
    advance: (delta) => void (ms += delta),
    current: () => ms,
  };
}

describe("the Space-Track rate limiter (30 per minute, 300 per hour)", () => {
  it("lets 30 requests through at once and delays the 31st within the minute by exactly the rest of the minute", async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowRateLimiter(SPACETRACK_RATE_LIMITS, clock);
    const start = clock.current();
    for (let i = 0; i < 30; i++) {
      expect(await limiter.acquire()).toBe(0);
      clock.advance(1000);
    }
    // 30 requests at t = 0 s … 29 s; now t = 30 s: the 31st must wait until the first leaves the window at t = 60 s.
    expect(limiter.delayBeforeNextMs()).toBe(30_000);
    const waited = await limiter.acquire();
    expect(waited).toBe(30_000);
    expect(clock.current() - start).toBe(60_000);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it("caps an hour at 300 even when each minute stays under 30", async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowRateLimiter(SPACETRACK_RATE_LIMITS, clock);
    const start = clock.current();
    // 10 requests every 2 minutes, at t = 0, 2, …, 58 min: 300 requests, never more than 10 in a minute.
    for (let i = 0; i < 300; i++) {
      if (i > 0 && i % 10 === 0) clock.advance(2 * 60_000);
      expect(await limiter.acquire()).toBe(0);
    }
    expect(limiter.recentCount).toBe(300);
    // t = 58 min: the 301st must wait until the first ten (t = 0) are an hour old, at t = 60 min.
    expect(await limiter.acquire()).toBe(2 * 60_000);
    expect(clock.current() - start).toBe(60 * 60_000);
    expect(clock.sleeps).toEqual([2 * 60_000]);
  });

  it("serves concurrent callers one after another, each within the limits", async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowRateLimiter([{ maxRequests: 2, windowMs: 1000 }], clock);
    const waits = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(waits).toEqual([0, 0, 1000, 0]);
    expect(limiter.recentCount).toBe(2);
  });
});
