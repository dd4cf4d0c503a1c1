/**
 * A bounded queue for expensive CPU work (argon2): at most `concurrency` tasks run at once,
 * a bounded number wait per lane, and anything past that is refused at once with
 * `OverloadedError` instead of piling up until every request times out. Waiting tasks of
 * the first lane always start before those of the second, so a flood of one kind (new
 * passwords hashed for strangers) cannot starve the other (people signing in).
 */

export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too much work is queued; try again shortly.");
    this.name = "OverloadedError";
  }
}

export type WorkQueue<Lane extends string> = {
  run<T>(lane: Lane, task: () => Promise<T>): Promise<T>;
  /** Running and waiting tasks, for tests and health checks. */
  stats(): { running: number; waiting: Record<Lane, number> };
};

/** `lanes` in priority order, each with how many tasks may wait in it. */
export function createWorkQueue<Lane extends string>(options: {
  concurrency: number;
  lanes: readonly (readonly [Lane, number])[];
  retryAfterSeconds: number;
}): WorkQueue<Lane> {
  let running = 0;
  const waiting = new Map<Lane, (() => void)[]>(options.lanes.map(([lane]) => [lane, []]));
  const limits = new Map<Lane, number>(options.lanes);

  function startNext() {
    for (const [lane] of options.lanes) {
      const next = waiting.get(lane)!.shift();
      if (next) {
        next();
        return;
      }
    }
  }

  return {
    async run(lane, task) {
      if (running >= options.concurrency) {
        const queue = waiting.get(lane)!;
        if (queue.length >= limits.get(lane)!) throw new OverloadedError(options.retryAfterSeconds);
        // The slot is handed over by the task that finishes, so `running` stays exact.
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running++;
      }
      try {
        return await task();
      } finally {
        if (options.lanes.some(([name]) => waiting.get(name)!.length > 0)) startNext();
        else running--;
      }
    },
    stats() {
      const counts = {} as Record<Lane, number>;
      for (const [lane] of options.lanes) counts[lane] = waiting.get(lane)!.length;
      return { running, waiting: counts };
    },
  };
}
