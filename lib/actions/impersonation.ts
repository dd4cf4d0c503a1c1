import "server-only";

import { getCurrentSession } from "@/lib/auth/current-session";
import { ExpectedError } from "@/lib/errors";

/**
 * Refused while staff view the app as a customer, by action label (or the label a route checks):
 * moving money, destroying data, taking over credentials, joining or handing over organizations.
 * tests/integration/admin-impersonation.test.ts fails when an action is in neither list.
 */
export const refusedWhileImpersonating = [
  "billing.checkout",
  "billing.checkout_return",
  "billing.portal",
  "billing.change_plan",
  "billing.cancel",
  "billing.resume",
  "organization.delete",
  "organization.transfer",
  "account.delete",
  "account.change_password",
  "account.new_password",
  "account.change_email",
  "account.confirm_email_change",
  "account.two_factor_setup",
  "account.two_factor_confirm",
  "account.two_factor_disable",
  "account.reauthenticate",
  "account.reauthentication_link",
  "account.reauthentication_confirm",
  "account.sign_out_others",
  "account.sign_out_session",
  // The person's own name and picture are theirs to set
  "account.update_name",
  "account.prepare_avatar",
  "account.confirm_avatar",
  "account.remove_avatar",
  // A secret the staff member would walk away with
  "api_key.create",
  "invitation.accept",
  "invitation.accept_by_id",
] as const;

export type RefusedWhileImpersonating = (typeof refusedWhileImpersonating)[number];

export const impersonationRefusedMessage = "Not available while viewing as a customer.";

export class ImpersonationRefusedError extends ExpectedError {
  constructor() {
    super(impersonationRefusedMessage, 403);
    this.name = "ImpersonationRefusedError";
  }
}

export function isRefusedWhileImpersonating(label: string): label is RefusedWhileImpersonating {
  return (refusedWhileImpersonating as readonly string[]).includes(label);
}

/** True when this request's session is a staff member viewing the app as its user. */
export async function isImpersonating(): Promise<boolean> {
  return Boolean((await getCurrentSession())?.impersonatorId);
}

/** Throws ImpersonationRefusedError when `label` is refused and the request is impersonating. */
export async function refuseWhileImpersonating(label: string): Promise<void> {
  if (isRefusedWhileImpersonating(label) && (await isImpersonating()))
    throw new ImpersonationRefusedError();
}
