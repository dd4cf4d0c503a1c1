import "server-only";

import { staffAction } from "@/lib/actions/chain";
import { endComp, grantComp } from "../organizations/comp";
import { deleteOrganizationAsStaff } from "../organizations/delete";
import { removeFlagOverride, setFlagOverride } from "../organizations/flag-overrides";
import { setOrganizationLimits } from "../organizations/limits";
import { rereadFromStripe } from "../organizations/reread";
import {
  compSchema,
  deleteOrganizationSchema,
  limitsSchema,
  organizationReasonSchema,
  removeFlagSchema,
  setFlagSchema,
  tenantMoveSchema,
} from "../organizations/schemas";
import { setSuspension } from "../organizations/suspension";
import { startTenantMove } from "../organizations/tenant-database";

// Staff only, with 2FA, a recent sign-in (the chain) and a typed reason, kept in the audit log.

export const rereadFromStripeAction = staffAction(
  "admin.organizations.reread",
  organizationReasonSchema,
  (input, ctx) => rereadFromStripe(ctx, input),
);

export const compPlanAction = staffAction("admin.organizations.comp", compSchema, (input, ctx) =>
  grantComp(ctx, input),
);

export const endCompAction = staffAction(
  "admin.organizations.end_comp",
  organizationReasonSchema,
  (input, ctx) => endComp(ctx, input),
);

export const setLimitsAction = staffAction(
  "admin.organizations.limits",
  limitsSchema,
  (input, ctx) => setOrganizationLimits(ctx, input),
);

export const suspendOrganizationAction = staffAction(
  "admin.organizations.suspend",
  organizationReasonSchema,
  (input, ctx) => setSuspension(ctx, { ...input, suspend: true }),
);

export const unsuspendOrganizationAction = staffAction(
  "admin.organizations.unsuspend",
  organizationReasonSchema,
  (input, ctx) => setSuspension(ctx, { ...input, suspend: false }),
);

export const deleteOrganizationAction = staffAction(
  "admin.organizations.delete",
  deleteOrganizationSchema,
  (input, ctx) => deleteOrganizationAsStaff(ctx, input),
);

export const setFlagOverrideAction = staffAction(
  "admin.organizations.set_flag",
  setFlagSchema,
  (input, ctx) => setFlagOverride(ctx, input),
);

export const removeFlagOverrideAction = staffAction(
  "admin.organizations.remove_flag",
  removeFlagSchema,
  (input, ctx) => removeFlagOverride(ctx, input),
);

export const startTenantMoveAction = staffAction(
  "admin.organizations.tenant_move",
  tenantMoveSchema,
  (input, ctx) => startTenantMove(ctx, input),
);
