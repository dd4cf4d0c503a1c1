import type { NextConfig } from "next";
import { EnvError, envWarnings, parseEnv } from "./lib/env/schema";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/http/request-guards";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * Validates the environment before the server accepts a request: `next start` and
 * `next dev` exit with a message naming each bad variable instead of failing later
 * on the first request that needs it. `next build` does not need runtime secrets.
 */
async function checkEnvironment() {
  try {
    for (const warning of envWarnings(parseEnv(process.env))) console.warn(`⚠ ${warning}`);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

export default async function nextConfig(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER) {
    await checkEnvironment();
  }
  return {
    // The Dockerfile's build sets KEEL_STANDALONE=1: a self-contained server with only the
    // node_modules it needs. Off otherwise, since `next start` warns about standalone builds.
    output: process.env.KEEL_STANDALONE === "1" ? "standalone" : undefined,
    poweredByHeader: false,
    reactStrictMode: true,
    typedRoutes: false,
    // forbidden(): a member without the permission a page needs gets a 403 page.
    experimental: {
      authInterrupts: true,
      // proxy.ts answers larger bodies with 413 before Next would fail them with a 500.
      serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    },
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders }];
    },
  };
}
