/**
 * At most `slots` holders at once; the others wait in arrival order. A released slot passes straight to the next
 * waiter, so a newcomer never slips in ahead of it (and the limit is never exceeded, even for a moment).
 */
export class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.free = Math.max(1, Math.floor(slots));
  }

  async acquire(): Promise<void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }

  /** `task` inside a slot; the slot is given back however it ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}
