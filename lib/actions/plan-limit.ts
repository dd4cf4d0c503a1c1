import { PlanLimitError } from "@/lib/errors";
import type { MemberContext } from "@/lib/tenancy/context";
import { can } from "@/lib/tenancy/permissions";
import type { Middleware } from "./chain";

/**
 * The data layer that refuses over a plan limit does not know who asked; this does, so the
 * message can offer the billing page to those allowed to open it and ask the others to turn
 * to an owner.
 */
export function planLimitAudience<I>(): Middleware<I, MemberContext> {
  return async (_input, ctx, next) => {
    try {
      return await next();
    } catch (error) {
      if (error instanceof PlanLimitError) error.canManageBilling = can(ctx.role, "billing:manage");
      throw error;
    }
  };
}
