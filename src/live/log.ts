/** Where the live server's lines go (connections refused, messages dropped, failures). */
export type LiveLog = (line: string) => void;

/**
 * Logs refusals for one connection: the first at once, then, a second later, one line with how
 * many more were refused meanwhile; so a flood of bad messages cannot flood the log too.
 */
export class RefusalLog {
  private suppressed = 0;
  private window: NodeJS.Timeout | null = null;

  constructor(private readonly who: string, private readonly log: LiveLog) {}

  /** Records one refused message; `what` says which and why. */
  refused(what: string): void {
    if (this.window) {
      this.suppressed++;
      return;
    }
    this.log(`refused ${what} from ${this.who}`);
    this.window = setTimeout(() => this.flush(), 1000);
    this.window.unref();
  }

  /** Says how many refusals were not logged yet, and starts afresh (also when the connection ends). */
  flush(): void {
    if (this.window) clearTimeout(this.window);
    this.window = null;
    if (this.suppressed) this.log(`refused ${this.suppressed} more messages from ${this.who} in the second after`);
    this.suppressed = 0;
  }
}
