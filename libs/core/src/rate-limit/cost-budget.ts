/**
 * A budget of query cost per caller: a bucket of points that refills at `perMinute / 60` a second
 * up to `burst`. A request is admitted while the caller's bucket holds any points; once its cost is
 * known (before it runs) the cost is taken, and the bucket may go below zero: the next requests
 * wait until it has refilled. A caller sending the most expensive documents the limits allow thus
 * gets a few of them at once and then one every `cost / (perMinute / 60)` seconds, while a caller
 * reading ordinary pages never notices.
 *
 * Counted in this process: what it protects is this instance's time (the request count, shared by
 * instances, is the other limit). Buckets that have refilled are forgotten, so memory follows the
 * callers active in the last minute or so.
 */
export class CostBudget {
  private readonly buckets = new Map<string, { points: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    if (perMinute <= 0 || burst <= 0) throw new Error('A cost budget needs a positive rate and burst.');
    this.perMs = perMinute / 60_000;
  }

  /** Milliseconds until the caller may send again; 0 when they may now. */
  waitMs(key: string): number {
    const points = this.pointsOf(key);
    return points > 0 ? 0 : Math.ceil((1 - points) / this.perMs);
  }

  /** Takes a request's cost from the caller's bucket (it may go below zero). */
  charge(key: string, cost: number): void {
    const points = this.pointsOf(key);
    this.buckets.set(key, { points: points - cost, at: this.now() });
    if (this.buckets.size > 10_000) this.forgetFull();
  }

  private pointsOf(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.burst;
    return Math.min(this.burst, bucket.points + (this.now() - bucket.at) * this.perMs);
  }

  private forgetFull(): void {
    for (const key of this.buckets.keys()) {
      if (this.pointsOf(key) >= this.burst) this.buckets.delete(key);
    }
  }
}
