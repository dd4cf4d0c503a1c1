import { describe, expect, it } from "vitest";
import { createWorkQueue, OverloadedError } from "@/lib/auth/work-queue";

/** A task that finishes when the test says so, and records when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    task: async () => {
      log.push(name);
      await opened;
      return name;
    },
  };
}

const queue = () =>
  createWorkQueue({
    concurrency: 2,
    lanes: [
      ["verify", 3],
      ["hash", 1],
    ] as const,
    retryAfterSeconds: 5,
  });

describe("createWorkQueue", () => {
  it("runs at most `concurrency` tasks and refuses a lane past its bound at once", async () => {
    const work = queue();
    const log: string[] = [];
    const gates = ["a", "b", "c"].map((name) => gate(log, name));
    const running = gates.map((g) => work.run("hash", g.task));
    expect(log).toEqual(["a", "b"]);
    await expect(work.run("hash", async () => "d")).rejects.toBeInstanceOf(OverloadedError);
    await expect(work.run("hash", async () => "d")).rejects.toMatchObject({
      retryAfterSeconds: 5,
    });
    gates.forEach((g) => g.open());
    expect(await Promise.all(running)).toEqual(["a", "b", "c"]);
    expect(work.stats()).toEqual({ running: 0, waiting: { verify: 0, hash: 0 } });
  });

  it("starts waiting tasks of the first lane before the second, so a flood cannot starve it", async () => {
    const work = queue();
    const log: string[] = [];
    const first = [gate(log, "h1"), gate(log, "h2")];
    const busy = first.map((g) => work.run("hash", g.task));
    const third = gate(log, "h3");
    const queuedHash = work.run("hash", third.task);
    // The hash lane is full; the verify lane still takes work.
    await expect(work.run("hash", async () => "x")).rejects.toBeInstanceOf(OverloadedError);
    const verify = gate(log, "v1");
    const verified = work.run("verify", verify.task);
    first[0]!.open();
    await busy[0];
    await Promise.resolve();
    expect(log).toEqual(["h1", "h2", "v1"]);
    verify.open();
    expect(await verified).toBe("v1");
    first[1]!.open();
    third.open();
    expect(await queuedHash).toBe("h3");
    expect(log).toEqual(["h1", "h2", "v1", "h3"]);
  });

  it("frees the slot when a task fails", async () => {
    const work = queue();
    await expect(
      work.run("verify", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(work.stats().running).toBe(0);
  });
});
