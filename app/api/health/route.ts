import { healthResponse } from "@/lib/health/checks";
import { appHealthDependencies } from "@/lib/health/dependencies";

// Every request must reach the dependencies: a cached "ok" would hide an outage.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthResponse(appHealthDependencies());
}
