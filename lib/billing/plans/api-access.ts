import "server-only";

import { memberContext, toResponse } from "@/lib/actions/chain";
import { failure } from "@/lib/actions/result";
import { withTenant } from "@/lib/db/tenant";
import { requireEntitlement } from "./entitlements";

/**
 * The JSON API is a plan feature (`api` in plans.ts). Route handlers call this first: it
 * answers for the caller's own organization (the membership behind the host, as every
 * action does) and returns the refusal to send — 401/404 as usual, 402 with
 * `code: "plan_limit"` when the plan lacks API access — or null to go on.
 */
export async function refuseWithoutApiAccess(): Promise<Response | null> {
  try {
    const ctx = await memberContext("projects:read");
    await withTenant(ctx.organization.id, (tx) =>
      requireEntitlement(tx, ctx.organization.id, "api"),
    );
    return null;
  } catch (error) {
    return toResponse(failure(error, { action: "api.access" }));
  }
}
