/** A task run at most once per `delayMs`, however often it is asked for. */
export interface Coalesced {
  /** Asks for a run: within `delayMs`, or right after the run in progress. */
  poke(): void;
  /** Runs now if a run is waiting; resolves when no run is in progress. */
  flush(): Promise<void>;
  /** Cancels a waiting run; later pokes are ignored. */
  stop(): void;
}

/**
 * Coalesces bursts (300 votes, 300 students joining) into one run of `task` per `delayMs`,
 * never two at once. A failing task goes to `onError` and does not stop later runs.
 */
export function coalesce(task: () => Promise<void>, delayMs: number, onError: (e: unknown) => void): Coalesced {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): void => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = task()
      .catch(onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (!stopped) timer ??= setTimeout(run, delayMs);
  };
  return {
    poke: schedule,
    async flush() {
      for (;;) {
        if (timer) {
          clearTimeout(timer);
          run();
        }
        if (!running) return;
        await running;
      }
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      again = false;
    },
  };
}
