import { ExpectedError } from "@/lib/errors";

export const SUSPENDED_MESSAGE = "This organization is suspended. Contact support.";

/**
 * A member's request to an organization staff suspended: refused in the data layer (membership
 * reads, the action chain, API keys), whatever page or route it came through. Data is kept.
 */
export class OrganizationSuspendedError extends ExpectedError {
  constructor() {
    super(SUSPENDED_MESSAGE, 403);
    this.name = "OrganizationSuspendedError";
  }
}
