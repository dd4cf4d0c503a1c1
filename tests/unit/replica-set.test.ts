import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-client";
import { REPLICA_RETRY_AFTER_MS, replicaSet, type ReplicaFallback } from "@/lib/db/replica-set";

// Stand-ins that only need to be told apart: the set hands one to the read and nothing else.
const server = (name: string) =>
  ({ name, $disconnect: async () => undefined }) as unknown as Database;
const nameOf = (client: Database) => (client as unknown as { name: string }).name;

const refused = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" });

function setOf(names: string[], down: Set<string> = new Set()) {
  let clock = 0;
  const fallbacks: ReplicaFallback[] = [];
  const set = replicaSet(
    names.map(server),
    () => server("primary"),
    (fallback) => fallbacks.push(fallback),
    () => clock,
  );
  const read = () =>
    set.read(async (client) => {
      if (down.has(nameOf(client))) throw refused();
      return nameOf(client);
    });
  return { set, read, fallbacks, advance: (ms: number) => (clock += ms) };
}

describe("a set of read replicas", () => {
  it("takes the replicas in turn", async () => {
    const { read } = setOf(["a", "b", "c"]);
    const served = [];
    for (let i = 0; i < 6; i++) served.push(await read());
    expect(served).toEqual(["a", "b", "c", "a", "b", "c"]);
  });

  it("sends a read to the primary when its replica does not answer, and rests that replica", async () => {
    const down = new Set(["a"]);
    const { read, fallbacks, advance } = setOf(["a", "b"], down);
    expect(await read()).toBe("primary");
    expect(fallbacks.map((f) => f.replica)).toEqual([0]);
    expect([await read(), await read()]).toEqual(["b", "b"]);

    down.clear();
    advance(REPLICA_RETRY_AFTER_MS);
    expect([await read(), await read()]).toEqual(["a", "b"]);
    expect(fallbacks).toHaveLength(1);
  });

  it("reads the primary while every replica rests", async () => {
    const { read, fallbacks } = setOf(["a"], new Set(["a"]));
    expect([await read(), await read()]).toEqual(["primary", "primary"]);
    expect(fallbacks).toHaveLength(1);
  });

  it("retries a read the standby cancelled for replay on the primary, without resting it", async () => {
    const set = replicaSet(
      [server("a")],
      () => server("primary"),
      () => undefined,
    );
    let cancelled = false;
    const read = () =>
      set.read(async (client) => {
        if (nameOf(client) === "a" && !cancelled) {
          cancelled = true;
          throw new Error("canceling statement due to conflict with recovery");
        }
        return nameOf(client);
      });
    expect(await read()).toBe("primary");
    expect(await read()).toBe("a");
  });

  it("does not retry a read that failed for its own reasons", async () => {
    const set = replicaSet(
      [server("a")],
      () => server("primary"),
      () => undefined,
    );
    const served: string[] = [];
    await expect(
      set.read(async (client) => {
        served.push(nameOf(client));
        throw new Error("permission denied for table Project");
      }),
    ).rejects.toThrow(/permission denied/);
    expect(served).toEqual(["a"]);
  });
});
