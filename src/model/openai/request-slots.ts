// A fixed number of HTTP requests in flight (--concurrency): a counting semaphore, first come
// first served, so requests queued together (a shared prompt prefix) are also sent together.
export class RequestSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.free++;
      else next(); // hand the slot over directly: no window in which a newcomer can jump the queue
    }
  }
}
