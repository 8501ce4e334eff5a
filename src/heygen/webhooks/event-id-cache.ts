/** Remembers delivered event ids for a while, so a redelivered event is recognised and handled once. */
export class EventIdCache {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs = 24 * 3600 * 1000,
    private readonly maxEntries = 10_000,
  ) {}

  /** True when the id was already seen (and still remembered); records it otherwise. */
  checkAndAdd(id: string, now = Date.now()): boolean {
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size <= this.maxEntries) break;
      this.seen.delete(key);
    }
    const expires = this.seen.get(id);
    if (expires !== undefined && expires > now) return true;
    this.seen.set(id, now + this.ttlMs);
    return false;
  }
}
