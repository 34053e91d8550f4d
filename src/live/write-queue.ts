/**
 * Runs a write one at a time and lets callers wait until their change is written: `request()`
 * resolves once a write that started after the call has finished. Changes that arrive during a
 * write share the next one (group commit), so a burst of votes costs a few writes, not one each.
 */
export class WriteQueue {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /** `write` writes the current state; `onError` hears a failed write (the queue goes on). */
  constructor(private readonly write: () => Promise<void>, private readonly onError: (e: unknown) => void) {}

  /** Asks for a write of the state as it is now; resolves when it is written (or failed, reported). */
  request(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return (this.running = this.run());
    this.queued = this.running.then(() => {
      this.queued = null;
      return (this.running = this.run());
    });
    return this.queued;
  }

  /** Resolves when nothing is being written or waiting to be. */
  async idle(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running);
  }

  private async run(): Promise<void> {
    try {
      await this.write();
    } catch (e) {
      this.onError(e);
    } finally {
      this.running = null;
    }
  }
}
