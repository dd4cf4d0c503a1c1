import "server-only";

import { getCurrentSession } from "@/lib/auth/current-session";
import { ExpectedError } from "@/lib/errors";

/**
 * What staff viewing the app as a customer may not do, by action label (and, for the route
 * handlers that are not chain actions, the label they check): moving money, destroying data,
 * taking over the account's credentials, and joining or handing over organizations. Every other
 * action runs and is audited with the staff member (lib/audit/record.ts).
 * tests/integration/admin-impersonation.test.ts fails when an action is in neither list.
 */
export const refusedWhileImpersonating = [
  // Billing changes
  "billing.checkout",
  "billing.checkout_return",
  "billing.portal",
  "billing.change_plan",
  "billing.cancel",
  "billing.resume",
  // Deleting an organization or the account; handing an organization over is as final
  "organization.delete",
  "organization.transfer",
  "account.delete",
  // The account's credentials: password, email, two-factor and its recovery codes, sessions
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
  // Joining an organization in the customer's name
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
