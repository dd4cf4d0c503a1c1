/**
 * Run by bench/api-v1.ts in its own process, so that lib/env reads DATABASE_URL (the bench
 * database) on import: per-call times of verifyApiKey + recordApiCall, as lib/api/v1/handler.ts
 * runs them, and of an empty async call; prints {baseline, measured} in ms as JSON.
 */
import { performance } from "node:perf_hooks";
import { verifyApiKey } from "@/lib/api-keys/verify";
import { recordApiCall } from "@/lib/usage/record";

const key = process.env.BENCH_API_KEY ?? "";
const iterations = Number(process.env.BENCH_ITERATIONS ?? 2_000);

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < iterations / 10; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

const empty = async () => {};
const verifyAndMeter = async () => {
  const verdict = await verifyApiKey(key, "127.0.0.1");
  if (!verdict.ok) throw new Error(`bench: the key was refused (${verdict.reason})`);
  recordApiCall({ organizationId: verdict.caller.organization.id, apiKeyId: verdict.caller.keyId });
};

const baseline: number[] = [];
const measured: number[] = [];
// Two alternating halves, so drift on the machine hits both alike.
for (let half = 0; half < 2; half++) {
  baseline.push(...(await timed(empty)));
  measured.push(...(await timed(verifyAndMeter)));
}
process.stdout.write(JSON.stringify({ baseline, measured }));
process.exit(0);
