import { rmSync } from 'node:fs';
import { constants } from 'node:os';

/*
 * Ctrl+C (SIGINT) and SIGTERM during a command that writes files (the exporter): the partial
 * output is removed, the browser and the server are closed, one line says what was written,
 * and the process exits 128 + the signal's number (130 for Ctrl+C, 143 for SIGTERM). Whatever
 * the interrupted work still says afterwards (a browser call failing because the browser was
 * closed) is the caller's to keep quiet: `interrupted` tells it.
 */

/** Paths that are partial output until their owner says otherwise; removed on interrupt and at exit. */
const partial = new Set<string>();
let exitHookInstalled = false;

/**
 * Marks `path` (a file or a folder) as partial output: removed if the command is interrupted, or
 * if the process exits before the returned function is called (the output is whole, or gone).
 */
export function trackPartial(path: string): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', removePartialOutput);
  }
  partial.add(path);
  return () => void partial.delete(path);
}

/** Removes every tracked partial path now (synchronously: it also runs in the `exit` hook). */
export function removePartialOutput(): void {
  for (const path of partial) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done about it on the way out.
    }
  }
  partial.clear();
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** What Interrupts needs of the process; the real one by default, a fake in tests. */
export interface InterruptHost {
  on(signal: StopSignal, listener: () => void): void;
  off(signal: StopSignal, listener: () => void): void;
  exit(code: number): void;
  /** Prints one line (stderr). */
  print(line: string): void;
}

/** How long closing the browser and the server may take before the process exits anyway. */
export const CLEANUP_TIMEOUT_MS = 5000;

/** The signal handling of one command run. */
export class Interrupts {
  /** The signal that interrupted the run, or null. */
  interrupted: StopSignal | null = null;
  private readonly cleanups = new Set<() => unknown>();
  private readonly written: string[] = [];
  private readonly listeners = new Map<StopSignal, () => void>();

  constructor(private readonly host: InterruptHost = processHost()) {}

  /** Starts listening for SIGINT and SIGTERM; returns the function that stops it. */
  install(): () => void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listener = (): void => void this.stop(signal);
      this.listeners.set(signal, listener);
      this.host.on(signal, listener);
    }
    return () => {
      for (const [signal, listener] of this.listeners) this.host.off(signal, listener);
      this.listeners.clear();
    };
  }

  /** Runs `cleanup` (e.g. close the browser) if the run is interrupted; returns the function that unregisters it. */
  onInterrupt(cleanup: () => unknown): () => void {
    this.cleanups.add(cleanup);
    return () => void this.cleanups.delete(cleanup);
  }

  /** Notes a finished output (a path as the user should read it), for the line said on interrupt. */
  wrote(what: string): void {
    this.written.push(what);
  }

  /** The line said on interrupt: `[deck] interrupted: nothing written` or `…: wrote out/slides.pdf`. */
  summary(): string {
    return `[deck] interrupted: ${this.written.length ? `wrote ${this.written.join(', ')}` : 'nothing written'}`;
  }

  /**
   * The first signal: partial output removed and the line printed at once, then the cleanups
   * (given CLEANUP_TIMEOUT_MS), then exit. A second signal exits at once.
   */
  async stop(signal: StopSignal): Promise<void> {
    const code = 128 + constants.signals[signal];
    if (this.interrupted) {
      removePartialOutput();
      this.host.exit(code);
      return;
    }
    this.interrupted = signal;
    removePartialOutput();
    this.host.print(this.summary());
    const cleanups = [...this.cleanups].map((c) => Promise.resolve().then(c).catch(() => undefined));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(cleanups), new Promise((r) => (timer = setTimeout(r, CLEANUP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    // Work still under way may have written again before it noticed.
    removePartialOutput();
    this.host.exit(code);
  }
}

function processHost(): InterruptHost {
  return {
    on: (signal, listener) => void process.on(signal, listener),
    off: (signal, listener) => void process.off(signal, listener),
    exit: (code) => process.exit(code),
    print: (line) => console.error(line),
  };
}
