import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient } from "@/lib/db/create-client";
import { replicaSet, type ReplicaFallback } from "@/lib/db/replica-set";

// A replica that accepts the connection and then says nothing (a hung host, a dead network path):
// the connect timeout bounds the wait, and the read is answered by the primary.
let silent: net.Server;
const held: net.Socket[] = [];
let port = 0;

beforeAll(async () => {
  silent = net.createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  port = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe("a replica that never answers", () => {
  it("gives up after the connect timeout and reads from the primary", async () => {
    const primary = createDatabaseClient(process.env.DIRECT_URL || process.env.DATABASE_URL!, {
      poolSize: 1,
    });
    const replica = createDatabaseClient(`postgresql://postgres@127.0.0.1:${port}/postgres`, {
      poolSize: 1,
      timeouts: { connectMs: 300 },
    });
    const fallbacks: ReplicaFallback[] = [];
    const set = replicaSet(
      [replica],
      () => primary,
      (fallback) => fallbacks.push(fallback),
    );
    try {
      const [row] = await set.read(
        (client) => client.$queryRaw<[{ standby: boolean }]>`SELECT pg_is_in_recovery() AS standby`,
      );
      expect(row.standby).toBe(false);
      expect(held.length).toBeGreaterThan(0);
      expect(fallbacks).toHaveLength(1);
    } finally {
      await Promise.all([primary.$disconnect(), replica.$disconnect()]);
    }
  });
});
