import { startUpstashProxy } from "../tests/support/upstash-proxy";

/**
 * Upstash's REST API in front of a Redis of your own, for compose.yaml: the app's rate limits
 * (@upstash/ratelimit) shared by every app container. This is the proxy the integration suite
 * runs the real client against; unlike a plain REST bridge it strips the `#!lua` script flag
 * only Upstash understands, which stock Redis refuses.
 *
 *   REDIS_URL=redis://redis:6379 UPSTASH_REDIS_REST_TOKEN=… PORT=8079 npx tsx scripts/upstash-rest-proxy.ts
 */

const token = process.env.UPSTASH_REDIS_REST_TOKEN;
const redisUrl = process.env.REDIS_URL;
if (!token || token.length < 16 || !redisUrl) {
  console.error("Set REDIS_URL and UPSTASH_REDIS_REST_TOKEN (16+ characters).");
  process.exit(1);
}
const port = Number(process.env.PORT || 8079);

const proxy = await startUpstashProxy({ token, redisUrl, host: "0.0.0.0", port });
// Without a reachable Redis the proxy would fall back to one in its own memory: refuse instead.
if (!proxy.backend.startsWith("Redis ")) {
  console.error(`Redis at ${redisUrl} did not answer`);
  await proxy.close();
  process.exit(1);
}
console.log(`Upstash REST API on port ${port}, in front of ${proxy.backend}`);

const stop = () => void proxy.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
