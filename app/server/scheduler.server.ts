/**
 * A periodic job inside the server process (the overdue sweep, decision 019): once shortly
 * after start, then every `intervalSeconds`. Runs never overlap; a failing run is logged in one
 * line and never takes the server down; the timers are unref'd so they never keep the process
 * alive, and `stop()` clears them and waits for a run in progress (shutdown closes the database
 * after it).
 */

export type PeriodicJob = { stop(): Promise<void> };

export function startPeriodicJob(options: {
  name: string;
  /** 0 disables the job. */
  intervalSeconds: number;
  run: () => Promise<string | null>;
  /** First run after start, so start-up (migrations, demo data) is not slowed down. */
  firstRunDelayMs?: number;
  log?: (line: string) => void;
  logError?: (line: string) => void;
}): PeriodicJob {
  if (options.intervalSeconds <= 0) return { stop: async () => undefined };
  const log = options.log ?? ((line: string) => console.log(line));
  const logError = options.logError ?? ((line: string) => console.error(line));
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = options
      .run()
      .then((summary) => {
        if (summary) log(`${options.name}: ${summary}`);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        logError(`${options.name} failed: ${message.replace(/\s+/g, " ").slice(0, 300)}`);
      })
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, options.firstRunDelayMs ?? 5_000);
  const every = setInterval(tick, options.intervalSeconds * 1000);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
