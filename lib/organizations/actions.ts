import "server-only";

import { authenticatedAction, memberAction, withRecentAuthentication } from "@/lib/actions/chain";
import { createOrganization } from "./create";
import {
  createOrganizationSchema,
  deleteOrganizationSchema,
  transferOwnershipSchema,
  updateOrganizationSchema,
} from "./schemas";
import { deleteOrganization, transferOwnership, updateOrganization } from "./settings";

/**
 * The organization operations, checked and parsed; forms and tests call these. Deleting
 * and handing over the organization also need a recent sign-in (step-up).
 */

export const createOrganizationAction = authenticatedAction(
  "organization.create",
  createOrganizationSchema,
  (input, ctx) => createOrganization(ctx, input),
);

export const updateOrganizationAction = memberAction(
  "organization.update",
  "org:update",
  updateOrganizationSchema,
  (input, ctx) => updateOrganization(ctx, input),
);

export const deleteOrganizationAction = memberAction(
  "organization.delete",
  "org:delete",
  deleteOrganizationSchema,
  withRecentAuthentication((input, ctx) => deleteOrganization(ctx, input)),
);

export const transferOwnershipAction = memberAction(
  "organization.transfer",
  "org:transfer",
  transferOwnershipSchema,
  withRecentAuthentication((input, ctx) => transferOwnership(ctx, input)),
);
