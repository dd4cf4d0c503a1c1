// Past its lane's limit a task is refused at once instead of piling up until requests time out.
// The first lane always starts first: a flood of new-password hashes cannot starve sign-ins.

export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too much work is queued; try again shortly.");
    this.name = "OverloadedError";
  }
}

export type WorkQueue<Lane extends string> = {
  run<T>(lane: Lane, task: () => Promise<T>): Promise<T>;
  stats(): { running: number; waiting: Record<Lane, number> };
};

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
