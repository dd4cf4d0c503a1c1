import { ExpectedError } from "@/lib/errors";

export const SUSPENDED_MESSAGE = "This organization is suspended. Contact support.";

// Refused in the data layer (memberships, action chain, API keys) whatever the route; data is kept.
export class OrganizationSuspendedError extends ExpectedError {
  constructor() {
    super(SUSPENDED_MESSAGE, 403);
    this.name = "OrganizationSuspendedError";
  }
}
