/** At most `maxRequests` in any sliding window of `windowMs`. */
export type RateLimit = { maxRequests: number; windowMs: number };

export type RateLimiterClock = {
  /** Milliseconds since the epoch. */
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
};

export const SYSTEM_CLOCK: RateLimiterClock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A sliding-window rate limiter over several windows at once (e.g. 30 per minute and 300 per hour).
 * `acquire()` waits until one more request fits every window, then records it. Calls are served in order.
 * The clock is injected so tests can run an hour of requests in no time.
 */
export class SlidingWindowRateLimiter {
  private readonly sentAtMs: number[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly longestWindowMs: number;

  constructor(
    private readonly limits: readonly RateLimit[],
    private readonly clock: RateLimiterClock = SYSTEM_CLOCK,
  ) {
    this.longestWindowMs = Math.max(0, ...limits.map((limit) => limit.windowMs));
  }

  /** Milliseconds to wait before one more request would fit every window (0 when it fits now). */
  delayBeforeNextMs(): number {
    const nowMs = this.clock.nowMs();
    this.forgetOlderThan(nowMs - this.longestWindowMs);
    let delayMs = 0;
    for (const limit of this.limits) {
      const inWindow = this.sentAtMs.filter((t) => t > nowMs - limit.windowMs);
      if (inWindow.length >= limit.maxRequests) {
        // The request that must leave the window before one more fits.
        const oldestToExpire = inWindow[inWindow.length - limit.maxRequests];
        if (oldestToExpire !== undefined) delayMs = Math.max(delayMs, oldestToExpire + limit.windowMs - nowMs);
      }
    }
    return delayMs;
  }

  /** Waits until a request is allowed, records it, and resolves with the milliseconds waited. */
  acquire(): Promise<number> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Number of requests recorded within the longest window. */
  get recentCount(): number {
    this.forgetOlderThan(this.clock.nowMs() - this.longestWindowMs);
    return this.sentAtMs.length;
  }

  private async waitForSlot(): Promise<number> {
    let waitedMs = 0;
    for (let delayMs = this.delayBeforeNextMs(); delayMs > 0; delayMs = this.delayBeforeNextMs()) {
      await this.clock.sleep(delayMs);
      waitedMs += delayMs;
    }
    this.sentAtMs.push(this.clock.nowMs());
    return waitedMs;
  }

  private forgetOlderThan(cutoffMs: number): void {
    let drop = 0;
    while (drop < this.sentAtMs.length && (this.sentAtMs[drop] ?? Infinity) <= cutoffMs) drop++;
    if (drop > 0) this.sentAtMs.splice(0, drop);
  }
}
