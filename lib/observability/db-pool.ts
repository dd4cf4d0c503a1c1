import pg from "pg";
import { registerCollector } from "./metrics";

// The Prisma adapter creates its pg pools itself, so they are noticed on first connect.

const globalForPools = globalThis as unknown as { keelPools?: Set<WeakRef<pg.Pool>> };

export function observeDatabasePools(): void {
  if (globalForPools.keelPools) return;
  const pools = (globalForPools.keelPools = new Set());
  const seen = new WeakSet<pg.Pool>();
  const connect = pg.Pool.prototype.connect as (this: pg.Pool, ...args: unknown[]) => unknown;
  pg.Pool.prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
    if (!seen.has(this)) {
      seen.add(this);
      pools.add(new WeakRef(this));
    }
    return connect.apply(this, args);
  } as typeof pg.Pool.prototype.connect;

  registerCollector(
    "keel_db_pool_connections",
    "Connections of this process's database pools, by state (total, idle, waiting requests).",
    ["state"],
    (set) => {
      let total = 0;
      let idle = 0;
      let waiting = 0;
      for (const ref of pools) {
        const pool = ref.deref();
        if (!pool || pool.ended) {
          pools.delete(ref);
          continue;
        }
        total += pool.totalCount;
        idle += pool.idleCount;
        waiting += pool.waitingCount;
      }
      set({ state: "total" }, total);
      set({ state: "idle" }, idle);
      set({ state: "waiting" }, waiting);
    },
  );
}
