// A shared rate for reading large request bodies (a token bucket): however many clients upload at once, the runtime reads
// their large bodies at no more than a set number of bytes a second in all, so a flood of uploads cannot take the thread
// that serves the add-on's service calls. Small bodies (a save of a few passages) never wait for it.

export class UploadBudget {
  private tokens: number;
  private last: number;

  /** `bytesPerSecond` in all; `burst`: bytes that may be read at once after a quiet spell. */
  constructor(private bytesPerSecond: number, private burst: number, private now: () => number = () => performance.now()) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes `bytes` from the budget; the milliseconds to wait before reading more (0 when the budget covered them). */
  take(bytes: number): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.bytesPerSecond) / 1000);
    this.last = now;
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.bytesPerSecond;
  }
}
