import { PlanLimitError } from "@/lib/errors";
import type { MemberContext } from "@/lib/tenancy/context";
import { can } from "@/lib/tenancy/permissions";
import type { Middleware } from "./chain";

// The data layer refusing over a plan limit does not know who asked; this does, so the message
// offers billing to those allowed to open it and tells the others to ask an owner.
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
